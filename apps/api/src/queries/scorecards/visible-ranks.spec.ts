import type { ScorecardRow } from '@par-index/read-model';
import { rankAmongVisible } from './visible-ranks';

const row = (unitId: string, total: number, applicableMax: number, fieldPoints: number): ScorecardRow => ({
  unitId, year: 2024, level: 'province', groupCode: 'provinces', status: 'published', total, applicableMax, percent: 0,
  rank: 99, groupSize: 99, fields: [{ code: 'F1', name: 'F1', points: fieldPoints, max: 100, percent: 0, rank: 99 }],
  bySource: {}, zeroLeaves: [], updatedAt: '2024-01-01T00:00:00Z',
});

describe('rankAmongVisible', () => {
  it('ranks the visible rows among themselves (competition ranks on the index, per field too) and orders them', () => {
    const ranked = rankAmongVisible([row('c', 50, 100, 10), row('a', 80, 100, 10), row('b', 40, 50, 90)]);
    expect(ranked.map((r) => [r.unitId, r.rank, r.groupSize, r.fields[0]!.rank])).toEqual([
      ['a', 1, 3, 2],
      ['b', 1, 3, 1],
      ['c', 3, 3, 2],
    ]);
  });
  it('given no rows, then none', () => expect(rankAmongVisible([])).toEqual([]));
});
