import type { EntityManager } from 'typeorm';
import type { ScorecardRow } from '../../entities/scorecard.entity';

const toColumns = (row: ScorecardRow) => ({
  unit_id: row.unitId, year: row.year, level: row.level, group_code: row.groupCode, status: row.status,
  total: row.total, applicable_max: row.applicableMax, percent: row.percent, rank: row.rank, group_size: row.groupSize,
  fields: row.fields, by_source: row.bySource, zero_leaves: row.zeroLeaves, updated_at: row.updatedAt,
  criteria_set_code: row.criteriaSetCode, criteria_set_version: row.criteriaSetVersion, mixed_criteria_versions: row.mixedCriteriaVersions,
});

const COLUMNS = Object.keys(toColumns({ fields: [] } as unknown as ScorecardRow));
const UPDATES = COLUMNS.filter((c) => c !== 'unit_id' && c !== 'year').map((c) => `${c} = EXCLUDED.${c}`).join(', ');

/**
 * Replaces one group's scorecards with `rows` in two statements: the rows as one JSON parameter
 * (an upsert by unit and year), then the group's rows of units no longer in it deleted.
 */
export async function writeGroupScorecards(manager: EntityManager, group: { year: number; level: string; groupCode: string }, rows: readonly ScorecardRow[]): Promise<void> {
  if (rows.length > 0) {
    await manager.query(
      `INSERT INTO scorecards (${COLUMNS.join(', ')})
       SELECT ${COLUMNS.join(', ')} FROM jsonb_populate_recordset(NULL::scorecards, $1::jsonb)
       ON CONFLICT (unit_id, year) DO UPDATE SET ${UPDATES}`,
      [JSON.stringify(rows.map(toColumns))],
    );
  }
  await manager.query('DELETE FROM scorecards WHERE year = $1 AND level = $2 AND group_code = $3 AND NOT (unit_id = ANY($4::text[]))', [
    group.year, group.level, group.groupCode, rows.map((row) => row.unitId),
  ]);
}
