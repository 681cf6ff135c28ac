import pino from 'pino';

export type Logger = pino.Logger;

/** `stream: 'stderr'` for commands whose stdout is their result (JSON an operator or script parses). */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info', stream: 'stdout' | 'stderr' = 'stdout'): Logger {
  return stream === 'stderr' ? pino({ name, level }, pino.destination(2)) : pino({ name, level });
}
