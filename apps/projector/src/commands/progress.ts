import { SingleBar } from 'cli-progress';
import type { EventStore } from '@par-index/eventstore';

export interface ProgressSample {
  version: number;
  position: string;
  head: string;
  events: number;
  eventsPerSecond: number;
  etaSeconds: number | null;
}

/**
 * Rebuild progress: a cli-progress bar (events/s, position/head, ETA) on a terminal, one JSON line
 * per second otherwise (logs, CI). Positions stand in for events: equal on the PostgreSQL store.
 */
export function createProgress(store: EventStore, out: NodeJS.WriteStream = process.stdout) {
  const started = Date.now();
  let events = 0;
  let head = -1n;
  let lastLine = 0;
  let bar: SingleBar | undefined;

  const sample = (version: number, position: bigint): ProgressSample => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    const rate = events / seconds;
    const remaining = head > position ? Number(head - position) : 0;
    return {
      version,
      position: position.toString(),
      head: head.toString(),
      events,
      eventsPerSecond: Math.round(rate),
      etaSeconds: rate > 0 ? Math.round(remaining / rate) : null,
    };
  };

  return {
    async start(): Promise<void> {
      head = await store.headPosition();
      if (out.isTTY) {
        bar = new SingleBar(
          { format: 'v{version} |{bar}| {value}/{total} positions | {rate} events/s | ETA {eta_formatted}', hideCursor: true },
          undefined,
        );
        bar.start(Number(head + 1n), 0, { version: '?', rate: 0 });
      }
    },
    onBatch(version: number, position: bigint, count: number): void {
      events += count;
      if (position > head) head = position;
      const now = sample(version, position);
      if (bar) {
        bar.setTotal(Number(head + 1n));
        bar.update(Number(position + 1n), { version, rate: now.eventsPerSecond });
      } else if (Date.now() - lastLine >= 1000) {
        lastLine = Date.now();
        out.write(`${JSON.stringify({ progress: 'rebuild', ...now })}\n`);
      }
    },
    stop(): void {
      bar?.stop();
    },
  };
}
