import fc from 'fast-check';
import { compareIndex } from '../points/ratio';
import { rankEntriesArb } from '../testing/arbitraries.test-support';
import { publishedIndex, rankGroup, type RankEntry } from './rank-group';

const ranksById = (entries: RankEntry[]) => Object.fromEntries(rankGroup(entries).map((entry) => [entry.unitId, entry.rank]));

describe('rankGroup', () => {
  it('given scores with a tie, when ranked, then ties share a rank and the next rank is skipped ("1, 2, 2, 4")', () => {
    const ranked = rankGroup([
      { unitId: 'D', total: 7000, max: 10000 },
      { unitId: 'A', total: 9588, max: 10000 },
      { unitId: 'C', total: 8756, max: 10000 },
      { unitId: 'B', total: 8756, max: 10000 },
    ]);
    expect(ranked.map((entry) => [entry.unitId, entry.rank, entry.position])).toEqual([
      ['A', 1, 1],
      ['B', 2, 2],
      ['C', 2, 3],
      ['D', 4, 4],
    ]);
    expect(ranked[0].percent).toBe(9588);
  });

  it('given 63 provinces with ties at 4th, 10th and 62nd, when ranked, then competition ranks are reproduced', () => {
    const totals = Array.from({ length: 63 }, (_, i) => 9500 - 40 * i);
    totals[4] = totals[3];
    totals[10] = totals[11] = totals[9];
    totals[62] = totals[61];
    // ids run against the score order, and the input is shuffled, so neither decides a rank
    const entries = totals.map((total, i) => ({ unitId: `P${String(63 - i).padStart(2, '0')}`, total, max: 10000 }));
    const shuffled = [...entries].sort((a, b) => ((a.total * 7919) % 101) - ((b.total * 7919) % 101) || (a.unitId < b.unitId ? -1 : 1));
    const ranked = rankGroup(shuffled);
    const expectedRanks = [
      1, 2, 3, 4, 4, 6, 7, 8, 9, 10, 10, 10, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36,
      37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 62,
    ];
    expect(ranked.map((entry) => entry.rank)).toEqual(expectedRanks);
    expect(ranked.slice(3, 5).map((entry) => entry.unitId)).toEqual(['P59', 'P60']); // tie listed by unitId
    expect(ranked.slice(9, 12).map((entry) => entry.unitId)).toEqual(['P52', 'P53', 'P54']);
    expect(ranked.map((entry) => entry.position)).toEqual(Array.from({ length: 63 }, (_, i) => i + 1));
  });

  it('given different applicable maxima, when ranked, then the index decides (68.32/84 = 81.33% beats 81.00/100)', () => {
    expect(
      ranksById([
        { unitId: 'full', total: 8100, max: 10000 },
        { unitId: 'na', total: 6832, max: 8400 },
      ]),
    ).toEqual({ na: 1, full: 2 });
  });

  it('given equal indexes from different maxima, when ranked, then they tie exactly (90/100 vs 81/90)', () => {
    expect(
      ranksById([
        { unitId: 'a', total: 9000, max: 10000 },
        { unitId: 'b', total: 8100, max: 9000 },
        { unitId: 'c', total: 8999, max: 10000 },
      ]),
    ).toEqual({ a: 1, b: 1, c: 3 });
  });

  it('given indexes equal at the published precision, when ranked, then they share a rank, listed by exact index', () => {
    // 95.7004 % and 95.6996 % are both published as 95.70 %: same rank, the exactly higher one first
    const ranked = rankGroup([
      { unitId: 'a-lower', total: 956996, max: 1000000 },
      { unitId: 'z-higher', total: 957004, max: 1000000 },
      { unitId: 'm', total: 956900, max: 1000000 },
    ]);
    expect(ranked.map((entry) => [entry.unitId, entry.rank, entry.percent])).toEqual([
      ['z-higher', 1, 9570],
      ['a-lower', 1, 9570],
      ['m', 3, 9569],
    ]);
  });

  it('given a finer published precision, when ranked, then the same units are separated', () => {
    const entries = [
      { unitId: 'a', total: 956996, max: 1000000 },
      { unitId: 'b', total: 957004, max: 1000000 },
    ];
    expect(Object.fromEntries(rankGroup(entries, { precision: 4 }).map((e) => [e.unitId, e.rank]))).toEqual({ b: 1, a: 2 });
    expect(() => rankGroup(entries, { precision: 1.5 })).toThrow(/precision/);
  });

  it('given indexes that differ below float precision, when ranked, then they tie at the published precision and the exact order lists them', () => {
    const big = 2 ** 40;
    const entries = [
      { unitId: 'b', total: big - 1, max: big },
      { unitId: 'a', total: big, max: big + 1 },
    ];
    // big/(big+1) > (big-1)/big, although both are 0.999999999999… in float64 and 100.00 % published
    expect(rankGroup(entries).map((e) => [e.unitId, e.rank])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
  });

  it('given ranking by points, when maxima differ, then points alone decide', () => {
    expect(
      Object.fromEntries(
        rankGroup(
          [
            { unitId: 'full', total: 8100, max: 10000 },
            { unitId: 'na', total: 6832, max: 8400 },
          ],
          { by: 'points' },
        ).map((e) => [e.unitId, e.rank]),
      ),
    ).toEqual({ full: 1, na: 2 });
  });

  it('given a unit with no applicable maximum, when ranked, then it is unranked and listed last', () => {
    const ranked = rankGroup([
      { unitId: 'z', total: 0, max: 0 },
      { unitId: 'a', total: 10, max: 100 },
    ]);
    expect(ranked.map((entry) => [entry.unitId, entry.rank, entry.position, entry.percent])).toEqual([
      ['a', 1, 1, 1000],
      ['z', null, 2, null],
    ]);
  });

  it('given a duplicated unit or a fractional total, when ranked, then it is refused', () => {
    expect(() =>
      rankGroup([
        { unitId: 'a', total: 1, max: 10 },
        { unitId: 'a', total: 2, max: 10 },
      ]),
    ).toThrow(/twice/);
    expect(() => rankGroup([{ unitId: 'a', total: 1.5, max: 10 }])).toThrow(/integers/);
  });

  it('given an empty group, when ranked, then the ranking is empty', () => {
    expect(rankGroup([])).toEqual([]);
  });

  describe('properties', () => {
    it('ranks are a permutation of the entries, consistent with the scores; ties and only ties share a rank', () => {
      fc.assert(
        fc.property(rankEntriesArb(), (entries) => {
          const ranked = rankGroup(entries);
          expect(ranked.map((e) => e.unitId).sort()).toEqual(entries.map((e) => e.unitId).sort());
          for (let i = 1; i < ranked.length; i++) {
            const [prev, cur] = [ranked[i - 1], ranked[i]];
            const shown = (e: RankEntry) => publishedIndex(e.total, e.max, 2);
            expect(shown(prev) >= shown(cur)).toBe(true);
            if (shown(prev) === shown(cur)) {
              expect(cur.rank).toBe(prev.rank);
              const exact = compareIndex(prev.total, prev.max, cur.total, cur.max);
              expect(exact > 0 || (exact === 0 && prev.unitId < cur.unitId)).toBe(true);
            } else expect(cur.rank).toBe(i + 1);
          }
          if (ranked.length > 0) expect(ranked[0].rank).toBe(1);
        }),
      );
    });

    it('a rank is 1 + the number of units with a strictly higher published index', () => {
      fc.assert(
        fc.property(rankEntriesArb(), (entries) => {
          for (const entry of rankGroup(entries)) {
            const shown = (e: RankEntry) => publishedIndex(e.total, e.max, 2);
            const better = entries.filter((other) => shown(other) > shown(entry)).length;
            expect(entry.rank).toBe(better + 1);
          }
        }),
      );
    });

    it('scaling every maximum (and so every score) by the same factor keeps the ranking', () => {
      fc.assert(
        fc.property(rankEntriesArb(), fc.integer({ min: 2, max: 1000 }), (entries, factor) => {
          const scaled = entries.map((e) => ({ ...e, total: e.total * factor, max: e.max * factor }));
          const strip = (list: RankEntry[]) => rankGroup(list).map((e) => [e.unitId, e.rank, e.percent]);
          expect(strip(scaled)).toEqual(strip(entries));
        }),
      );
    });

    it('the input order never changes the result', () => {
      fc.assert(
        fc.property(
          rankEntriesArb().chain((entries) => fc.shuffledSubarray(entries, { minLength: entries.length }).map((s) => [entries, s])),
          ([a, b]) => {
            expect(rankGroup(b)).toEqual(rankGroup(a));
          },
        ),
      );
    });

    it('with one shared maximum, ranking by index equals ranking by points', () => {
      fc.assert(
        fc.property(rankEntriesArb({ sameMax: true }), (entries) => {
          expect(rankGroup(entries, { by: 'points' })).toEqual(rankGroup(entries));
        }),
      );
    });
  });
});
