import { EVERY_ROW, PUBLISHED_ROWS, rankRequestedGroup } from './group-ranking';
import type { GroupScorecardRow } from './ranking-rows.sql';

const row = (unitId: string, year: number, total: number, status = 'published', group = 'g'): GroupScorecardRow => ({
  unitId,
  year,
  level: 'province',
  groupCode: group,
  status,
  criteriaSetCode: 'S',
  criteriaSetVersion: 1,
  mixedCriteriaVersions: false,
  total,
  applicableMax: 1000,
  unitName: unitId.toUpperCase(),
  unitStatus: 'active',
  exactTotal: null,
  fields: [{ code: 'F1', name: 'F1', points: total, max: 1000, percent: total / 10, rank: 0 }],
});
const request = { year: 2024, level: 'province', group: 'g', field: null, bands: [9000, 8000] };

describe('rankRequestedGroup', () => {
  const rows = [
    row('a', 2024, 900),
    row('b', 2024, 800),
    row('c', 2024, 950, 'approved'),
    row('a', 2023, 700),
    row('b', 2023, 900, 'published', 'elsewhere'),
    row('x', 2023, 990, 'published', 'elsewhere'),
  ];

  it('given the published view, then drafts are left out of ranks, statistics and group size', () => {
    const { units, statistics } = rankRequestedGroup(rows, { ...request, visible: PUBLISHED_ROWS });
    expect(units.map((u) => [u.entry.unitId, u.entry.rank])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(statistics).toMatchObject({ count: 2, averagePercent: 8500 });
  });

  it('given a unit ranked in another group last year, then its previous rank is its rank there', () => {
    const { units } = rankRequestedGroup(rows, { ...request, visible: EVERY_ROW });
    expect(units.map((u) => [u.entry.unitId, u.entry.rank, u.change.previousRank, u.change.placesUp])).toEqual([
      ['c', 1, null, null],
      ['a', 2, 1, -1],
      ['b', 3, 2, -1],
    ]);
  });
});
