import type { AllStreamResolvedEvent, ResolvedEvent } from '@eventstore/db-client';
import type { RecordedEvent } from '../port';
import type { UpcastChain } from '../upcasting/upcaster';
import type { RawRecordedEvent } from './chain-verification';
import { splitStoredMetadata } from './hash-metadata';
import { commitPositionOf } from './positions';

type AnyResolvedEvent = ResolvedEvent | AllStreamResolvedEvent;

/** The recorded event inside a resolved event, without link resolution (the adapter never reads links). */
export function recordOf(resolved: AnyResolvedEvent): NonNullable<AnyResolvedEvent['event']> {
  if (!resolved.event) throw new Error('EventStoreDB returned a resolved event without a record');
  return resolved.event;
}

/** Stream name and type, for filtering before the payload is decoded: system events may hold binary data. */
export function headerOf(resolved: AnyResolvedEvent): { streamName: string; type: string; position: bigint } {
  const record = recordOf(resolved);
  return {
    streamName: record.streamId,
    type: record.type,
    position: commitPositionOf(record.position, resolved.commitPosition, record.id),
  };
}

export function toRawRecordedEvent(resolved: AnyResolvedEvent): RawRecordedEvent {
  const record = recordOf(resolved);
  if (!record.isJson || record.data === null || typeof record.data !== 'object' || Array.isArray(record.data)) {
    throw new Error(`event ${record.id} in ${record.streamId} is not a JSON object; this store only writes JSON objects`);
  }
  const { metadata, hash, previousHash } = splitStoredMetadata(record.metadata);
  return {
    id: record.id,
    streamName: record.streamId,
    revision: record.revision,
    position: commitPositionOf(record.position, resolved.commitPosition, record.id),
    type: record.type,
    data: record.data as Record<string, unknown>,
    metadata,
    recordedAt: record.created,
    hash,
    previousHash,
  };
}

/** What callers see: upcast to the current schema; an event written without a chain shows an empty hash. */
export function toRecordedEvent(raw: RawRecordedEvent, upcast: UpcastChain): RecordedEvent {
  const { data, metadata } = upcast(raw.type, { data: raw.data, metadata: raw.metadata });
  return { ...raw, data, metadata, hash: raw.hash ?? '' };
}
