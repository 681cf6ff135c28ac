import type { FieldScoreRow, StoredFraction } from '@par-index/read-model';
import type { DataSource } from 'typeorm';

/** A scorecard of a ranking query with its unit's name: one row of the single SQL statement below. */
export interface GroupScorecardRow {
  unitId: string;
  year: number;
  level: string;
  groupCode: string;
  status: string;
  criteriaSetCode: string;
  criteriaSetVersion: number;
  mixedCriteriaVersions: boolean;
  total: number;
  /** the exact total where `total` is its rounding (the projector stores it; null: `total` is exact) */
  exactTotal: StoredFraction | null;
  applicableMax: number;
  fields: FieldScoreRow[];
  unitName: string | null;
  /** active, merged or inactive (null when the unit is not in the read model) */
  unitStatus: string | null;
}

const COLUMNS = `s.unit_id AS "unitId", s.year, s.level, s.group_code AS "groupCode", s.status,
  s.criteria_set_code AS "criteriaSetCode", s.criteria_set_version AS "criteriaSetVersion",
  s.mixed_criteria_versions AS "mixedCriteriaVersions", s.total, s.exact_total AS "exactTotal", s.applicable_max AS "applicableMax", s.fields,
  u.name AS "unitName", u.status AS "unitStatus"`;
const JOINS = 'scorecards s LEFT JOIN units u ON u.unit_id = s.unit_id';

/**
 * Runs a row query as one JSON value (json_agg): a 400-row group arrives as a single text parsed by
 * one JSON.parse instead of row by row, column by column.
 */
async function loadRows(db: DataSource, sql: string, parameters: unknown[]): Promise<GroupScorecardRow[]> {
  const [{ rows }] = (await db.query(`SELECT coalesce(json_agg(r), '[]'::json) AS rows FROM (${sql}) r`, parameters)) as [
    { rows: GroupScorecardRow[] },
  ];
  return rows;
}

/**
 * One statement for a whole ranking page: the group's scorecards of `year`, and the previous year's
 * scorecards of every group those units were in then (a unit moved since is ranked where it was).
 */
export async function loadGroupWithPreviousYear(
  db: DataSource,
  year: number,
  level: string,
  group: string,
  field: string | null,
): Promise<GroupScorecardRow[]> {
  // previous-year rows only need their fields when a field is ranked
  const columns = COLUMNS.replace('s.fields', `CASE WHEN s.year = $1 OR $4::text IS NOT NULL THEN s.fields ELSE '[]'::jsonb END AS fields`);
  return loadRows(
    db,
    `WITH current_units AS (SELECT unit_id FROM scorecards WHERE year = $1 AND level = $2 AND group_code = $3),
          previous_groups AS (SELECT DISTINCT level, group_code FROM scorecards WHERE year = $1 - 1 AND unit_id IN (SELECT unit_id FROM current_units))
     SELECT ${columns} FROM ${JOINS}
     WHERE (s.year = $1 AND s.level = $2 AND s.group_code = $3)
        OR (s.year = $1 - 1 AND (s.level, s.group_code) IN (SELECT level, group_code FROM previous_groups))`,
    [year, level, group, field],
  );
}

/** The same for the group a unit was ranked in that year (one statement: the unit's scorecard page). */
export async function loadGroupOfUnitWithPreviousYear(db: DataSource, unitId: string, year: number): Promise<GroupScorecardRow[]> {
  return loadRows(
    db,
    `WITH target AS (SELECT year, level, group_code FROM scorecards WHERE unit_id = $1 AND year = $2),
          current_units AS (SELECT s.unit_id FROM scorecards s JOIN target t USING (year, level, group_code)),
          previous_groups AS (SELECT DISTINCT level, group_code FROM scorecards WHERE year = $2 - 1 AND unit_id IN (SELECT unit_id FROM current_units))
     SELECT ${COLUMNS} FROM ${JOINS}
     WHERE (s.year, s.level, s.group_code) IN (SELECT year, level, group_code FROM target)
        OR (s.year = $2 - 1 AND (s.level, s.group_code) IN (SELECT level, group_code FROM previous_groups))`,
    [unitId, year],
  );
}

/** Every group-year a unit was ranked in, whole (for its history of ranks): one statement. */
export async function loadGroupsOfUnit(db: DataSource, unitId: string): Promise<GroupScorecardRow[]> {
  return loadRows(
    db,
    `SELECT ${COLUMNS} FROM ${JOINS}
     WHERE (s.year, s.level, s.group_code) IN (SELECT year, level, group_code FROM scorecards WHERE unit_id = $1)`,
    [unitId],
  );
}
