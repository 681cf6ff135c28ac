import type { EventStore, RecordedEvent, Subscription } from '@par-index/eventstore';
import type { DataSource } from 'typeorm';
import { applyBatch, type DerivedReadModel } from './apply-batch';
import { NO_POSITION, readCheckpoints } from './checkpoints';
import { waitForCheckpoints } from './wait-for-checkpoints';
import type { AnyProjection, ProjectedEvent } from './projection';

export interface DaemonLogger {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface DaemonOptions {
  catchUpBatchSize?: number;
  /** attempts per event batch before the daemon stops (Marten's "stop" error policy) */
  maxAttempts?: number;
  retryDelayMs?: number;
  logger?: DaemonLogger;
}

export type DaemonState = 'stopped' | 'catching_up' | 'live' | 'failed';

export interface DaemonStatus {
  state: DaemonState;
  checkpoints: Record<string, string>;
  headPosition: string;
  lastError?: string;
}

export function toProjectedEvent(event: RecordedEvent): ProjectedEvent {
  return {
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

/**
 * The async projection daemon: catches up from the lowest checkpoint in batches, then follows the
 * store's live subscription, one transaction per delivered event. It reads every event (not only
 * the projected types) so checkpoints track the store's head and `waitFor` works for any position.
 */
export class ProjectionDaemon {
  private subscription: Subscription | undefined;
  private state: DaemonState = 'stopped';
  private lastError: string | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly projections: readonly AnyProjection[],
    private readonly derived: readonly DerivedReadModel[],
    private readonly options: DaemonOptions = {},
  ) {}

  private get log(): DaemonLogger {
    return this.options.logger ?? silent;
  }

  private get names(): string[] {
    return [...this.projections, ...this.derived].map((p) => p.name);
  }

  async lowestCheckpoint(): Promise<bigint> {
    const checkpoints = await readCheckpoints(this.dataSource.manager);
    return this.names
      .map((name) => checkpoints.get(name) ?? NO_POSITION)
      .reduce((lowest, position) => (position < lowest ? position : lowest), ABOVE_ANY_POSITION);
  }

  private async applyWithRetry(events: ProjectedEvent[]): Promise<void> {
    const attempts = this.options.maxAttempts ?? 3;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await applyBatch(this.dataSource, this.projections, this.derived, events);
        return;
      } catch (error) {
        const at = events[0]?.position.toString();
        this.log.error({ err: error, position: at, attempt }, 'projection batch failed');
        if (attempt >= attempts) throw error;
        await sleep((this.options.retryDelayMs ?? 200) * attempt);
      }
    }
  }

  /** Applies every stored event past the checkpoints; returns how many events were read. */
  async catchUp(): Promise<number> {
    this.state = 'catching_up';
    let from = await this.lowestCheckpoint();
    let total = 0;
    for (;;) {
      const batch = await this.store.readAll({
        fromPosition: from < 0n ? 'start' : from,
        maxCount: this.options.catchUpBatchSize ?? 500,
      });
      if (batch.length === 0) return total;
      await this.applyWithRetry(batch.map(toProjectedEvent));
      total += batch.length;
      from = batch[batch.length - 1]!.position;
    }
  }

  async start(): Promise<void> {
    const caughtUp = await this.catchUp();
    const from = await this.lowestCheckpoint();
    this.log.info({ caughtUp, from: from.toString() }, 'projections caught up; following live events');
    this.subscription = this.store.subscribeToAll(
      async (event) => {
        if (this.state === 'failed') return;
        try {
          await this.applyWithRetry([toProjectedEvent(event)]);
        } catch (error) {
          this.state = 'failed';
          this.lastError = error instanceof Error ? error.message : String(error);
          this.log.error({ position: event.position.toString() }, 'projection daemon stopped on a failing event');
        }
      },
      {
        fromPosition: from < 0n ? 'start' : from,
        onCaughtUp: () => {
          if (this.state !== 'failed') this.state = 'live';
        },
        onError: (error) => {
          this.state = 'failed';
          this.lastError = error.message;
        },
      },
    );
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    this.subscription = undefined;
    this.state = 'stopped';
  }

  async status(): Promise<DaemonStatus> {
    const checkpoints = await readCheckpoints(this.dataSource.manager);
    return {
      state: this.state,
      checkpoints: Object.fromEntries(
        this.names.map((name) => [name, (checkpoints.get(name) ?? NO_POSITION).toString()]),
      ),
      headPosition: (await this.store.headPosition()).toString(),
      lastError: this.lastError,
    };
  }

  /** Resolves once every projection has applied `position` (read-your-writes for callers). */
  waitFor(position: bigint, timeoutMs = 10_000): Promise<boolean> {
    return waitForCheckpoints(this.dataSource, this.names, position, timeoutMs, () => this.state === 'failed');
  }
}
