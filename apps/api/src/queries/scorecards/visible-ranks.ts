import type { ScorecardRow } from '@par-index/read-model';
import { rankGroup, type RankEntry } from '@par-index/scoring';

/**
 * A group's rows re-ranked among themselves (overall and per field, as the projection ranks), for
 * callers who may see only some of the group: their ranks and group size then say nothing about the
 * results they may not see. Ordered as the ranking query orders (rank, then unit id).
 */
export function rankAmongVisible(rows: readonly ScorecardRow[]): ScorecardRow[] {
  const ranksOf = (entries: RankEntry[]) => new Map(rankGroup(entries).map((entry) => [entry.unitId, entry.rank ?? 0]));
  const overall = ranksOf(rows.map((row) => ({ unitId: row.unitId, total: row.total, max: row.applicableMax })));
  const fieldEntries = new Map<string, RankEntry[]>();
  for (const row of rows) {
    for (const field of row.fields) {
      const entries = fieldEntries.get(field.code) ?? [];
      entries.push({ unitId: row.unitId, total: field.points, max: field.max });
      fieldEntries.set(field.code, entries);
    }
  }
  const fieldRanks = new Map([...fieldEntries].map(([code, entries]) => [code, ranksOf(entries)]));
  return rows
    .map((row) => ({
      ...row,
      rank: overall.get(row.unitId) ?? 0,
      groupSize: rows.length,
      fields: row.fields.map((field) => ({ ...field, rank: fieldRanks.get(field.code)?.get(row.unitId) ?? 0 })),
    }))
    .sort((a, b) => a.rank - b.rank || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
}
