import { WrongExpectedRevisionError, type EventStore, type ExpectedRevision } from '../port';
import { collect, expectExactlyOnce, expectStrictlyIncreasingPositions, makeEvent, uniquePrefix } from './fixtures';
import { waitUntil } from './subscribe.contract';

const RACERS = 8;
const ROUNDS = 25;
const WRITERS = 8;
const APPENDS_PER_WRITER = 2_000;

export function concurrencyContract(store: () => EventStore): void {
  describe('concurrency', () => {
    it(`${RACERS} writers racing for the same revision: exactly one wins each of ${ROUNDS} rounds`, async () => {
      const stream = uniquePrefix('race');
      for (let round = 0; round < ROUNDS; round++) {
        const expected: ExpectedRevision = round === 0 ? 'no_stream' : BigInt(round - 1);
        const outcomes = await Promise.allSettled(
          Array.from({ length: RACERS }, (_, w) => store().appendToStream(stream, [makeEvent('Raced', { round, writer: w })], expected)),
        );
        const winners = outcomes.filter((o) => o.status === 'fulfilled');
        const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(winners).toHaveLength(1);
        for (const loser of losers) {
          expect(loser.reason).toBeInstanceOf(WrongExpectedRevisionError);
          expect((loser.reason as WrongExpectedRevisionError).actual).toBe(BigInt(round));
        }
      }
      const events = await store().readStream(stream);
      expect(events.map((e) => e.data.round)).toEqual(Array.from({ length: ROUNDS }, (_, i) => i));
      expect((await store().verify(stream)).ok).toBe(true);
    });

    it(`${RACERS} free-running writers on one stream: every success owns a distinct revision`, async () => {
      const stream = uniquePrefix('hot');
      const succeeded: bigint[] = [];
      let conflicts = 0;
      await Promise.all(
        Array.from({ length: RACERS }, async () => {
          let expected: ExpectedRevision = 'any';
          for (let i = 0; i < 20; i++) {
            try {
              const result = await store().appendToStream(stream, [makeEvent('Hot')], expected);
              succeeded.push(result.nextExpectedRevision);
              expected = result.nextExpectedRevision;
            } catch (error) {
              if (!(error instanceof WrongExpectedRevisionError)) throw error;
              conflicts++;
              expected = error.actual;
            }
          }
        }),
      );
      const events = await store().readStream(stream);
      expect(events).toHaveLength(succeeded.length);
      expect([...succeeded].sort((a, b) => (a < b ? -1 : 1))).toEqual(events.map((e) => e.revision));
      expect(succeeded.length + conflicts).toBe(RACERS * 20);
    });

    it(
      `${WRITERS} writers x ${APPENDS_PER_WRITER} appends on different streams: ` +
        'subscribers see every event exactly once, in position order',
      async () => {
        const prefix = uniquePrefix('load');
        const from = await store().headPosition();
        const live = collect(store(), from, { streamNamePrefixes: [prefix] });
        await waitUntil(() => live.caughtUp);
        const appendedIds: string[][] = Array.from({ length: WRITERS }, () => []);
        let catchingUp: ReturnType<typeof collect> | undefined;
        try {
          await Promise.all(
            Array.from({ length: WRITERS }, async (_, w) => {
              const streams = [`${prefix}-w${w}-a`, `${prefix}-w${w}-b`];
              const revisions: ExpectedRevision[] = ['no_stream', 'no_stream'];
              for (let i = 0; i < APPENDS_PER_WRITER; i++) {
                if (w === 0 && i === APPENDS_PER_WRITER / 2) {
                  // joins mid-load: catch-up must hand over to live without a gap or a repeat
                  catchingUp = collect(store(), from, { streamNamePrefixes: [prefix] });
                }
                const event = makeEvent('Load', { writer: w, i });
                const result = await store().appendToStream(streams[i % 2], [event], revisions[i % 2]);
                revisions[i % 2] = result.nextExpectedRevision;
                appendedIds[w].push(event.id);
              }
            }),
          );
          const total = WRITERS * APPENDS_PER_WRITER;
          await live.waitFor(total, 45_000);
          await catchingUp!.waitFor(total, 45_000);
          for (const collector of [live, catchingUp!]) {
            expectStrictlyIncreasingPositions(collector.events);
            expectExactlyOnce(collector.events, appendedIds.flat());
          }
          // each writer's own events arrive in the order it appended them
          const order = live.events.filter((e) => e.data.writer === 3).map((e) => e.data.i);
          expect(order).toEqual(Array.from({ length: APPENDS_PER_WRITER }, (_, i) => i));
        } finally {
          await live.subscription.close();
          await catchingUp?.subscription.close();
        }
      },
      120_000,
    );
  });
}
