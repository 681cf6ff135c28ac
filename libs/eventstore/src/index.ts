export * from './port';
export * from './hash-chain';
export * from './anchors';
export * from './postgres';
export * from './upcasting';
export { createEventStore, PLATFORM_UPCASTERS, type EventStoreConfig } from './create-event-store';
export * from './eventstoredb';
