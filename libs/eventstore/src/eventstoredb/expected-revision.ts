import { ANY, NO_STREAM, STREAM_EXISTS, WrongExpectedVersionError, type AppendExpectedRevision } from '@eventstore/db-client';
import { WrongExpectedRevisionError, type ExpectedRevision } from '../port';

/** Direct mapping of the port's expected revision to the client's; used when no chain read precedes the append. */
export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (typeof expected === 'bigint') {
    if (expected < 0n) throw new RangeError(`expected revision ${expected} is negative`);
    return expected;
  }
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default: {
      const _exhaustive: never = expected;
      throw new Error(`unknown expected revision ${String(_exhaustive)}`);
    }
  }
}

/**
 * The revision the chained append actually sends: the exact tail revision just read, so nothing can
 * slip in between reading the previous hash and writing the next one.
 */
export function exactAppendRevision(tailRevision: bigint | null): AppendExpectedRevision {
  return tailRevision === null ? NO_STREAM : tailRevision;
}

/** Checks the caller's expectation against the tail read before appending; null when it holds. */
export function checkExpectedRevision(
  streamName: string,
  expected: ExpectedRevision,
  tailRevision: bigint | null,
): WrongExpectedRevisionError | null {
  const actual = tailRevision ?? 'no_stream';
  if (typeof expected === 'bigint') {
    return tailRevision === expected ? null : new WrongExpectedRevisionError(streamName, expected, actual);
  }
  switch (expected) {
    case 'any':
      return null;
    case 'no_stream':
      return tailRevision === null ? null : new WrongExpectedRevisionError(streamName, expected, actual);
    case 'stream_exists':
      return tailRevision !== null ? null : new WrongExpectedRevisionError(streamName, expected, actual);
    default: {
      const _exhaustive: never = expected;
      throw new Error(`unknown expected revision ${String(_exhaustive)}`);
    }
  }
}

/**
 * A conflict on the exact revision is the caller's conflict only when the caller asked for a state;
 * for 'any' and 'stream_exists' it just means someone appended in between, so re-read and retry.
 */
export function isRetryableConflict(expected: ExpectedRevision): boolean {
  return expected === 'any' || expected === 'stream_exists';
}

export function toWrongExpectedRevisionError(
  streamName: string,
  expected: ExpectedRevision,
  error: WrongExpectedVersionError,
): WrongExpectedRevisionError {
  const actual = error.actualVersion;
  return new WrongExpectedRevisionError(streamName, expected, typeof actual === 'bigint' ? actual : 'no_stream');
}

export function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersionError {
  return error instanceof WrongExpectedVersionError;
}
