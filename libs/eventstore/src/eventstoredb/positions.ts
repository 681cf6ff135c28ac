import { START, type Position, type ReadPosition } from '@eventstore/db-client';

/**
 * EventStoreDB log positions are unsigned 64-bit integers: they exceed Number.MAX_SAFE_INTEGER on a
 * large log, so they stay bigint everywhere and cross text boundaries (checkpoint files, JSON, logs)
 * only as decimal strings.
 */
export const MAX_LOG_POSITION = 2n ** 64n - 1n;

/** Old servers report this (-1 as uint64) for positions they do not know, e.g. on stream reads. */
export const UNKNOWN_LOG_POSITION = MAX_LOG_POSITION;

export function serialisePosition(position: bigint): string {
  if (position < -1n || position > MAX_LOG_POSITION) throw new RangeError(`position ${position} is out of range`);
  return position.toString(10);
}

export function parsePosition(text: string): bigint {
  if (!/^(-1|0|[1-9][0-9]*)$/.test(text)) throw new SyntaxError(`not a log position: ${JSON.stringify(text)}`);
  const position = BigInt(text);
  if (position > MAX_LOG_POSITION) throw new RangeError(`position ${text} exceeds 2^64-1`);
  return position;
}

/** The port's single bigint position is the commit position; a commit position is also a valid prepare position. */
export function toEsdbPosition(position: bigint): Position {
  return { commit: position, prepare: position };
}

/** Port `fromPosition` ('start' or an exclusive bigint) to the client's read position. */
export function toReadPosition(fromPosition: bigint | 'start' | undefined): ReadPosition {
  if (fromPosition === undefined || fromPosition === 'start' || fromPosition < 0n) return START;
  return toEsdbPosition(fromPosition);
}

/** fromPosition is exclusive, and a forwards read of $all includes the event at the position it starts from. */
export function isAfterPosition(eventPosition: bigint, fromPosition: bigint | 'start' | undefined): boolean {
  if (fromPosition === undefined || fromPosition === 'start') return true;
  return eventPosition > fromPosition;
}

/**
 * The global position of an event read from EventStoreDB: the commit position of the record, or the
 * resolved event's commit position; anything else means the server cannot tell it (pre-22.6 stream reads).
 */
export function commitPositionOf(
  recordPosition: Position | undefined,
  resolvedCommitPosition: bigint | undefined,
  eventId: string,
): bigint {
  const candidates = [recordPosition?.commit, resolvedCommitPosition];
  for (const candidate of candidates) {
    if (candidate !== undefined && candidate >= 0n && candidate !== UNKNOWN_LOG_POSITION) return candidate;
  }
  throw new Error(`EventStoreDB did not report a log position for event ${eventId}; stream reads need EventStoreDB 22.6 or later`);
}
