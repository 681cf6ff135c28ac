import { describeRankChange, describeScoreChange, ordinal, rankChanges } from './rank-changes';
import { rankGroup } from './rank-group';

describe('rankChanges', () => {
  // Ha Tinh 2023 departments: Foreign Affairs moved from 11th to 3rd.
  const lastYear = rankGroup(
    Array.from({ length: 12 }, (_, i) => ({ unitId: `D${String(i + 1).padStart(2, '0')}`, total: 9500 - i * 100, max: 10000 })),
  );
  const thisYear = rankGroup(
    lastYear.map((entry) => ({ unitId: entry.unitId, max: 10000, total: entry.unitId === 'D11' ? 9260 : entry.total - 50 })),
  );

  it('given a unit that rose from 11th to 3rd, when compared with last year, then it is up 8 places with its points change', () => {
    const change = rankChanges(thisYear, lastYear).find((c) => c.unitId === 'D11')!;
    expect(change).toMatchObject({
      rank: 3,
      previousRank: 11,
      placesUp: 8,
      total: 9260,
      previousTotal: 8500,
      pointsChange: 760,
      percentChange: 760,
    });
    expect(describeRankChange(change)).toBe('up 8 places, from 11th to 3rd');
    expect(describeScoreChange(change.pointsChange)).toBe('up 7.60 points');
  });

  it('given a unit that fell, when described, then it reads "down N places"', () => {
    const change = rankChanges(thisYear, lastYear).find((c) => c.unitId === 'D03')!;
    expect(describeRankChange(change)).toBe('down 1 place, from 3rd to 4th');
    expect(describeScoreChange(-2107)).toBe('down 21.07 points');
    expect(describeScoreChange(100)).toBe('up 1.00 point');
  });

  it('given a unit new to the group, when compared, then previous figures are null', () => {
    const changes = rankChanges(rankGroup([{ unitId: 'NEW', total: 5000, max: 10000 }]), lastYear);
    expect(changes[0]).toMatchObject({ previousRank: null, placesUp: null, previousTotal: null, pointsChange: null, percentChange: null });
    expect(describeRankChange(changes[0])).toBe('new at 1st');
  });

  it('given maxima that changed between years, when compared, then the percentage change is exact, rounded half away from zero', () => {
    // 68.05% this year against 89.12% last year: down 21.07 percentage points
    const now = rankGroup([{ unitId: 'X', total: 1361, max: 2000 }]);
    const before = rankGroup([{ unitId: 'X', total: 891200, max: 1000000 }]);
    expect(rankChanges(now, before)[0].percentChange).toBe(-2107);
    // exactly −0.005 percentage points rounds to −0.01, mirroring +0.005 → +0.01
    const tiny = rankChanges(rankGroup([{ unitId: 'Y', total: 19999, max: 20000 }]), rankGroup([{ unitId: 'Y', total: 1, max: 1 }]));
    expect(tiny[0].percentChange).toBe(-1);
  });

  it('given a total converted from raw data, when compared, then the index change comes from the exact total, not the displayed one', () => {
    // 40.004 of 50 points (displayed 40.00) against 40.00 last year: +0.008 percentage points → 0.01, where the displayed totals give 0
    const [change] = rankChanges(
      rankGroup([{ unitId: 'a', total: 4000, max: 5000, exactTotal: { num: 20002, den: 5 } }]),
      rankGroup([{ unitId: 'a', total: 4000, max: 5000 }]),
    );
    expect(change).toMatchObject({ pointsChange: 0, percentChange: 1 });
    const [displayed] = rankChanges(
      rankGroup([{ unitId: 'a', total: 4000, max: 5000 }]),
      rankGroup([{ unitId: 'a', total: 4000, max: 5000 }]),
    );
    expect(displayed!.percentChange).toBe(0);
  });

  it('given an unchanged rank, when described, then it reads "unchanged at"', () => {
    expect(describeRankChange({ rank: 4, previousRank: 4 })).toBe('unchanged at 4th');
    expect(describeRankChange({ rank: null, previousRank: 4 })).toBe('not ranked');
    expect(describeScoreChange(0)).toBe('unchanged');
  });

  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [63, '63rd'],
    [111, '111th'],
  ])('given %p, when written as an ordinal, then it reads %p', (n, text) => {
    expect(ordinal(n)).toBe(text);
  });
});
