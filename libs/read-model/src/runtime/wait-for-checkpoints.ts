import type { DataSource } from 'typeorm';
import { activeFailure } from './projection-state';

export type ProjectionWait = { projected: true } | { projected: false; reason: string };

interface Waiter {
  names: readonly string[];
  position: bigint;
  deadline: number;
  timeoutMs: number;
  resolve(wait: ProjectionWait): void;
}

const POLL_MS = 10;
const sleeping = new Set<() => void>();

/** A projector in this process committed a batch: every watcher polls now instead of at its next tick. */
export function checkpointsAdvanced(): void {
  for (const wake of [...sleeping]) wake();
}

function nap(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      sleeping.delete(wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    sleeping.add(wake);
  });
}
const FAILURE_CHECK_MS = 100;

/**
 * Every caller of one connection waiting for the read models shares one poll: one small query per
 * tick answers all of them, however many mutations wait at once (a poll per waiter would put the
 * database under a load that grows with the load it is waiting out).
 */
class CheckpointWatcher {
  private readonly waiters = new Set<Waiter>();
  private running = false;

  constructor(private readonly dataSource: DataSource) {}

  wait(names: readonly string[], position: bigint, timeoutMs: number): Promise<ProjectionWait> {
    return new Promise((resolve) => {
      this.waiters.add({ names, position, deadline: Date.now() + timeoutMs, timeoutMs, resolve });
      if (!this.running) void this.run();
    });
  }

  private settle(waiter: Waiter, wait: ProjectionWait): void {
    this.waiters.delete(waiter);
    waiter.resolve(wait);
  }

  private async run(): Promise<void> {
    this.running = true;
    let lastFailureCheck = 0;
    try {
      while (this.waiters.size > 0) {
        const checkpoints = await this.read();
        for (const waiter of this.waiters) {
          if (waiter.names.every((name) => (checkpoints.get(name) ?? -1n) >= waiter.position)) this.settle(waiter, { projected: true });
        }
        if (this.waiters.size > 0 && Date.now() - lastFailureCheck >= FAILURE_CHECK_MS) {
          lastFailureCheck = Date.now();
          const failure = await activeFailure(this.dataSource.manager);
          if (failure) {
            const at = failure.position === null ? '' : ` at position ${failure.position}`;
            for (const waiter of this.waiters)
              this.settle(waiter, { projected: false, reason: `projection ${failure.projection} failed${at}: ${failure.error}` });
          }
        }
        const now = Date.now();
        for (const waiter of this.waiters) {
          if (now >= waiter.deadline)
            this.settle(waiter, {
              projected: false,
              reason: `read models did not reach position ${waiter.position} within ${waiter.timeoutMs} ms`,
            });
        }
        if (this.waiters.size > 0) await nap(POLL_MS);
      }
    } catch (error) {
      const reason = `read-model checkpoints could not be read: ${error instanceof Error ? error.message : String(error)}`;
      for (const waiter of this.waiters) this.settle(waiter, { projected: false, reason });
    } finally {
      this.running = false;
    }
  }

  private async read(): Promise<Map<string, bigint>> {
    const rows: { projection_name: string; position: string }[] = await this.dataSource.query(
      'SELECT projection_name, position FROM projection_checkpoints',
    );
    return new Map(rows.map((row) => [row.projection_name, BigInt(row.position)]));
  }
}

const watchers = new WeakMap<DataSource, CheckpointWatcher>();

/**
 * Read-your-writes for a caller that just appended at `position`: resolves once every named
 * projection's checkpoint reached it (works whether the projector runs in this process or not).
 * A failed projection of the active version answers at once with its reason, not at the timeout.
 */
export function waitForCheckpoints(
  dataSource: DataSource,
  projectionNames: readonly string[],
  position: bigint,
  timeoutMs = 5_000,
): Promise<ProjectionWait> {
  let watcher = watchers.get(dataSource);
  if (!watcher) watchers.set(dataSource, (watcher = new CheckpointWatcher(dataSource)));
  return watcher.wait(projectionNames, position, timeoutMs);
}
