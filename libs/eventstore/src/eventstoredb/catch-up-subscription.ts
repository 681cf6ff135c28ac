import type { EventHandler, RecordedEvent, SubscribeOptions, Subscription } from '../port';
import {
  DEFAULT_BACKOFF,
  backoffDelayMs,
  hasCaughtUp,
  resumePosition,
  shouldDeliver,
  type BackoffOptions,
  type SubscriptionProgress,
} from './resubscribe-policy';

/** The slice of the client's AllStreamSubscription the runner uses; tests drive it with a PassThrough. */
export interface SubscriptionStream<M> extends AsyncIterable<M> {
  readonly readableLength: number;
  readonly destroyed: boolean;
  on(event: 'caughtUp' | 'close', listener: () => void): unknown;
  unsubscribe(): Promise<void>;
  destroy(): unknown;
}

export interface SubscriptionSource<M> {
  /** Opens a subscription strictly after `from`; `onCheckpoint` is awaited by the stream before it reads on. */
  open(from: bigint | 'start', onCheckpoint: (position: bigint) => Promise<void>): SubscriptionStream<M>;
  /** Position of the message, and the event to hand over (null when filtered out on the client). */
  toEvent(message: M): { position: bigint; event: RecordedEvent | null };
  /** Newest matching position after `from` when the subscription starts; -1n when there is none. */
  caughtUpTarget(from: bigint | 'start'): Promise<bigint>;
}

export interface RunnerSettings {
  backoff: BackoffOptions;
  /** Consecutive failed (re)subscriptions before giving up through onError. */
  maxConsecutiveFailures: number;
  log: (message: string) => void;
}

export const DEFAULT_RUNNER_SETTINGS: RunnerSettings = {
  backoff: DEFAULT_BACKOFF,
  maxConsecutiveFailures: Number.POSITIVE_INFINITY,
  log: () => undefined,
};

/** A failure that a resubscription cannot fix: the handler threw, or an event could not be decoded or upcast. */
class Unrecoverable extends Error {
  constructor(readonly original: unknown) {
    super('subscription failed for good');
  }
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

/**
 * Catch-up then live over $all, one event at a time, resubscribing with backoff after a drop from the
 * furthest of the last handled event and the last server checkpoint. A handler error ends it for good.
 */
export class CatchUpSubscription<M> implements Subscription {
  private closed = false;
  private readonly progress: SubscriptionProgress;
  private target: bigint | null = null;
  private serverCaughtUp = false;
  private caughtUpReported = false;
  private stream: SubscriptionStream<M> | null = null;
  private handling = false;
  private drainWaiters: Array<{ apply: () => void; discard: () => void }> = [];
  private wake: (() => void) | null = null;
  private readonly finished: Promise<void>;

  constructor(
    private readonly source: SubscriptionSource<M>,
    private readonly handler: EventHandler,
    private readonly options: SubscribeOptions = {},
    private readonly settings: RunnerSettings = DEFAULT_RUNNER_SETTINGS,
  ) {
    this.progress = { fromPosition: options.fromPosition ?? 'start', lastDelivered: null, lastCheckpoint: null };
    this.finished = this.run();
  }

  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.wake?.();
      await this.stopStream();
    }
    await this.finished;
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.closed) {
      try {
        if (this.target === null) this.target = await this.source.caughtUpTarget(this.progress.fromPosition);
        this.reportCaughtUpIfReached();
        let opened: SubscriptionStream<M> | null = null;
        const stream = this.source.open(resumePosition(this.progress), (position) => this.onCheckpoint(opened, position));
        opened = stream;
        this.stream = stream;
        // a dropped stream's buffered events are lost, so checkpoints waiting on them no longer hold
        stream.on('close', () => this.stream === stream && this.releaseDrainWaiters(false));
        stream.on('caughtUp', () =>
          this.whenDrained(
            stream,
            () => ((this.serverCaughtUp = true), this.reportCaughtUpIfReached()),
            () => undefined,
          ),
        );
        for await (const message of stream) {
          if (this.closed) break;
          attempt = 0;
          await this.handle(message);
          if (stream.readableLength === 0 && !stream.destroyed) this.releaseDrainWaiters(true);
        }
        if (!this.closed) throw new Error('subscription ended by the server');
      } catch (error) {
        if (this.closed) break;
        if (error instanceof Unrecoverable || attempt >= this.settings.maxConsecutiveFailures) {
          this.closed = true;
          await this.stopStream();
          this.options.onError?.(asError(error instanceof Unrecoverable ? error.original : error));
          break;
        }
        const delay = backoffDelayMs(attempt++, this.settings.backoff);
        this.settings.log(`subscription to $all dropped (${asError(error).message}); resubscribing in ${delay} ms`);
        await this.stopStream();
        await this.sleep(delay);
      }
    }
    this.releaseDrainWaiters(false);
  }

  private async handle(message: M): Promise<void> {
    let decoded: ReturnType<SubscriptionSource<M>['toEvent']>;
    try {
      decoded = this.source.toEvent(message);
    } catch (error) {
      throw new Unrecoverable(error);
    }
    const { position, event } = decoded;
    if (!shouldDeliver(position, this.progress)) return;
    if (event) {
      this.handling = true;
      try {
        await this.handler(event);
      } catch (error) {
        throw new Unrecoverable(error);
      } finally {
        this.handling = false;
      }
    }
    this.progress.lastDelivered = position;
    this.reportCaughtUpIfReached();
  }

  /**
   * A checkpoint only counts once every event the server sent before it has been handled; if the
   * stream drops first, the checkpoint is forgotten and the events before it are read again.
   */
  private onCheckpoint(stream: SubscriptionStream<M> | null, position: bigint): Promise<void> {
    return new Promise((resolve) =>
      this.whenDrained(
        stream,
        () => {
          if (this.progress.lastCheckpoint === null || position > this.progress.lastCheckpoint) {
            this.progress.lastCheckpoint = position;
          }
          this.reportCaughtUpIfReached();
          resolve();
        },
        resolve,
      ),
    );
  }

  /** Runs `apply` once `stream` has nothing buffered or in hand, or `discard` if it is no longer current. */
  private whenDrained(stream: SubscriptionStream<M> | null, apply: () => void, discard: () => void): void {
    if (this.closed || stream === null || stream !== this.stream || stream.destroyed) discard();
    else if (!this.handling && stream.readableLength === 0) apply();
    else this.drainWaiters.push({ apply, discard });
  }

  private releaseDrainWaiters(apply: boolean): void {
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const waiter of waiters) (apply ? waiter.apply : waiter.discard)();
  }

  private reportCaughtUpIfReached(): void {
    if (this.caughtUpReported || this.closed || this.target === null) return;
    if (!hasCaughtUp({ ...this.progress, target: this.target, serverCaughtUp: this.serverCaughtUp })) return;
    this.caughtUpReported = true;
    this.options.onCaughtUp?.();
  }

  private async stopStream(): Promise<void> {
    const stream = this.stream;
    this.stream = null;
    this.releaseDrainWaiters(false);
    if (!stream) return;
    try {
      await stream.unsubscribe();
    } catch (error) {
      this.settings.log(`unsubscribe failed: ${asError(error).message}`);
    }
    stream.destroy();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
