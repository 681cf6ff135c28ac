import fc from 'fast-check';
import {
  DEFAULT_MAX_APPEND_BYTES,
  EventTooLargeError,
  PER_EVENT_OVERHEAD_BYTES,
  SERVER_MAX_APPEND_BYTES,
  estimateEventBytes,
  splitIntoAppendBatches,
  type SizedEvent,
} from './append-batching';

function sized(id: string, payloadChars: number): SizedEvent {
  return { id, type: 'T', data: { p: 'x'.repeat(payloadChars) }, metadata: { a: 1 } };
}

describe('append batching', () => {
  it('keeps the default limit below the server limit', () => {
    expect(DEFAULT_MAX_APPEND_BYTES).toBeLessThan(SERVER_MAX_APPEND_BYTES);
    expect(DEFAULT_MAX_APPEND_BYTES).toBeGreaterThan(900_000);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const ascii = estimateEventBytes({ id: 'e', type: 'T', data: { s: 'aaaa' }, metadata: {} });
    const polish = estimateEventBytes({ id: 'e', type: 'T', data: { s: 'ąęłż' }, metadata: {} });
    expect(polish - ascii).toBe(4);
    expect(ascii).toBe('{"s":"aaaa"}'.length + '{}'.length + 1 + PER_EVENT_OVERHEAD_BYTES);
  });

  it('keeps a small batch whole', () => {
    const events = [sized('a', 10), sized('b', 10)];
    expect(splitIntoAppendBatches(events, DEFAULT_MAX_APPEND_BYTES)).toEqual([events]);
    expect(splitIntoAppendBatches([], DEFAULT_MAX_APPEND_BYTES)).toEqual([]);
  });

  it('splits a batch above 1 MiB into ordered chunks under the limit', () => {
    const events = Array.from({ length: 12 }, (_, i) => sized(`e${i}`, 200_000));
    const batches = splitIntoAppendBatches(events, DEFAULT_MAX_APPEND_BYTES);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flat()).toEqual(events);
    for (const batch of batches) {
      expect(batch.reduce((sum, e) => sum + estimateEventBytes(e), 0)).toBeLessThanOrEqual(DEFAULT_MAX_APPEND_BYTES);
    }
  });

  it('rejects a single event above the limit with a clear error', () => {
    expect(() => splitIntoAppendBatches([sized('small', 1), sized('huge', 2_000_000)], DEFAULT_MAX_APPEND_BYTES)).toThrow(
      EventTooLargeError,
    );
    expect(() => splitIntoAppendBatches([sized('huge', 2_000_000)], DEFAULT_MAX_APPEND_BYTES)).toThrow(/huge/);
    expect(() => splitIntoAppendBatches([sized('a', 1)], 0)).toThrow(RangeError);
  });

  it('always preserves order and respects the limit (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 500 }), { maxLength: 60 }), fc.integer({ min: 500, max: 5_000 }), (sizes, max) => {
        const events = sizes.map((size, i) => ({ id: `e${i}`, size, type: 'T', data: null, metadata: null }));
        const batches = splitIntoAppendBatches(events, max, (e) => e.size);
        expect(batches.flat()).toEqual(events);
        for (const batch of batches) {
          expect(batch.length).toBeGreaterThan(0);
          expect(batch.reduce((sum, e) => sum + e.size, 0)).toBeLessThanOrEqual(max);
        }
        // greedy: a batch never could have taken the next batch's first event
        for (let i = 0; i + 1 < batches.length; i++) {
          const used = batches[i].reduce((sum, e) => sum + e.size, 0);
          expect(used + batches[i + 1][0].size).toBeGreaterThan(max);
        }
      }),
    );
  });
});
