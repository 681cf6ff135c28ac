import type { EventStore, RecordedEvent, Subscription } from '@par-index/eventstore';
import type { DataSource } from 'typeorm';
import { applyBatch, ProjectionApplyError, type DerivedReadModel } from './apply-batch';
import { NO_POSITION, readCheckpoints } from './checkpoints';
import { measureLag } from './lag';
import { LiveBatches } from './live-batches';
import { readSkips, recordDroppedEvent, recordProjectionState, type ProjectionStatus } from './projection-state';
import { waitForCheckpoints, type ProjectionWait } from './wait-for-checkpoints';
import type { AnyProjection, ProjectedEvent } from './projection';

export interface DaemonLogger {
  info(fields: object, message: string): void;
  warn?(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface DaemonOptions {
  /** the read-model version the daemon's connection writes (its search_path) */
  version: number;
  /** the lease holder's instance id, shown in projection_state */
  holder: string;
  /** `rebuilding` while a blue/green build catches up */
  mode?: 'running' | 'rebuilding';
  /** events per catch-up page and transaction (default 2,000) */
  catchUpBatchSize?: number;
  /** most live events applied in one transaction (default 1,000): whatever queued while the last one ran */
  liveBatchSize?: number;
  /** attempts per batch (and then per event) before the projection is marked failed */
  maxAttempts?: number;
  /** first retry delay; doubles per attempt */
  retryDelayMs?: number;
  logger?: DaemonLogger;
  /** called after every applied batch (rebuild progress) */
  onBatch?: (lastPosition: bigint, events: number) => void;
}

export function toProjectedEvent(event: RecordedEvent): ProjectedEvent {
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    streamName: event.streamName,
    revision: event.revision,
    position: event.position,
    metadata: event.metadata,
  };
}

const silent: DaemonLogger = { info: () => undefined, error: () => undefined };
// EventStoreDB commit positions are unsigned 64-bit: this bound is above every one of them.
const ABOVE_ANY_POSITION = 2n ** 64n;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A batch failed past its retries; the daemon has recorded the poison event and stopped. */
export class ProjectionFailedError extends Error {
  override readonly name = 'ProjectionFailedError';
}

/**
 * The async projection daemon of one read-model version: catches up from the lowest checkpoint in
 * batches, then follows the store's live subscription. The caller holds the version's lease.
 * Errors: retry with backoff, then narrow the batch to the failing event, record it as the poison
 * event in projection_state (status failed) and stop until `resume`.
 */
export class ProjectionDaemon {
  private subscription: Subscription | undefined;
  private status: ProjectionStatus = 'stopped';
  private skipped: ReadonlySet<bigint> = new Set();
  private live: LiveBatches | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly projections: readonly AnyProjection[],
    private readonly derived: readonly DerivedReadModel[],
    private readonly options: DaemonOptions,
  ) {}

  private get log(): DaemonLogger {
    return this.options.logger ?? silent;
  }

  get names(): string[] {
    return [...this.projections, ...this.derived].map((p) => p.name);
  }

  get failed(): boolean {
    return this.status === 'failed';
  }

  async lowestCheckpoint(): Promise<bigint> {
    const checkpoints = await readCheckpoints(this.dataSource.manager);
    return this.names
      .map((name) => checkpoints.get(name) ?? NO_POSITION)
      .reduce((lowest, position) => (position < lowest ? position : lowest), ABOVE_ANY_POSITION);
  }

  /** Writes this version's state rows (status, checkpoint, head, lag) to projection_state. */
  async heartbeat(failure?: { error: string; position: bigint | null }): Promise<void> {
    const lag = await measureLag(this.store, await this.lowestCheckpoint());
    await recordProjectionState(
      this.dataSource.manager,
      this.options.version,
      this.names,
      this.options.holder,
      this.status,
      { head: lag.head, lagSeconds: lag.seconds },
      failure,
    );
  }

