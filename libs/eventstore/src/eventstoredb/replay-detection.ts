import type { AppendResult, ExpectedRevision } from '../port';

export interface StoredEventSummary {
  id: string;
  revision: bigint;
  position: bigint;
}

export type ReplayVerdict = { kind: 'new' } | { kind: 'replay'; result: AppendResult } | { kind: 'overlap'; reason: string };

/** Where the original of a replay must start, or null when the caller's expectation allows anywhere. */
export function replayStartRevision(expected: ExpectedRevision): bigint | null {
  if (typeof expected === 'bigint') return expected + 1n;
  return expected === 'no_stream' ? 0n : null;
}

/**
 * Decides whether `ids` were already appended, given stored events in ascending revision order
 * (the window the adapter read). A full replay at the expected place returns the original result; any
 * other sighting of those ids is an overlap the caller must resolve.
 */
export function detectReplay(ids: readonly string[], stored: readonly StoredEventSummary[], expected: ExpectedRevision): ReplayVerdict {
  if (ids.length === 0) return { kind: 'new' };
  const wanted = new Set(ids);
  const start = stored.findIndex((event) => event.id === ids[0]);
  if (start < 0) {
    const seen = stored.find((event) => wanted.has(event.id));
    return seen ? { kind: 'overlap', reason: `event ${seen.id} was already appended in another batch` } : { kind: 'new' };
  }
  const mustStartAt = replayStartRevision(expected);
  if (mustStartAt !== null && stored[start].revision !== mustStartAt) {
    return {
      kind: 'overlap',
      reason: `event ${ids[0]} is stored at revision ${stored[start].revision}, not at ${mustStartAt} as expected`,
    };
  }
  for (let i = 0; i < ids.length; i++) {
    const original = stored[start + i];
    if (!original || original.id !== ids[i]) {
      return { kind: 'overlap', reason: `the batch only partly repeats an earlier append (differs at index ${i})` };
    }
  }
  const last = stored[start + ids.length - 1];
  return { kind: 'replay', result: { nextExpectedRevision: last.revision, position: last.position } };
}

export class AppendOverlapError extends Error {
  override readonly name = 'AppendOverlapError';
  constructor(
    readonly streamName: string,
    reason: string,
  ) {
    super(`Stream ${streamName}: ${reason}`);
  }
}
