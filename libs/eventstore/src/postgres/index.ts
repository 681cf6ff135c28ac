export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
export { createGroupRoleSql } from './schema';
