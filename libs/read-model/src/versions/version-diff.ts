import type { EntityManager } from 'typeorm';
import { versionSchema } from './version-schema';

export interface ScorecardChange {
  unitId: string;
  year: number;
  level: string;
  group: string;
  /** points (null: the unit has no scorecard in that version) */
  fromTotal: number | null;
  toTotal: number | null;
  totalDelta: number;
  fromRank: number | null;
  toRank: number | null;
  /** positive = moves up the ranking */
  rankDelta: number | null;
  /** workflow status: a criteria revision reopens published results (they leave the published ranking) */
  fromStatus: string | null;
  toStatus: string | null;
  /** the criteria-set version the unit-year is scored against */
  fromCriteriaSetVersion: number | null;
  toCriteriaSetVersion: number | null;
}

/** Which units' scores, ranks, groups, statuses or criteria versions differ between two versions' scorecards, largest change first. */
export async function diffVersions(
  manager: EntityManager,
  from: number,
  to: number,
): Promise<{ compared: number; changes: ScorecardChange[] }> {
  const a = versionSchema(from);
  const b = versionSchema(to);
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT COALESCE(a.unit_id, b.unit_id) AS unit_id, COALESCE(a.year, b.year) AS year,
            COALESCE(b.level, a.level) AS level, COALESCE(b.group_code, a.group_code) AS group_code,
            a.total AS from_total, b.total AS to_total, a.rank AS from_rank, b.rank AS to_rank,
            a.status AS from_status, b.status AS to_status, a.criteria_set_version AS from_csv, b.criteria_set_version AS to_csv,
            a.unit_id IS NOT NULL AND b.unit_id IS NOT NULL AND a.total = b.total AND a.rank = b.rank AND a.group_code = b.group_code
              AND a.status = b.status AND a.criteria_set_version = b.criteria_set_version AS same
       FROM ${a}.scorecards a FULL OUTER JOIN ${b}.scorecards b ON a.unit_id = b.unit_id AND a.year = b.year
      ORDER BY abs(COALESCE(b.total, 0) - COALESCE(a.total, 0)) DESC, 1, 2`,
  );
  const points = (hundredths: unknown) => (hundredths === null ? null : (hundredths as number) / 100);
  const changes = rows
    .filter((r) => !r.same)
    .map((r): ScorecardChange => {
      const fromRank = r.from_rank as number | null;
      const toRank = r.to_rank as number | null;
      return {
        unitId: r.unit_id as string,
        year: r.year as number,
        level: r.level as string,
        group: r.group_code as string,
        fromTotal: points(r.from_total),
        toTotal: points(r.to_total),
        totalDelta: ((r.to_total as number | null) ?? 0) / 100 - ((r.from_total as number | null) ?? 0) / 100,
        fromRank,
        toRank,
        rankDelta: fromRank === null || toRank === null ? null : fromRank - toRank,
        fromStatus: r.from_status as string | null,
        toStatus: r.to_status as string | null,
        fromCriteriaSetVersion: r.from_csv as number | null,
        toCriteriaSetVersion: r.to_csv as number | null,
      };
    });
  return { compared: rows.length, changes };
}
