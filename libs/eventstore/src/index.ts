export * from './port';
export * from './hash-chain';
export * from './postgres';
export * from './upcasting';
export { createEventStore, type EventStoreConfig } from './create-event-store';
export * from './eventstoredb';
