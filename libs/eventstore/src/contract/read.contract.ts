import type { EventStore } from '../port';
import { makeEvent, makeEvents, uniquePrefix } from './fixtures';

export function readContract(store: () => EventStore): void {
  describe('readStream', () => {
    let stream: string;
    beforeAll(async () => {
      stream = uniquePrefix('read');
      await store().appendToStream(stream, makeEvents(10), 'no_stream');
    });
    const revisions = async (options: Parameters<EventStore['readStream']>[1]) =>
      (await store().readStream(stream, options)).map((e) => Number(e.revision));

    it('reads forwards from the start by default', async () => {
      expect(await revisions(undefined)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });
    it('reads forwards from a revision (inclusive) with maxCount', async () => {
      expect(await revisions({ fromRevision: 4n, maxCount: 3 })).toEqual([4, 5, 6]);
      expect(await revisions({ fromRevision: 8n })).toEqual([8, 9]);
      expect(await revisions({ fromRevision: 20n })).toEqual([]);
    });
    it('reads backwards from the end or from a revision', async () => {
      expect(await revisions({ direction: 'backwards', maxCount: 3 })).toEqual([9, 8, 7]);
      expect(await revisions({ direction: 'backwards', fromRevision: 'end', maxCount: 2 })).toEqual([9, 8]);
      expect(await revisions({ direction: 'backwards', fromRevision: 2n })).toEqual([2, 1, 0]);
    });
    it('returns nothing for a stream that does not exist', async () => {
      expect(await store().readStream(uniquePrefix('nothing'))).toEqual([]);
    });
  });

  describe('readAll and headPosition', () => {
    it('headPosition moves to the position of the newest append', async () => {
      const result = await store().appendToStream(uniquePrefix('head'), makeEvents(2), 'no_stream');
      expect(await store().headPosition()).toBeGreaterThanOrEqual(result.position);
      const next = await store().appendToStream(uniquePrefix('head'), makeEvents(1), 'no_stream');
      expect(next.position).toBeGreaterThan(result.position);
      expect(await store().headPosition()).toBeGreaterThanOrEqual(next.position);
    });

    it('reads all events strictly after a position, in position order, honouring maxCount', async () => {
      const prefix = uniquePrefix('all');
      const from = await store().headPosition();
      await store().appendToStream(`${prefix}-a`, makeEvents(3), 'no_stream');
      await store().appendToStream(`${prefix}-b`, makeEvents(2), 'no_stream');
      const all = await store().readAll({ fromPosition: from, filter: { streamNamePrefixes: [prefix] } });
      expect(all.map((e) => `${e.streamName.slice(prefix.length)}:${e.revision}`)).toEqual(['-a:0', '-a:1', '-a:2', '-b:0', '-b:1']);
      const afterSecond = await store().readAll({ fromPosition: all[1].position, filter: { streamNamePrefixes: [prefix] } });
      expect(afterSecond.map((e) => e.id)).toEqual(all.slice(2).map((e) => e.id));
      const limited = await store().readAll({ fromPosition: from, maxCount: 2, filter: { streamNamePrefixes: [prefix] } });
      expect(limited.map((e) => e.id)).toEqual(all.slice(0, 2).map((e) => e.id));
    });

    it('reads from the start', async () => {
      const stream = uniquePrefix('start');
      await store().appendToStream(stream, makeEvents(1), 'no_stream');
      const firstPage = await store().readAll({ fromPosition: 'start', maxCount: 5 });
      expect(firstPage.length).toBeGreaterThan(0);
      for (let i = 1; i < firstPage.length; i++) expect(firstPage[i].position).toBeGreaterThan(firstPage[i - 1].position);
      const mine = await store().readAll({ fromPosition: 'start', filter: { streamNamePrefixes: [stream] } });
      expect(mine.map((e) => e.streamName)).toEqual([stream]);
    });

    it('filters by stream-name prefix and by event type', async () => {
      const prefix = uniquePrefix('filter');
      const from = await store().headPosition();
      await store().appendToStream(`${prefix}-unit-1`, [makeEvent('UnitRegistered'), makeEvent('UnitRenamed')], 'no_stream');
      await store().appendToStream(`${prefix}-score-1`, [makeEvent('SelfScoreRecorded')], 'no_stream');
      await store().appendToStream(`${prefix}-unit-2`, [makeEvent('UnitRegistered')], 'no_stream');
      const units = await store().readAll({ fromPosition: from, filter: { streamNamePrefixes: [`${prefix}-unit-`] } });
      expect(units.map((e) => e.streamName)).toEqual([`${prefix}-unit-1`, `${prefix}-unit-1`, `${prefix}-unit-2`]);
      const twoPrefixes = await store().readAll({
        fromPosition: from,
        filter: { streamNamePrefixes: [`${prefix}-unit-2`, `${prefix}-score-`] },
      });
      expect(twoPrefixes.map((e) => e.type)).toEqual(['SelfScoreRecorded', 'UnitRegistered']);
      const registered = await store().readAll({ fromPosition: from, filter: { eventTypes: ['UnitRegistered'] } });
      const mineRegistered = registered.filter((e) => e.streamName.startsWith(prefix));
      expect(mineRegistered.map((e) => e.streamName)).toEqual([`${prefix}-unit-1`, `${prefix}-unit-2`]);
      expect(registered.every((e) => e.type === 'UnitRegistered')).toBe(true);
    });
  });

  describe('verify', () => {
    it('reports an intact chain for one stream and for the whole store', async () => {
      const stream = uniquePrefix('verify');
      await store().appendToStream(stream, makeEvents(3), 'no_stream');
      await store().appendToStream(stream, makeEvents(2), 2n);
      const one = await store().verify(stream);
      expect(one).toMatchObject({ ok: true, streamsChecked: 1, eventsChecked: 5 });
      expect(one.firstBrokenLink).toBeUndefined();
      const all = await store().verify();
      expect(all.ok).toBe(true);
      expect(all.eventsChecked).toBeGreaterThanOrEqual(5);
    });
  });
}