  private async applyWithRetry(events: ProjectedEvent[]): Promise<void> {
    const attempts = this.options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await applyBatch(this.dataSource, this.projections, this.derived, events, this.skipped, async (manager, dropped) => {
          for (const drop of dropped) await recordDroppedEvent(manager, this.options.version, drop.projection, drop.position);
        });
        for (const drop of result.dropped)
          this.log.warn?.({ ...drop, position: drop.position.toString() }, 'event dropped: its read-model row does not exist');
        if (result.lastPosition !== undefined) this.options.onBatch?.(result.lastPosition, events.length);
        return;
      } catch (error) {
        this.log.error({ err: messageOf(error), from: events[0]?.position.toString(), attempt }, 'projection batch failed');
        if (attempt >= attempts) throw error;
        await sleep((this.options.retryDelayMs ?? 100) * 2 ** (attempt - 1));
      }
    }
  }

  /** Applies a batch; when it keeps failing, event by event to find and record the poison event. */
  private async apply(events: ProjectedEvent[]): Promise<void> {
    try {
      await this.applyWithRetry(events);
      return;
    } catch (error) {
      if (events.length === 1) return this.fail(error, events[0]!.position);
    }
    for (const event of events) {
      try {
        await this.applyWithRetry([event]);
      } catch (error) {
        return this.fail(error, event.position);
      }
    }
  }

  private async fail(error: unknown, position: bigint | null): Promise<never> {
    this.status = 'failed';
    const poison = error instanceof ProjectionApplyError && error.position !== null ? error.position : position;
    this.log.error(
      { err: messageOf(error), position: poison?.toString() },
      'projection failed: poison event recorded, waiting for resume or skip',
    );
    await this.heartbeat({ error: messageOf(error), position: poison }).catch(() => undefined);
    throw new ProjectionFailedError(`projection failed at position ${poison}: ${messageOf(error)}`);
  }

  /** Applies every stored event past the checkpoints; returns how many events were read. */
  async catchUp(): Promise<number> {
    this.skipped = await readSkips(this.dataSource.manager, this.options.version);
    this.status = this.options.mode === 'rebuilding' ? 'rebuilding' : 'catching_up';
    await this.heartbeat();
    const read = (from: bigint) => {
      const page = this.store.readAll({ fromPosition: from < 0n ? 'start' : from, maxCount: this.options.catchUpBatchSize ?? 2_000 });
      page.catch(() => undefined); // awaited below; a page read ahead of a failed batch must not go unhandled
      return page;
    };
    let next = read(await this.lowestCheckpoint());
    let total = 0;
    for (;;) {
      const batch = await next;
      if (batch.length === 0) return total;
      next = read(batch[batch.length - 1]!.position); // the next page is read while this one is applied
      await this.apply(batch.map(toProjectedEvent));
      total += batch.length;
    }
  }

  /** Catches up, then follows live events. Rejects with ProjectionFailedError on a poison event. */
  async start(): Promise<void> {
    const caughtUp = await this.catchUp();
    const from = await this.lowestCheckpoint();
    this.log.info({ version: this.options.version, caughtUp, from: from.toString() }, 'projections caught up; following live events');
    const live = new LiveBatches(
      (batch) => this.apply(batch),
      this.options.liveBatchSize ?? 1_000,
      () => void this.subscription?.close(),
    );
    this.live = live;
    this.subscription = this.store.subscribeToAll(
      async (event) => {
        if (!this.failed) await live.push(toProjectedEvent(event));
      },
      {
        fromPosition: from < 0n ? 'start' : from,
        onCaughtUp: () => {
          if (!this.failed) this.status = 'running';
          void this.heartbeat().catch(() => undefined);
        },
        onError: (error) => {
          if (this.status === 'stopped') return;
          this.log.error({ err: error.message }, 'event subscription stopped');
          void this.fail(error, null).catch(() => undefined);
        },
      },
    );
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    if (!this.failed) this.status = 'stopped';
    this.live?.close();
    await subscription?.close();
    await this.live?.settled();
  }

  /** Resolves once every projection of this version has applied `position`. */
  waitFor(position: bigint, timeoutMs = 10_000): Promise<ProjectionWait> {
    return waitForCheckpoints(this.dataSource, this.names, position, timeoutMs);
  }
}
