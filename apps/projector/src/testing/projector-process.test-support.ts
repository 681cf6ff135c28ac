import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { EventStore } from '@par-index/eventstore';
import { Client } from 'pg';

export { eventually } from '@par-index/config/testing';

export const PROJECTOR_MAIN = path.resolve(__dirname, '../../dist/main.js');
/** Production mode needs the hash-chain key; test processes write no anchor files. */
export const TEST_CHAIN_ENV = { EVENTSTORE_HMAC_KEY: 'projector-process-test-key-0123456789', EVENTSTORE_ANCHOR_INTERVAL_SECONDS: '0' };

/** The built projector CLI as a real process, with its output lines kept for assertions. */
export interface ProjectorProcess {
  child: ChildProcess;
  pid: number;
  lines: string[];
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<number | null>;
}

export function startProjectorProcess(databaseUrl: string, args: string[] = ['run'], env: Record<string, string> = {}): ProjectorProcess {
  const child = spawn(process.execPath, [PROJECTOR_MAIN, ...args], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      EVENTSTORE_URL: '',
      LOG_LEVEL: 'info',
      ...TEST_CHAIN_ENV,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      for (const wake of waiters) wake();
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    pid: child.pid!,
    lines,
    exited,
    waitForLine(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = lines.find((line) => pattern.test(line));
          if (found === undefined) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; output:\n${lines.join('\n')}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
}

export async function withClient<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const at = '2024-03-01T08:00:00.000Z';

/** Appends one domain event the way the API would (envelope metadata included). */
export function appendEvent(
  store: EventStore,
  stream: string,
  type: string,
  data: Record<string, unknown>,
  schemaVersion = type === 'SelfScoreRecorded' ? 2 : 1,
) {
  return store.appendToStream(
    stream,
    [
      {
        id: randomUUID(),
        type,
        data: { at, by: 'tester', ...data },
        metadata: {
          actorId: 'tester',
          actorRole: 'admin',
          occurredAt: at,
          correlationId: 'c',
          causationId: 'c',
          idempotencyKey: randomUUID(),
          schemaVersion,
        },
      },
    ],
    'any',
  );
}

export function registerUnit(store: EventStore, unitId: string, group = 'provinces') {
  return appendEvent(store, `unit-${unitId}`, 'UnitRegistered', {
    unitId,
    name: unitId,
    level: 'province',
    group,
    region: null,
    parentUnitId: null,
  });
}
