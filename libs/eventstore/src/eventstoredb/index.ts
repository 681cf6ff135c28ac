export { EventStoreDbEventStore, type EventStoreDbEventStoreOptions } from './eventstoredb-event-store';
export { EventTooLargeError, DEFAULT_MAX_APPEND_BYTES, SERVER_MAX_APPEND_BYTES } from './append-batching';
export { PartialAppendError } from './esdb-append';
export { AppendOverlapError } from './replay-detection';
export { HASH_METADATA_KEY, PREVIOUS_HASH_METADATA_KEY } from './hash-metadata';
export { parsePosition, serialisePosition } from './positions';
