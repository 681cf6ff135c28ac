import type { EntityManager } from 'typeorm';
import { ScorecardEntity, type ScorecardRow } from '../../entities/scorecard.entity';
import { upsertRows } from '../../runtime/projection-rows';

/**
 * Replaces the given groups' scorecards with `rows` in two statements: an upsert by unit and
 * year (`upsertRows`), then the groups' rows of units no longer in them deleted.
 */
export async function writeGroupScorecards(
  manager: EntityManager,
  groups: readonly { year: number; level: string; groupCode: string }[],
  rows: readonly ScorecardRow[],
  /** false when no unit-year can have left these groups (nothing to delete) */
  membersMayHaveLeft = true,
): Promise<void> {
  await upsertRows(manager, ScorecardEntity, rows);
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
