/** EventStoreDB's default MaxAppendSize: the server rejects a single append request above it. */
export const SERVER_MAX_APPEND_BYTES = 1_048_576;

/** Headroom for protobuf framing and fields the estimate does not see exactly. */
export const APPEND_HEADROOM_BYTES = 65_536;

export const DEFAULT_MAX_APPEND_BYTES = SERVER_MAX_APPEND_BYTES - APPEND_HEADROOM_BYTES;

/** Per-event fixed cost: 16-byte uuid, content-type and type entries, field tags and lengths. */
export const PER_EVENT_OVERHEAD_BYTES = 256;

export interface SizedEvent {
  id: string;
  type: string;
  data: unknown;
  metadata: unknown;
}

export class EventTooLargeError extends Error {
  override readonly name = 'EventTooLargeError';
  constructor(
    readonly eventId: string,
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(`event ${eventId} serialises to ${bytes} bytes, above the ${maxBytes}-byte append limit`);
  }
}

export function estimateEventBytes(event: SizedEvent): number {
  return (
    Buffer.byteLength(JSON.stringify(event.data) ?? '', 'utf8') +
    Buffer.byteLength(JSON.stringify(event.metadata) ?? '', 'utf8') +
    Buffer.byteLength(event.type, 'utf8') +
    PER_EVENT_OVERHEAD_BYTES
  );
}

/**
 * Greedy split, order preserved: each batch stays at or below maxBytes. Only a batch that fits in one
 * request is atomic on EventStoreDB; the caller appends the batches one after another.
 */
export function splitIntoAppendBatches<E extends SizedEvent>(
  events: readonly E[],
  maxBytes: number,
  sizeOf: (event: E) => number = estimateEventBytes,
): E[][] {
  if (!(maxBytes > 0)) throw new RangeError(`maxAppendBytes must be positive, got ${maxBytes}`);
  const batches: E[][] = [];
  let current: E[] = [];
  let currentBytes = 0;
  for (const event of events) {
    const bytes = sizeOf(event);
    if (bytes > maxBytes) throw new EventTooLargeError(event.id, bytes, maxBytes);
    if (current.length > 0 && currentBytes + bytes > maxBytes) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(event);
    currentBytes += bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
