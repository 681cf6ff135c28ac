import type { EventFilter, EventHandler, RecordedEvent, SubscribeOptions, Subscription } from '../port';
import type { NotificationListener } from './notification-listener';

export interface SubscriptionPage {
  events: RecordedEvent[];
  /** Safe resume point: every event up to here was visible to the read (see read.ts). */
  scannedUpTo: bigint;
}

export interface SubscriptionDeps {
  readPage(fromPosition: bigint, limit: number, filter: EventFilter | undefined): Promise<SubscriptionPage>;
  listener: NotificationListener;
  pollIntervalMs: number;
  batchSize: number;
  maxConsecutiveFailures: number;
}

class HandlerError extends Error {
  constructor(readonly original: unknown) {
    super(original instanceof Error ? original.message : String(original));
  }
}

/**
 * Catch-up then live, in one loop: read a page after the last position, hand each event to the
 * awaited handler, and when a page comes back short, wait for a NOTIFY or the poll interval.
 */
export class PostgresSubscription implements Subscription {
  private closed = false;
  private inHandler = false;
  private interruptWait: () => void = () => undefined;
  private readonly finished: Promise<void>;

  constructor(
    private readonly deps: SubscriptionDeps,
    private readonly handler: EventHandler,
    private readonly options: SubscribeOptions,
  ) {
    deps.listener.acquire();
    this.finished = this.run().finally(() => deps.listener.release());
  }

  async close(): Promise<void> {
    this.closed = true;
    this.interruptWait();
    // closing from inside the handler must not wait for the handler to return
    if (!this.inHandler) await this.finished;
  }

  private async run(): Promise<void> {
    const { listener, pollIntervalMs, batchSize, maxConsecutiveFailures } = this.deps;
    let position = this.options.fromPosition === undefined || this.options.fromPosition === 'start' ? -1n : this.options.fromPosition;
    let caughtUp = false;
    let failures = 0;
    while (!this.closed) {
      try {
        await listener.ensureListening();
        const seen = listener.changes;
        const page = await this.deps.readPage(position, batchSize, this.options.filter);
        failures = 0;
        for (const event of page.events) {
          if (this.closed) return;
          await this.deliver(event);
          position = event.position;
        }
        if (page.scannedUpTo > position) position = page.scannedUpTo;
        if (page.events.length >= batchSize) continue;
        if (!caughtUp) {
          caughtUp = true;
          this.options.onCaughtUp?.();
        }
        await this.pause(listener.waitForChange(seen, pollIntervalMs));
      } catch (error) {
        if (error instanceof HandlerError) return this.stop(error.original);
        failures++;
        if (failures > maxConsecutiveFailures) return this.stop(error);
        const backoff = Math.min(100 * 2 ** (failures - 1), 5_000);
        await this.pause(interruptibleSleep(backoff));
      }
    }
  }

  private async deliver(event: RecordedEvent): Promise<void> {
    this.inHandler = true;
    try {
      await this.handler(event);
    } catch (error) {
      throw new HandlerError(error);
    } finally {
      this.inHandler = false;
    }
  }

  private async pause(wait: { promise: Promise<void>; interrupt: () => void }): Promise<void> {
    this.interruptWait = wait.interrupt;
    if (this.closed) wait.interrupt();
    await wait.promise;
    this.interruptWait = () => undefined;
  }

  private stop(error: unknown): void {
    this.closed = true;
    this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
  }
}

function interruptibleSleep(ms: number): { promise: Promise<void>; interrupt: () => void } {
  let interrupt: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    interrupt = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  return { promise, interrupt };
}
