import { EventStoreDBClient } from '@eventstore/db-client';
import type {
  AppendResult,
  EventHandler,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  VerifyResult,
} from '../port';
import { createUpcastChain, type UpcastChain, type Upcaster } from '../upcasting/upcaster';
import { DEFAULT_MAX_APPEND_BYTES } from './append-batching';
import { CatchUpSubscription } from './catch-up-subscription';
import { ChainVerifier } from './chain-verification';
import { appendChained, type AppendSettings } from './esdb-append';
import { findLatest, readAllForwards, readStreamRaw } from './esdb-reads';
import { isSystemEvent, matchesFilter } from './filters';
import { toRawRecordedEvent, toRecordedEvent } from './recorded-event-mapping';
import { DEFAULT_BACKOFF, type BackoffOptions } from './resubscribe-policy';
import { esdbSubscriptionSource } from './subscription-source';

export interface EventStoreDbEventStoreOptions {
  upcasters?: readonly Upcaster[];
  /** Serialised size above which an append is split into several requests. Default 1 MiB minus 64 KiB. */
  maxAppendBytes?: number;
  /** Newest events an 'any'/'stream_exists' append searches for a replay of its ids. Default 100. */
  idempotencyWindow?: number;
  /** Re-reads of the tail after a lost race, for 'any'/'stream_exists' appends. Default 5. */
  maxConflictRetries?: number;
  /** Server checkpoint frequency for filtered subscriptions (multiplier of its search window). Default 1. */
  checkpointInterval?: number;
  /** $all entries scanned backwards to find where a filtered subscription counts as caught up. Default 10 000. */
  caughtUpScanLimit?: number;
  backoff?: Partial<BackoffOptions>;
  /** Consecutive failed resubscriptions before onError. Default: never give up. */
  maxConsecutiveFailures?: number;
  logger?: (message: string) => void;
  /** HMAC key of the hash chain, kept outside the store; unset → the unkeyed v1 chain. */
  hmacKey?: Uint8Array;
  /** With a key: unkeyed hashes at or below this commit position are accepted as pre-key history. */
  acceptUnkeyedUpToPosition?: bigint;
}

/**
 * EventStore on EventStoreDB (@eventstore/db-client 6): streams map 1:1, RecordedEvent.position is the
 * $all commit position, and the hash chain is kept in each event's metadata ($hash, $previousHash).
 * An append larger than maxAppendBytes is written as several requests and is not atomic as a whole.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly upcast: UpcastChain;
  private readonly appendSettings: AppendSettings;
  private readonly subscriptions = new Set<Subscription>();
  private readonly log: (message: string) => void;

  constructor(
    connectionString: string,
    private readonly options: EventStoreDbEventStoreOptions = {},
  ) {
    this.client = EventStoreDBClient.connectionString(connectionString);
    this.upcast = createUpcastChain(options.upcasters ?? []);
    this.log = options.logger ?? (() => undefined);
    this.appendSettings = {
      maxAppendBytes: options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES,
      idempotencyWindow: options.idempotencyWindow ?? 100,
      maxConflictRetries: options.maxConflictRetries ?? 5,
      log: this.log,
      hmacKey: options.hmacKey,
    };
  }

  appendToStream(streamName: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    return appendChained(this.client, streamName, events, expected, this.appendSettings);
  }

  async readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    const raw = await readStreamRaw(this.client, streamName, options);
    return raw.map((event) => toRecordedEvent(event, this.upcast));
  }

  /** The client cannot filter a plain $all read on the server, so filtering happens here, page by page. */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    if (maxCount <= 0) return events;
    for await (const { header, resolved } of readAllForwards(this.client, options.fromPosition ?? 'start')) {
      if (!matchesFilter(header, options.filter)) continue;
      events.push(toRecordedEvent(toRawRecordedEvent(resolved), this.upcast));
      if (events.length >= maxCount) break;
    }
    return events;
  }

  subscribeToAll(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    const source = esdbSubscriptionSource(this.client, {
      filter: options.filter,
      upcast: this.upcast,
      checkpointInterval: this.options.checkpointInterval ?? 1,
      caughtUpScanLimit: this.options.caughtUpScanLimit ?? 10_000,
    });
    const subscription = new CatchUpSubscription(source, handler, options, {
      backoff: { ...DEFAULT_BACKOFF, ...this.options.backoff },
      maxConsecutiveFailures: this.options.maxConsecutiveFailures ?? Number.POSITIVE_INFINITY,
      log: this.log,
    });
    const tracked: Subscription = {
      close: async () => {
        this.subscriptions.delete(tracked);
        await subscription.close();
      },
    };
    this.subscriptions.add(tracked);
    return tracked;
  }

  async headPosition(): Promise<bigint> {
    const head = await findLatest(this.client, (header) => !isSystemEvent(header), {
      maxScan: Number.POSITIVE_INFINITY,
    });
    return head.kind === 'found' ? head.position : -1n;
  }

  /** Recomputes the chain over stored (never upcast) events; a missing stream checks zero streams, as on PostgreSQL. */
  async verify(streamName?: string): Promise<VerifyResult> {
    const verifier = new ChainVerifier({ key: this.options.hmacKey, acceptUnkeyedUpToPosition: this.options.acceptUnkeyedUpToPosition });
    if (streamName !== undefined) {
      const events = await readStreamRaw(this.client, streamName);
      for (const event of events) verifier.check(event);
      return verifier.result();
    }
    for await (const { header, resolved } of readAllForwards(this.client, 'start')) {
      if (!isSystemEvent(header)) verifier.check(toRawRecordedEvent(resolved));
    }
    return verifier.result();
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }
}
