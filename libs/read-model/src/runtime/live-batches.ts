import type { ProjectedEvent } from './projection';

// live events queued beyond this make the subscription wait (backpressure) instead of growing memory
const MAX_QUEUED = 20_000;

/**
 * Turns a live subscription's one-by-one deliveries into batches: events queue while a batch is
 * applied, and the next batch takes whatever arrived meanwhile (at most `maxBatch`). Under load
 * batches grow, so the lag stays flat instead of one transaction per event falling behind.
 */
export class LiveBatches {
  private queue: ProjectedEvent[] = [];
  private draining: Promise<void> | undefined;
  private open = true;

  constructor(
    /** applies one batch; a rejection stops the batches (the queue is dropped) */
    private readonly apply: (batch: ProjectedEvent[]) => Promise<void>,
    private readonly maxBatch: number,
    private readonly onFailure: () => void,
  ) {}

  /** Queues an event; resolves at once unless the queue is full (then when it has drained). */
  async push(event: ProjectedEvent): Promise<void> {
    if (!this.open) return;
    this.queue.push(event);
    this.drain();
    if (this.queue.length >= MAX_QUEUED) await this.draining;
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = (async () => {
      while (this.queue.length > 0 && this.open) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.apply(batch).catch(() => {
          this.close();
          this.onFailure();
        });
      }
    })().finally(() => {
      this.draining = undefined;
      if (this.queue.length > 0 && this.open) this.drain();
    });
  }

  /** Stops taking events; queued ones are dropped (the next start reads them again from the checkpoint). */
  close(): void {
    this.open = false;
    this.queue = [];
  }

  /** Resolves when the batch being applied (if any) has finished. */
  async settled(): Promise<void> {
    await this.draining;
  }
}
