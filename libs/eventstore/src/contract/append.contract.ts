import { WrongExpectedRevisionError, type EventStore } from '../port';
import { makeEvent, makeEvents, uniquePrefix } from './fixtures';

async function expectWrongRevision(promise: Promise<unknown>, actual: bigint | 'no_stream'): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect((error as WrongExpectedRevisionError).actual).toBe(actual);
}

export function appendContract(store: () => EventStore): void {
  describe('appendToStream', () => {
    it('no_stream creates a stream starting at revision 0', async () => {
      const stream = uniquePrefix('append');
      const result = await store().appendToStream(stream, makeEvents(3), 'no_stream');
      expect(result.nextExpectedRevision).toBe(2n);
      expect(typeof result.position).toBe('bigint');
      const read = await store().readStream(stream);
      expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
      expect(read[2].position).toBe(result.position);
    });

    it('no_stream conflicts when the stream exists', async () => {
      const stream = uniquePrefix('append');
      await store().appendToStream(stream, makeEvents(2), 'no_stream');
      await expectWrongRevision(store().appendToStream(stream, makeEvents(1), 'no_stream'), 1n);
    });

    it('stream_exists appends to an existing stream and conflicts on a missing one', async () => {
      const stream = uniquePrefix('append');
      await expectWrongRevision(store().appendToStream(stream, makeEvents(1), 'stream_exists'), 'no_stream');
      await store().appendToStream(stream, makeEvents(1), 'no_stream');
      const result = await store().appendToStream(stream, makeEvents(1), 'stream_exists');
      expect(result.nextExpectedRevision).toBe(1n);
    });

    it('an exact revision appends when it matches and conflicts with the actual revision otherwise', async () => {
      const stream = uniquePrefix('append');
      await store().appendToStream(stream, makeEvents(2), 'no_stream');
      const ok = await store().appendToStream(stream, makeEvents(2), 1n);
      expect(ok.nextExpectedRevision).toBe(3n);
      await expectWrongRevision(store().appendToStream(stream, makeEvents(1), 1n), 3n);
      await expectWrongRevision(store().appendToStream(stream, makeEvents(1), 7n), 3n);
      await expectWrongRevision(store().appendToStream(uniquePrefix('missing'), makeEvents(1), 0n), 'no_stream');
    });

    it('any appends whatever the stream state', async () => {
      const stream = uniquePrefix('append');
      expect((await store().appendToStream(stream, makeEvents(1), 'any')).nextExpectedRevision).toBe(0n);
      expect((await store().appendToStream(stream, makeEvents(2), 'any')).nextExpectedRevision).toBe(2n);
    });

    it('records type, data, metadata, positions and a hash chain', async () => {
      const stream = uniquePrefix('append');
      const first = makeEvent('UnitRegistered', { unitId: 'u-1', name: 'Dept. of Home Affairs', nested: { a: [1, 2] } });
      const second = makeEvent('UnitRenamed', { unitId: 'u-1', name: 'Department of Home Affairs' });
      await store().appendToStream(stream, [first, second], 'no_stream');
      const [a, b] = await store().readStream(stream);
      expect(a).toMatchObject({ id: first.id, streamName: stream, type: 'UnitRegistered', data: first.data });
      expect(a.metadata).toMatchObject(first.metadata);
      expect(a.recordedAt).toBeInstanceOf(Date);
      expect(b.position).toBeGreaterThan(a.position);
      expect(a.previousHash).toBeNull();
      expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(b.previousHash).toBe(a.hash);
    });

    it('is idempotent: the same event ids appended again are accepted once', async () => {
      const stream = uniquePrefix('idem');
      const batch = makeEvents(3);
      const first = await store().appendToStream(stream, batch, 'no_stream');
      const again = await store().appendToStream(stream, batch, 'no_stream');
      expect(again).toEqual(first);
      const withAny = await store().appendToStream(stream, batch, 'any');
      expect(withAny).toEqual(first);
      expect(await store().readStream(stream)).toHaveLength(3);
    });

    it('idempotency also holds with an exact expected revision', async () => {
      const stream = uniquePrefix('idem');
      await store().appendToStream(stream, makeEvents(1), 'no_stream');
      const batch = makeEvents(2);
      const first = await store().appendToStream(stream, batch, 0n);
      expect(await store().appendToStream(stream, batch, 0n)).toEqual(first);
      expect(await store().readStream(stream)).toHaveLength(3);
    });

    it('rejects a batch that only partly overlaps events already appended', async () => {
      const stream = uniquePrefix('idem');
      const batch = makeEvents(2);
      await store().appendToStream(stream, batch, 'no_stream');
      await expect(store().appendToStream(stream, [batch[0], makeEvent('Other')], 'no_stream')).rejects.toThrow();
      expect(await store().readStream(stream)).toHaveLength(2);
    });
  });
}
