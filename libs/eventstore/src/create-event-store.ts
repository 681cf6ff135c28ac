import type { EventStore } from './port';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres';

export interface EventStoreConfig {
  /** esdb:// connection string; when set, EventStoreDB is used instead of PostgreSQL. */
  eventStoreUrl?: string;
  databaseUrl: string;
  postgres?: PostgresEventStoreOptions;
}

type EventStoreDbConstructor = new (connectionString: string, options?: unknown) => EventStore;

/** EventStoreDB when configured, else the embedded default (PostgreSQL). */
export function createEventStore(config: EventStoreConfig): EventStore {
  if (config.eventStoreUrl) {
    // loaded lazily so the PostgreSQL path never loads the EventStoreDB client
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { EventStoreDbEventStore } = require('./eventstoredb') as { EventStoreDbEventStore: EventStoreDbConstructor };
    return new EventStoreDbEventStore(config.eventStoreUrl);
  }
  return new PostgresEventStore(config.databaseUrl, config.postgres);
}
