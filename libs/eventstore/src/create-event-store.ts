import type { EventStore } from './port';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres';
import { selfScoreRecordedV1ToV2, type Upcaster } from './upcasting';

/** The upcasters of the platform's own event history, applied on every read by both adapters. */
export const PLATFORM_UPCASTERS: readonly Upcaster[] = [selfScoreRecordedV1ToV2];

export interface EventStoreConfig {
  /** esdb:// connection string; when set, EventStoreDB is used instead of PostgreSQL. */
  eventStoreUrl?: string;
  databaseUrl: string;
  postgres?: PostgresEventStoreOptions;
  /** HMAC key of the hash chain, for either adapter (see hash-chain.ts) */
  hmacKey?: Uint8Array;
}

type EventStoreDbConstructor = new (connectionString: string, options?: unknown) => EventStore;

/** EventStoreDB when configured, else the embedded default (PostgreSQL). */
export function createEventStore(config: EventStoreConfig): EventStore {
  if (config.eventStoreUrl) {
    // loaded lazily so the PostgreSQL path never loads the EventStoreDB client
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { EventStoreDbEventStore } = require('./eventstoredb') as { EventStoreDbEventStore: EventStoreDbConstructor };
    return new EventStoreDbEventStore(config.eventStoreUrl, { upcasters: PLATFORM_UPCASTERS, hmacKey: config.hmacKey });
  }
  return new PostgresEventStore(config.databaseUrl, { upcasters: PLATFORM_UPCASTERS, hmacKey: config.hmacKey, ...config.postgres });
}
