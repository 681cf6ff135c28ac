import fc from 'fast-check';
import { compareIndex } from '../points/ratio';
import { rankEntriesArb } from '../testing/arbitraries.test-support';
import { groupStatistics } from './group-statistics';

describe('groupStatistics', () => {
  const block = [
    { unitId: 'SBV', total: 9588, max: 10000 },
    { unitId: 'M2', total: 9100, max: 10000 },
    { unitId: 'M3', total: 8700, max: 10000 },
    { unitId: 'M4', total: 8500, max: 10000 },
    { unitId: 'M5', total: 7990, max: 10000 },
  ];

  it('given a block, when summarised, then average, median, extremes and count above the average are returned', () => {
    const stats = groupStatistics(block);
    expect(stats).toMatchObject({
      count: 5,
      indexed: 5,
      averagePercent: 8776, // (95.88 + 91 + 87 + 85 + 79.9) / 5 = 87.756
      medianPercent: 8700,
      minPercent: 7990,
      maxPercent: 9588,
      lowestUnitIds: ['M5'],
      highestUnitIds: ['SBV'],
      countAboveAverage: 2,
      averagePoints: 8776,
    });
  });

  it('given the default thresholds, when summarised, then units are counted in ≥ 90%, 80–90% and < 80%', () => {
    const bands = groupStatistics(block).bands;
    expect(bands.map((band) => [band.label, band.count, band.unitIds])).toEqual([
      ['≥ 90%', 2, ['M2', 'SBV']],
      ['80–90%', 2, ['M4', 'M3']],
      ['< 80%', 1, ['M5']],
    ]);
  });

  it('given a unit exactly on a threshold through a different maximum, when banded, then the exact index decides (72/80 = 90%)', () => {
    const stats = groupStatistics([
      { unitId: 'a', total: 7200, max: 8000 },
      { unitId: 'b', total: 7199, max: 8000 },
    ]);
    expect(stats.bands.map((band) => band.unitIds)).toEqual([['a'], ['b'], []]);
  });

  it('given totals converted from raw data, when summarised, then every figure comes from the exact totals, not the displayed ones', () => {
    // displayed 90.00, 80.00 and 80.00 of 100 points; exactly 89.996, 80.004 and 79.996
    const exact = [
      { unitId: 'a', total: 9000, max: 10000, exactTotal: { num: 44998, den: 5 } },
      { unitId: 'b', total: 8000, max: 10000, exactTotal: { num: 40002, den: 5 } },
      { unitId: 'c', total: 8000, max: 10000, exactTotal: { num: 39998, den: 5 } },
    ];
    const stats = groupStatistics(exact);
    expect(stats.bands.map((band) => band.unitIds)).toEqual([[], ['b', 'a'], ['c']]);
    expect(stats).toMatchObject({
      lowestUnitIds: ['c'],
      highestUnitIds: ['a'],
      minPercent: 8000,
      medianPercent: 8000,
      averagePercent: 8333,
      countAboveAverage: 1,
    });
    // the same group from its displayed totals: a would reach the top band, b and c would tie for lowest
    const displayed = groupStatistics(exact.map(({ exactTotal: _, ...entry }) => entry));
    expect(displayed.bands.map((band) => band.unitIds)).toEqual([['a'], ['b', 'c'], []]);
    expect(displayed.lowestUnitIds).toEqual(['b', 'c']);
  });

  it('given exact totals, when averaged, then the means of points and of indexes are rounded once, from the exact values', () => {
    // exactly 0.005 and 0.004 points of 100 (displayed 0.01 and 0.00): mean 0.0045 → 0.00, not (0.01 + 0.00) / 2 = 0.005 → 0.01
    const entries = [
      { unitId: 'a', total: 1, max: 10000, exactTotal: { num: 1, den: 2 } },
      { unitId: 'b', total: 0, max: 10000, exactTotal: { num: 2, den: 5 } },
    ];
    expect(groupStatistics(entries)).toMatchObject({ averagePoints: 0, averagePercent: 0, countAboveAverage: 1 });
    expect(groupStatistics(entries.map(({ exactTotal: _, ...entry }) => entry))).toMatchObject({ averagePoints: 1, averagePercent: 1 });
  });

  it('given an even count, when summarised, then the median is the mean of the middle two', () => {
    expect(groupStatistics(block.slice(0, 4)).medianPercent).toBe(8900);
  });

  it('given custom thresholds, when summarised, then bands follow them', () => {
    expect(groupStatistics(block, [9500, 8500, 8000]).bands.map((b) => [b.label, b.count])).toEqual([
      ['≥ 95%', 1],
      ['85–95%', 3],
      ['80–85%', 0],
      ['< 80%', 1],
    ]);
  });

  it('given an empty block or units without a maximum, when summarised, then figures are null', () => {
    const stats = groupStatistics([{ unitId: 'x', total: 0, max: 0 }]);
    expect(stats).toMatchObject({ count: 1, indexed: 0, averagePercent: null, medianPercent: null, countAboveAverage: 0 });
  });

  it('property: the count above the average agrees with an exact per-unit comparison, and bands partition the group', () => {
    fc.assert(
      fc.property(rankEntriesArb(), (entries) => {
        const stats = groupStatistics(entries);
        // unit above the average ⇔ n·total_i·Π… compared exactly: Σ_j (t_i/m_i − t_j/m_j) > 0
        const above = entries.filter((e) => {
          let num = 0n;
          let den = 1n;
          for (const o of entries) {
            // accumulate Σ (t_e·m_o − t_o·m_e) / (m_e·m_o) as a single fraction
            const n = BigInt(e.total) * BigInt(o.max) - BigInt(o.total) * BigInt(e.max);
            const d = BigInt(e.max) * BigInt(o.max);
            num = num * d + n * den;
            den *= d;
          }
          return num > 0n;
        }).length;
        expect(stats.countAboveAverage).toBe(above);
        expect(stats.bands.reduce((sum, band) => sum + band.count, 0)).toBe(entries.length);
        const top = entries.filter((e) => entries.every((o) => compareIndex(e.total, e.max, o.total, o.max) >= 0));
        expect(stats.highestUnitIds.sort()).toEqual(top.map((e) => e.unitId).sort());
      }),
      { numRuns: 60 },
    );
  });
});
