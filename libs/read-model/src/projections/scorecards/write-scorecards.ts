import type { EntityManager } from 'typeorm';
import type { ScorecardRow } from '../../entities/scorecard.entity';

const toColumns = (row: ScorecardRow) => ({
  unit_id: row.unitId,
  year: row.year,
  level: row.level,
  group_code: row.groupCode,
  status: row.status,
  total: row.total,
  exact_total: row.exactTotal,
  applicable_max: row.applicableMax,
  percent: row.percent,
  rank: row.rank,
  group_size: row.groupSize,
  fields: row.fields,
  by_source: row.bySource,
  zero_leaves: row.zeroLeaves,
  updated_at: row.updatedAt,
  criteria_set_code: row.criteriaSetCode,
  criteria_set_version: row.criteriaSetVersion,
  mixed_criteria_versions: row.mixedCriteriaVersions,
});

const COLUMNS = Object.keys(toColumns({ fields: [] } as unknown as ScorecardRow));
const UPDATES = COLUMNS.filter((c) => c !== 'unit_id' && c !== 'year')
  .map((c) => `${c} = EXCLUDED.${c}`)
  .join(', ');

/**
 * Replaces the given groups' scorecards with `rows` in two statements: the rows as one JSON
 * parameter (an upsert by unit and year), then the groups' rows of units no longer in them deleted.
 */
export async function writeGroupScorecards(
  manager: EntityManager,
  groups: readonly { year: number; level: string; groupCode: string }[],
  rows: readonly ScorecardRow[],
  /** false when no unit-year can have left these groups (nothing to delete) */
  membersMayHaveLeft = true,
): Promise<void> {
  if (rows.length > 0) {
    await manager.query(
      `INSERT INTO scorecards (${COLUMNS.join(', ')})
       SELECT ${COLUMNS.join(', ')} FROM jsonb_populate_recordset(NULL::scorecards, $1::jsonb)
       ON CONFLICT (unit_id, year) DO UPDATE SET ${UPDATES}`,
      [JSON.stringify(rows.map(toColumns))],
    );
  }
  if (!membersMayHaveLeft) return;
  await manager.query(
    `DELETE FROM scorecards s USING jsonb_to_recordset($1::jsonb) AS g(year int, level text, group_code text)
     WHERE s.year = g.year AND s.level = g.level AND s.group_code = g.group_code AND NOT ((s.unit_id, s.year) IN (SELECT * FROM jsonb_to_recordset($2::jsonb) AS k(unit_id text, year int)))`,
    [
      JSON.stringify(groups.map((g) => ({ year: g.year, level: g.level, group_code: g.groupCode }))),
      JSON.stringify(rows.map((row) => ({ unit_id: row.unitId, year: row.year }))),
    ],
  );
}
