import { ANY, NO_STREAM, STREAM_EXISTS, WrongExpectedVersionError } from '@eventstore/db-client';
import { WrongExpectedRevisionError, type ExpectedRevision } from '../port';
import {
  checkExpectedRevision,
  exactAppendRevision,
  isRetryableConflict,
  toEsdbExpectedRevision,
  toWrongExpectedRevisionError,
} from './expected-revision';

describe('expected revision mapping', () => {
  it('maps every port value to the client constant or revision', () => {
    expect(toEsdbExpectedRevision('any')).toBe(ANY);
    expect(toEsdbExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toEsdbExpectedRevision('stream_exists')).toBe(STREAM_EXISTS);
    expect(toEsdbExpectedRevision(0n)).toBe(0n);
    expect(toEsdbExpectedRevision(2n ** 62n)).toBe(2n ** 62n);
    expect(() => toEsdbExpectedRevision(-1n)).toThrow(RangeError);
  });

  it('appends with the exact tail revision read before the append', () => {
    expect(exactAppendRevision(null)).toBe(NO_STREAM);
    expect(exactAppendRevision(4n)).toBe(4n);
  });

  it.each<[ExpectedRevision, bigint | null, bigint | 'no_stream' | null]>([
    ['any', null, null],
    ['any', 3n, null],
    ['no_stream', null, null],
    ['no_stream', 1n, 1n],
    ['stream_exists', 0n, null],
    ['stream_exists', null, 'no_stream'],
    [2n, 2n, null],
    [1n, 3n, 3n],
    [0n, null, 'no_stream'],
  ])('expected %p with tail %p → conflict actual %p', (expected, tail, conflictActual) => {
    const error = checkExpectedRevision('s-1', expected, tail);
    if (conflictActual === null) {
      expect(error).toBeNull();
    } else {
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error?.actual).toBe(conflictActual);
      expect(error?.expected).toBe(expected);
      expect(error?.streamName).toBe('s-1');
    }
  });

  it('retries conflicts only when the caller did not ask for a specific state', () => {
    expect(isRetryableConflict('any')).toBe(true);
    expect(isRetryableConflict('stream_exists')).toBe(true);
    expect(isRetryableConflict('no_stream')).toBe(false);
    expect(isRetryableConflict(5n)).toBe(false);
  });

  it('converts the client error, keeping the actual revision', () => {
    const clientError = Object.assign(Object.create(WrongExpectedVersionError.prototype) as WrongExpectedVersionError, {
      streamName: 's-2',
      expectedVersion: 1n,
      actualVersion: 3n,
    });
    const converted = toWrongExpectedRevisionError('s-2', 1n, clientError);
    expect(converted).toBeInstanceOf(WrongExpectedRevisionError);
    expect(converted.actual).toBe(3n);
    const missing = Object.assign(Object.create(WrongExpectedVersionError.prototype) as WrongExpectedVersionError, {
      actualVersion: NO_STREAM,
    });
    expect(toWrongExpectedRevisionError('s-3', 0n, missing).actual).toBe('no_stream');
  });
});
