import { Pool } from 'pg';
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
import { appendNothing, toStoredShape } from './append';
import { toRecordedEvent } from './event-row';
import { GroupCommitter } from './group-commit';
import { HeadCache } from './head-cache';
import { NotificationListener } from './notification-listener';
import { selectAfter, selectAll, selectHeadPosition, selectStream } from './read';
import { migrate } from './migrate';
import { storeNames, type StoreNames, type StoreRoles } from './schema';
import { PostgresSubscription, type SubscriptionPage } from './subscription';
import { verifyChains } from './verify';
import type { HeadAnchor } from '../anchors/head-anchor';
import { anchorHead, checkLatestAnchor } from './anchors';

export interface PostgresEventStoreOptions {
  /** PostgreSQL schema holding the tables (created by migrate). Default `eventstore`. */
  schema?: string;
  /** Subscriptions re-read at least this often even without a NOTIFY. Default 1000. */
  pollIntervalMs?: number;
  upcasters?: readonly Upcaster[];
  /** Events read per catch-up page. Default 500. */
  subscriptionBatchSize?: number;
  /** Consecutive database failures a subscription retries (with backoff) before giving up. Default 8. */
  maxConsecutiveFailures?: number;
  /** Most appends written in one transaction by group commit. Default 64. */
  maxAppendsPerCommit?: number;
  /** Pool size when the store creates its own pool from a connection string. Default 10. */
  poolSize?: number;
  /**
   * Run the idempotent migration before first use. Default true. A least-privileged store (the
   * writer or projector role) sets false: the owner migrates, the role cannot and must not.
   */
  migrateOnFirstUse?: boolean;
  /** Group roles the migration grants to. Default DEFAULT_STORE_ROLES. */
  roles?: StoreRoles;
  /** HMAC key of the hash chain (kept outside the database); unset → the unkeyed v1 chain. */
  hmacKey?: Uint8Array;
  /** With a key: unkeyed hashes at or below this position are accepted as pre-key history. */
  acceptUnkeyedUpToPosition?: bigint;
  /** JSONL file of signed head anchors (needs hmacKey): written by writeAnchor, checked by verify. */
  anchorFile?: string;
}

/** The embedded default EventStore: append-only tables in PostgreSQL (see libs/eventstore/README.md). */
export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly names: StoreNames;
  private readonly upcast: UpcastChain;
  private readonly listener: NotificationListener;
  private readonly subscriptions = new Set<Subscription>();
  private readonly committer: GroupCommitter;
  private readonly heads = new HeadCache();
  private migrated?: Promise<void>;

  constructor(
    poolOrConnectionString: Pool | string,
    private readonly options: PostgresEventStoreOptions = {},
  ) {
    this.ownsPool = typeof poolOrConnectionString === 'string';
    this.pool =
      typeof poolOrConnectionString === 'string'
        ? new Pool({ connectionString: poolOrConnectionString, max: options.poolSize ?? 10 })
        : poolOrConnectionString;
    // an idle connection dropped by the server is replaced on next use; without a listener it would crash
    if (this.ownsPool) this.pool.on('error', () => undefined);
    this.names = storeNames(options.schema ?? 'eventstore');
    this.upcast = createUpcastChain(options.upcasters ?? []);
    this.listener = new NotificationListener(this.pool, this.names.channel);
    this.committer = new GroupCommitter(this.pool, this.names, options.maxAppendsPerCommit ?? 64, this.heads, options.hmacKey);
  }

  /** Creates the schema, tables and indexes if missing. Safe to run concurrently; runs once per instance. */
  migrate(): Promise<void> {
    this.migrated ??= migrate(this.pool, this.names, this.options.roles).catch((error: unknown) => {
      this.migrated = undefined;
      throw error;
    });
    return this.migrated;
  }

  private ready(): Promise<void> {
    return this.options.migrateOnFirstUse === false ? Promise.resolve() : this.migrate();
  }

  async appendToStream(streamName: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    await this.ready();
    if (events.length === 0) return appendNothing(this.pool, this.names, streamName, expected);
    return this.committer.append({ streamName, events: toStoredShape(events), expected });
  }

  async readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    await this.ready();
    const rows = await selectStream(this.pool, this.names, streamName, options);
    const newest = options?.direction === 'backwards' ? rows[0] : rows[rows.length - 1];
    if (newest) this.heads.observe(streamName, BigInt(newest.revision), newest.hash); // the usual read before an append
    return rows.map((row) => toRecordedEvent(row, this.upcast));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    await this.ready();
    const rows = await selectAfter(this.pool, this.names, options);
    return rows.map((row) => toRecordedEvent(row, this.upcast));
  }

  subscribeToAll(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    const subscription = new PostgresSubscription(
      {
        readPage: (fromPosition, limit, filter) => this.readPage(fromPosition, limit, filter),
        listener: this.listener,
        pollIntervalMs: this.options.pollIntervalMs ?? 1000,
        batchSize: this.options.subscriptionBatchSize ?? 500,
        maxConsecutiveFailures: this.options.maxConsecutiveFailures ?? 8,
      },
      handler,
      options,
    );
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
    await this.ready();
    return selectHeadPosition(this.pool, this.names);
  }

  /**
   * The keyed chain of one stream or of all; for the whole store also the latest signed anchor:
   * its event must still be there, with everything that was below it (else `reason: 'truncated'`).
   */
  async verify(streamName?: string): Promise<VerifyResult> {
    await this.ready();
    const { hmacKey: key, acceptUnkeyedUpToPosition, anchorFile } = this.options;
    const chains = await verifyChains(this.pool, this.names, streamName, { key, acceptUnkeyedUpToPosition });
    return streamName === undefined && anchorFile && key ? checkLatestAnchor(this.pool, this.names, chains, anchorFile, key) : chains;
  }

  /**
   * Signs the current head with the chain key and appends it to the anchor file; returns undefined
   * (writing nothing) when the store is empty or the head has not moved since the last anchor.
   * Refuses when the store no longer matches the previous anchor.
   */
  async writeAnchor(now: Date = new Date()): Promise<HeadAnchor | undefined> {
    await this.ready();
    const { hmacKey: key, anchorFile } = this.options;
    if (!key || !anchorFile) throw new Error('writeAnchor needs hmacKey and anchorFile');
    return anchorHead(this.pool, this.names, anchorFile, key, now);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    if (this.ownsPool) await this.pool.end();
  }

  private async readPage(fromPosition: bigint, limit: number, filter: ReadAllOptions['filter']): Promise<SubscriptionPage> {
    await this.ready();
    const page = await selectAll(this.pool, this.names, { fromPosition, maxCount: limit, filter });
    return { events: page.rows.map((row) => toRecordedEvent(row, this.upcast)), scannedUpTo: page.scannedUpTo };
  }
}
