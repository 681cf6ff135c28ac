import { computeEventHash } from '../hash-chain';
import type { EventToAppend } from '../port';
import { HASH_METADATA_KEY, PREVIOUS_HASH_METADATA_KEY, chainEvents, normaliseJson, splitStoredMetadata } from './hash-metadata';

function event(id: string, data: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): EventToAppend {
  return {
    id,
    type: 'UnitRegistered',
    data,
    metadata: {
      actorId: 'a',
      actorRole: 'r',
      occurredAt: '2024-01-01T00:00:00.000Z',
      correlationId: 'c',
      causationId: 'k',
      idempotencyKey: 'i',
      schemaVersion: 1,
      ...extra,
    },
  };
}

describe('hash metadata', () => {
  it('chains revisions and hashes from the stream tail', () => {
    const chained = chainEvents('unit-1', 5n, 'f'.repeat(64), [event('e1', { n: 1 }), event('e2', { n: 2 })]);
    expect(chained.map((e) => e.revision)).toEqual([5n, 6n]);
    expect(chained[0].previousHash).toBe('f'.repeat(64));
    expect(chained[1].previousHash).toBe(chained[0].hash);
    expect(chained[0].hash).toBe(
      computeEventHash('f'.repeat(64), {
        streamName: 'unit-1',
        revision: 5n,
        id: 'e1',
        type: 'UnitRegistered',
        data: { n: 1 },
        metadata: event('e1').metadata,
      }),
    );
    expect(chained[1].metadata[HASH_METADATA_KEY]).toBe(chained[1].hash);
    expect(chained[1].metadata[PREVIOUS_HASH_METADATA_KEY]).toBe(chained[0].hash);
  });

  it('starts a new stream with a null previous hash', () => {
    const [first] = chainEvents('unit-2', 0n, null, [event('e1')]);
    expect(first.previousHash).toBeNull();
    expect(first.metadata[PREVIOUS_HASH_METADATA_KEY]).toBeNull();
  });

  it('hashes what the server will give back, so the hash survives a JSON round trip', () => {
    const [chained] = chainEvents('unit-3', 0n, null, [
      event('e1', { when: new Date('2024-05-01T00:00:00Z'), gone: undefined, list: [1, undefined] }),
    ]);
    const readBack = normaliseJson({ data: chained.data, metadata: chained.metadata });
    const split = splitStoredMetadata(readBack.metadata);
    expect(readBack.data).toEqual({ when: '2024-05-01T00:00:00.000Z', list: [1, null] });
    expect(
      computeEventHash(null, {
        streamName: 'unit-3',
        revision: 0n,
        id: 'e1',
        type: 'UnitRegistered',
        data: readBack.data,
        metadata: split.metadata,
      }),
    ).toBe(chained.hash);
  });

  it('refuses caller metadata that would collide with the chain fields', () => {
    expect(() => chainEvents('s', 0n, null, [event('e1', {}, { [HASH_METADATA_KEY]: 'x' })])).toThrow(/reserved/);
    expect(() => chainEvents('s', 0n, null, [event('e1', {}, { [PREVIOUS_HASH_METADATA_KEY]: null })])).toThrow(/reserved/);
  });

  it('splits stored metadata back into caller metadata and chain fields', () => {
    const split = splitStoredMetadata({ actorId: 'a', [HASH_METADATA_KEY]: 'h', [PREVIOUS_HASH_METADATA_KEY]: null });
    expect(split).toEqual({ metadata: { actorId: 'a' }, hash: 'h', previousHash: null });
  });

  it('reports missing or malformed chain fields as null', () => {
    expect(splitStoredMetadata(undefined)).toEqual({ metadata: {}, hash: null, previousHash: null });
    expect(splitStoredMetadata(new Uint8Array([1]))).toEqual({ metadata: {}, hash: null, previousHash: null });
    expect(splitStoredMetadata({ [HASH_METADATA_KEY]: 42, x: 1 })).toEqual({
      metadata: { x: 1 },
      hash: null,
      previousHash: null,
    });
  });
});
