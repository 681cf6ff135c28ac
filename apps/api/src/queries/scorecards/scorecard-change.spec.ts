import type { ScorecardRow } from '@par-index/read-model';
import { scorecardChange } from './scorecard-change';

const row = (year: number, rank: number, total: number, fields: [string, number, number, number][]): ScorecardRow => ({
  unitId: 'u', year, level: 'department', groupCode: 'departments', status: 'published', total, applicableMax: 10_000,
  percent: total / 100, rank, groupSize: 20, bySource: {}, zeroLeaves: [], updatedAt: '',
  criteriaSetCode: `PAR-${year}-department`, criteriaSetVersion: 1, mixedCriteriaVersions: false,
  fields: fields.map(([code, points, max, fieldRank]) => ({ code, name: code, points, max, percent: 0, rank: fieldRank })),
});

describe('scorecardChange', () => {
  it('given a unit that moved from 11th to 3rd, then it is up 8 places with the exact index change', () => {
    const change = scorecardChange(
      row(2024, 3, 9210, [['F1', 900, 1000, 2], ['F2', 800, 1000, 5], ['F3', 500, 500, 1]]),
      row(2023, 11, 8985, [['F1', 850, 1000, 4], ['F2', 800, 1000, 5], ['F3', 450, 600, 9]]),
    );
    expect(change).toMatchObject({ previousYear: 2023, previousRank: 11, placesUp: 8, rankChange: 'up 8 places, from 11th to 3rd', pointsChange: 225, percentChange: 225, scoreChange: 'up 2.25 points' });
    expect(change.fields.map((f) => [f.code, f.direction, f.pointsChange, f.previousRank])).toEqual([
      ['F1', 'higher', 50, 4],
      ['F2', 'same', 0, 5],
      ['F3', 'higher', 50, 9],
    ]);
    expect([change.fieldsHigher, change.fieldsLower]).toEqual([2, 0]);
  });

  it('given fewer points on a smaller field maximum, then the field is compared on its index, not its points', () => {
    const change = scorecardChange(row(2024, 5, 9000, [['F7', 400, 500, 3]]), row(2023, 2, 9100, [['F7', 450, 600, 1]]));
    expect(change.fields[0]).toMatchObject({ direction: 'higher', pointsChange: -50 });
    expect(change).toMatchObject({ placesUp: -3, rankChange: 'down 3 places, from 2nd to 5th', scoreChange: 'down 1.00 point' });
  });

  it('given a field new this year, then it is added and has no previous rank', () => {
    const change = scorecardChange(row(2024, 1, 9000, [['F9', 100, 100, 1]]), row(2023, 1, 9000, []));
    expect(change.fields[0]).toMatchObject({ direction: 'added', pointsChange: null, previousRank: null });
    expect(change.rankChange).toBe('unchanged at 1st');
  });
});
