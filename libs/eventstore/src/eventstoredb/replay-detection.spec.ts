import { detectReplay, replayStartRevision, type StoredEventSummary } from './replay-detection';

const stored = (ids: string[], firstRevision = 0n): StoredEventSummary[] =>
  ids.map((id, i) => ({ id, revision: firstRevision + BigInt(i), position: 1000n + BigInt(i) * 10n }));

describe('idempotent replay detection', () => {
  it('knows where a replay must start', () => {
    expect(replayStartRevision('no_stream')).toBe(0n);
    expect(replayStartRevision(4n)).toBe(5n);
    expect(replayStartRevision('any')).toBeNull();
    expect(replayStartRevision('stream_exists')).toBeNull();
  });

  it('returns the original result for a full replay', () => {
    expect(detectReplay(['a', 'b', 'c'], stored(['a', 'b', 'c']), 'no_stream')).toEqual({
      kind: 'replay',
      result: { nextExpectedRevision: 2n, position: 1020n },
    });
    expect(detectReplay(['b', 'c'], stored(['x', 'b', 'c', 'y']), 0n)).toEqual({
      kind: 'replay',
      result: { nextExpectedRevision: 2n, position: 1020n },
    });
    expect(detectReplay(['b', 'c'], stored(['x', 'b', 'c', 'y'], 7n), 'any')).toEqual({
      kind: 'replay',
      result: { nextExpectedRevision: 9n, position: 1020n },
    });
  });

  it('treats unseen ids as a new append', () => {
    expect(detectReplay(['n1', 'n2'], stored(['a', 'b']), 'any')).toEqual({ kind: 'new' });
    expect(detectReplay(['n1'], [], 'no_stream')).toEqual({ kind: 'new' });
    expect(detectReplay([], stored(['a']), 'any')).toEqual({ kind: 'new' });
  });

  it('rejects a batch that only partly repeats an earlier one', () => {
    expect(detectReplay(['a', 'other'], stored(['a', 'b']), 'no_stream')).toMatchObject({ kind: 'overlap' });
    expect(detectReplay(['a', 'b', 'c'], stored(['a', 'b']), 'no_stream')).toMatchObject({ kind: 'overlap' });
    expect(detectReplay(['new', 'b'], stored(['a', 'b']), 'any')).toMatchObject({ kind: 'overlap' });
  });

  it('rejects a replay found somewhere other than the expected revision', () => {
    expect(detectReplay(['b'], stored(['a', 'b']), 'no_stream')).toMatchObject({ kind: 'overlap' });
    expect(detectReplay(['b'], stored(['a', 'b']), 5n)).toMatchObject({ kind: 'overlap' });
  });
});
