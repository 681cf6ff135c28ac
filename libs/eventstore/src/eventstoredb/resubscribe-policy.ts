export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  factor: number;
  /** 0 = none; 0.5 = up to half the delay taken off at random. */
  jitter: number;
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = {
  initialMs: 100,
  maxMs: 5_000,
  factor: 2,
  jitter: 0.2,
  random: Math.random,
};

/** Delay before reconnect attempt `attempt` (0-based): exponential, capped, optionally jittered downwards. */
export function backoffDelayMs(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, Math.floor(attempt));
  const base = Math.min(options.maxMs, options.initialMs * options.factor ** exponent);
  const jitter = Math.min(1, Math.max(0, options.jitter));
  return Math.round(base * (1 - jitter * options.random()));
}

export interface SubscriptionProgress {
  /** The caller's exclusive start. */
  fromPosition: bigint | 'start';
  /** Position of the last event the handler finished with. */
  lastDelivered: bigint | null;
  /** Latest server checkpoint whose preceding events were all handled. */
  lastCheckpoint: bigint | null;
}

function maxPosition(...positions: Array<bigint | 'start' | null>): bigint | 'start' {
  let best: bigint | 'start' = 'start';
  for (const position of positions) {
    if (position === null || position === 'start') continue;
    if (best === 'start' || position > best) best = position;
  }
  return best;
}

/**
 * Where a resubscription starts (exclusive). A filtered subscription may deliver nothing for a long
 * stretch of $all; the server's checkpoints let it resume past the filtered-out events.
 */
export function resumePosition(progress: SubscriptionProgress): bigint | 'start' {
  return maxPosition(progress.fromPosition, progress.lastDelivered, progress.lastCheckpoint);
}

/**
 * Exactly-once across reconnects: nothing at or before the caller's start or the last delivered
 * position is handed over again. A checkpoint is not a delivered event, so it does not count here.
 */
export function shouldDeliver(eventPosition: bigint, progress: SubscriptionProgress): boolean {
  const floor = maxPosition(progress.fromPosition, progress.lastDelivered);
  return floor === 'start' || eventPosition > floor;
}

export interface CatchUpState extends SubscriptionProgress {
  /** Newest matching position when the subscription started, or -1n when none matched. */
  target: bigint;
  /** The server said so (EventStoreDB 23.10+ sends caught-up messages). */
  serverCaughtUp: boolean;
}

export function hasCaughtUp(state: CatchUpState): boolean {
  if (state.serverCaughtUp) return true;
  const reached = resumePosition(state);
  if (state.target < 0n) return true;
  return reached !== 'start' && reached >= state.target;
}
