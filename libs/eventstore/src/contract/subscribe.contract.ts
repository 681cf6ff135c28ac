import type { EventStore } from '../port';
import { collect, expectExactlyOnce, expectStrictlyIncreasingPositions, makeEvent, makeEvents, sleep, uniquePrefix } from './fixtures';

export function subscribeContract(store: () => EventStore): void {
  describe('subscribeToAll', () => {
    it('catches up from a position, reports caught-up, then delivers live events in order', async () => {
      const prefix = uniquePrefix('sub');
      const from = await store().headPosition();
      const before = makeEvents(5);
      await store().appendToStream(`${prefix}-a`, before, 'no_stream');
      const collector = collect(store(), from, { streamNamePrefixes: [prefix] });
      try {
        await collector.waitFor(5);
        await waitUntil(() => collector.caughtUp);
        const live = makeEvents(3);
        await store().appendToStream(`${prefix}-b`, live.slice(0, 2), 'no_stream');
        await store().appendToStream(`${prefix}-a`, live.slice(2), 4n);
        await collector.waitFor(8);
        await sleep(50);
        expectExactlyOnce(
          collector.events,
          [...before, ...live].map((e) => e.id),
        );
        expect(collector.events.map((e) => e.id)).toEqual([...before, ...live].map((e) => e.id));
        expectStrictlyIncreasingPositions(collector.events);
      } finally {
        await collector.subscription.close();
      }
    });

    it('delivers only events strictly after the given position', async () => {
      const prefix = uniquePrefix('sub');
      await store().appendToStream(prefix, makeEvents(4), 'no_stream');
      const read = await store().readStream(prefix);
      const collector = collect(store(), read[1].position, { streamNamePrefixes: [prefix] });
      try {
        await collector.waitFor(2);
        await waitUntil(() => collector.caughtUp);
        expect(collector.events.map((e) => e.revision)).toEqual([2n, 3n]);
      } finally {
        await collector.subscription.close();
      }
    });

    it('filters live events by stream-name prefix and by event type', async () => {
      const prefix = uniquePrefix('subfilter');
      const from = await store().headPosition();
      const byPrefix = collect(store(), from, { streamNamePrefixes: [`${prefix}-unit-`] });
      const byType = collect(store(), from, { streamNamePrefixes: [prefix], eventTypes: ['SelfScoreRecorded'] });
      try {
        await waitUntil(() => byPrefix.caughtUp && byType.caughtUp);
        await store().appendToStream(`${prefix}-unit-1`, [makeEvent('UnitRegistered')], 'no_stream');
        await store().appendToStream(`${prefix}-score-1`, [makeEvent('SelfScoreRecorded'), makeEvent('Other')], 'no_stream');
        await store().appendToStream(`${prefix}-unit-2`, [makeEvent('SelfScoreRecorded')], 'no_stream');
        await byPrefix.waitFor(2);
        await byType.waitFor(2);
        await sleep(100);
        expect(byPrefix.events.map((e) => e.streamName)).toEqual([`${prefix}-unit-1`, `${prefix}-unit-2`]);
        expect(byType.events.map((e) => e.streamName)).toEqual([`${prefix}-score-1`, `${prefix}-unit-2`]);
      } finally {
        await byPrefix.subscription.close();
        await byType.subscription.close();
      }
    });

    it('awaits the handler: one event at a time', async () => {
      const prefix = uniquePrefix('sub');
      const from = await store().headPosition();
      let inFlight = 0;
      let maxInFlight = 0;
      const seen: bigint[] = [];
      const subscription = store().subscribeToAll(
        async (event) => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await sleep(5);
          seen.push(event.revision);
          inFlight--;
        },
        { fromPosition: from, filter: { streamNamePrefixes: [prefix] } },
      );
      try {
        await store().appendToStream(prefix, makeEvents(6), 'no_stream');
        await waitUntil(() => seen.length === 6);
        expect(maxInFlight).toBe(1);
        expect(seen).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
      } finally {
        await subscription.close();
      }
    });

    it('stops delivering after close()', async () => {
      const prefix = uniquePrefix('sub');
      const collector = collect(store(), await store().headPosition(), { streamNamePrefixes: [prefix] });
      await waitUntil(() => collector.caughtUp);
      await collector.subscription.close();
      await store().appendToStream(prefix, makeEvents(2), 'no_stream');
      await sleep(300);
      expect(collector.events).toEqual([]);
    });
  });
}

export async function waitUntil(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}
