import type { EventMetadata, RecordedEvent } from '../port';
import type { UpcastChain } from '../upcasting/upcaster';

/** An events row as pg returns it: int8 columns arrive as strings. */
export interface EventRow {
  position: string;
  stream_name: string;
  revision: string;
  event_id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  hash: string;
  previous_hash: string | null;
  recorded_at: Date;
}

export const EVENT_COLUMNS = 'position, stream_name, revision, event_id, type, data, metadata, hash, previous_hash, recorded_at';

export function toRecordedEvent(row: EventRow, upcast: UpcastChain): RecordedEvent {
  const { data, metadata } = upcast(row.type, { data: row.data, metadata: row.metadata });
  return {
    id: row.event_id,
    streamName: row.stream_name,
    revision: BigInt(row.revision),
    position: BigInt(row.position),
    type: row.type,
    data,
    metadata,
    recordedAt: row.recorded_at,
    hash: row.hash,
    previousHash: row.previous_hash,
  };
}
