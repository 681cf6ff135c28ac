/**
 * The event-store port. Both adapters (PostgreSQL, EventStoreDB) implement it and pass the same
 * contract suite (src/contract). Positions are bigint: EventStoreDB commit positions exceed 2^53.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface EventMetadata {
  actorId: string;
  actorRole: string;
  occurredAt: string; // ISO-8601, supplied by the caller (never read from the clock by the store)
  correlationId: string;
  causationId: string;
  idempotencyKey: string;
  schemaVersion: number;
  [extra: string]: unknown;
}

export interface EventToAppend {
  id: string; // uuid; appending the same ids again is accepted once (idempotent append)
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

export interface RecordedEvent {
  id: string;
  streamName: string;
  revision: bigint; // 0-based position within the stream
  position: bigint; // global position in the $all log, strictly increasing in delivery order
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recordedAt: Date;
  hash: string; // tamper-evident chain: sha256 over content + previous hash (see hash-chain.ts)
  previousHash: string | null;
}

export interface AppendResult {
  nextExpectedRevision: bigint; // revision of the last event now in the stream
  position: bigint; // global position of the last appended event
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  fromRevision?: bigint | 'start' | 'end';
  maxCount?: number;
}

export interface ReadAllOptions {
  fromPosition?: bigint | 'start'; // exclusive: events strictly after this position
  maxCount?: number;
  filter?: EventFilter;
}

/** Both lists optional; when both are given an event must match a prefix AND a type. */
export interface EventFilter {
  streamNamePrefixes?: string[];
  eventTypes?: string[];
}

export interface SubscribeOptions {
  fromPosition?: bigint | 'start'; // exclusive, as in ReadAllOptions
  filter?: EventFilter;
  /** Called after catch-up ends and the subscription is live. */
  onCaughtUp?: () => void;
  /** Called when the subscription stops for good (after close() or an unrecoverable error). */
  onError?: (error: Error) => void;
}

export interface Subscription {
  close(): Promise<void>;
}

export type EventHandler = (event: RecordedEvent) => Promise<void> | void;

export interface VerifyResult {
  ok: boolean;
  streamsChecked: number;
  eventsChecked: number;
  /**
   * The first problem found. `reason: 'truncated'` means events the latest signed anchor saw are
   * gone: `anchoredPosition` is where that anchor was taken, `headPosition` the store's head now.
   */
  firstBrokenLink?: {
    streamName: string;
    revision: bigint;
    reason: string;
    anchoredPosition?: bigint;
    headPosition?: bigint;
    detail?: string;
  };
  /** the latest head anchor checked against the store, when the store has an anchor file */
  anchor?: { position: bigint; anchoredAt: string };
}

export interface EventStore {
  appendToStream(streamName: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Catch-up then live. The handler is awaited: events are delivered one at a time, in position
   * order, exactly once per subscription.
   */
  subscribeToAll(handler: EventHandler, options?: SubscribeOptions): Subscription;
  /** The global position of the newest event (0n-like 'start' sentinel: -1n when empty). */
  headPosition(): Promise<bigint>;
  /** Re-computes the hash chain of one stream or of every stream. */
  verify(streamName?: string): Promise<VerifyResult>;
  close(): Promise<void>;
}

export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Stream ${streamName}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

export class StreamNotFoundError extends Error {
  override readonly name = 'StreamNotFoundError';
  constructor(readonly streamName: string) {
    super(`Stream ${streamName} not found`);
  }
}

/** Some, but not all, of a batch's event ids were appended before (or to another stream). */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  constructor(
    readonly streamName: string,
    readonly eventIds: string[],
  ) {
    super(`Stream ${streamName}: event ids already appended elsewhere or in another batch: ${eventIds.join(', ')}`);
  }
}
