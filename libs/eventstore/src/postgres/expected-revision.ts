import { WrongExpectedRevisionError, type ExpectedRevision } from '../port';

/** Throws unless the stream's current revision (undefined: no stream) satisfies the expectation. */
export function checkExpectedRevision(streamName: string, expected: ExpectedRevision, current: bigint | undefined): void {
  const actual = current ?? 'no_stream';
  if (!satisfies(expected, current)) throw new WrongExpectedRevisionError(streamName, expected, actual);
}

function satisfies(expected: ExpectedRevision, current: bigint | undefined): boolean {
  if (typeof expected === 'bigint') return current === expected;
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === undefined;
    case 'stream_exists':
      return current !== undefined;
    default: {
      const _exhaustive: never = expected;
      throw new Error(`unknown expected revision ${String(_exhaustive)}`);
    }
  }
}

/** The revision a batch must start at to honour the expectation, when the expectation fixes one. */
export function requiredFirstRevision(expected: ExpectedRevision): bigint | undefined {
  if (typeof expected === 'bigint') return expected + 1n;
  return expected === 'no_stream' ? 0n : undefined;
}
