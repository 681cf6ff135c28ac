import {
  groupStatistics,
  rankChanges,
  rankGroup,
  type GroupStatistics,
  type PercentHundredths,
  type RankChange,
  type RankedEntry,
  type RankEntry,
} from '@par-index/scoring';
import type { StoredFraction } from '@par-index/read-model';
import type { GroupScorecardRow } from './ranking-rows.sql';
import { PUBLISHED_STATUS } from '@par-index/domain';

/** The read model's status of an assessment whose result is public. */
export const PUBLISHED = PUBLISHED_STATUS;

export interface RankingRequest {
  year: number;
  level: string;
  group: string;
  /** a field (component index) code, or null for the overall index */
  field: string | null;
  /** the rows ranked (e.g. published ones only): the others are left out, so ranks say nothing about them */
  visible: (row: GroupScorecardRow) => boolean;
  /** band lower bounds in hundredths of a percent */
  bands: readonly PercentHundredths[];
}

/** One ranked unit with everything libs/scoring says about it (hundredths, as the library returns them). */
export interface RankedUnit {
  row: GroupScorecardRow;
  entry: RankedEntry;
  change: RankChange;
  /** the unit's rank in each field, among the same rows */
  fieldRanks: ReadonlyMap<string, number | null>;
}

export interface GroupRanking {
  units: RankedUnit[];
  statistics: GroupStatistics;
}

export const EVERY_ROW = (_row: GroupScorecardRow): boolean => true;
export const PUBLISHED_ROWS = (row: GroupScorecardRow): boolean => row.status === PUBLISHED;

/** The entry a row contributes: the overall total, or one field's points over its applicable maximum. */
function entryOf(row: GroupScorecardRow, field: string | null): RankEntry | null {
  if (field === null) return { unitId: row.unitId, total: row.total, max: row.applicableMax, ...exactly(row.exactTotal) };
  const score = row.fields.find((f) => f.code === field);
  return score ? { unitId: row.unitId, total: score.points, max: score.max, ...exactly(score.exactPoints) } : null;
}

/** The exact value an entry ranks on, as the projector stored it, when the displayed one is a rounding of it. */
const exactly = (stored: StoredFraction | null | undefined): Pick<RankEntry, 'exactTotal'> =>
  stored ? { exactTotal: { num: BigInt(stored.num), den: BigInt(stored.den) } } : {};

const entriesOf = (rows: readonly GroupScorecardRow[], field: string | null) =>
  rows.map((row) => entryOf(row, field)).filter((entry): entry is RankEntry => entry !== null);

/** Field ranks of every row among `rows` (one rankGroup per field code). */
function fieldRanksOf(rows: readonly GroupScorecardRow[]): Map<string, Map<string, number | null>> {
  const codes = new Set(rows.flatMap((row) => row.fields.map((f) => f.code)));
  const byUnit = new Map<string, Map<string, number | null>>(rows.map((row) => [row.unitId, new Map()]));
  for (const code of codes) {
    for (const ranked of rankGroup(entriesOf(rows, code))) byUnit.get(ranked.unitId)!.set(code, ranked.rank);
  }
  return byUnit;
}

/** Ranks each previous-year group separately: a unit's previous rank is its rank in its group then. */
function previousRanking(rows: readonly GroupScorecardRow[], field: string | null): RankedEntry[] {
  const groups = new Map<string, GroupScorecardRow[]>();
  for (const row of rows) {
    const key = `${row.level}\u0000${row.groupCode}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()].flatMap((groupRows) => rankGroup(entriesOf(groupRows, field)));
}

/**
 * The ranking of one group for a year, from the rows of loadGroupWithPreviousYear: rows the view may
 * show are ranked among themselves by libs/scoring (rankGroup, rankChanges, groupStatistics);
 * nothing here computes a figure itself.
 */
export function rankRequestedGroup(rows: readonly GroupScorecardRow[], request: RankingRequest): GroupRanking {
  const shown = request.visible;
  const current = rows.filter(
    (row) => row.year === request.year && row.level === request.level && row.groupCode === request.group && shown(row),
  );
  const previous = rows.filter((row) => row.year === request.year - 1 && shown(row));
  const entries = entriesOf(current, request.field);
  const ranked = rankGroup(entries);
  const changes = new Map(rankChanges(ranked, previousRanking(previous, request.field)).map((change) => [change.unitId, change]));
  const byUnit = new Map(current.map((row) => [row.unitId, row]));
  const fieldRanks = fieldRanksOf(current);
  return {
    units: ranked.map((entry) => ({
      row: byUnit.get(entry.unitId)!,
      entry,
      change: changes.get(entry.unitId)!,
      fieldRanks: fieldRanks.get(entry.unitId)!,
    })),
    statistics: groupStatistics(entries, request.bands),
  };
}

/** Whether the group had any assessment that year at all (an unknown group is NOT_FOUND, not empty). */
export function groupExists(rows: readonly GroupScorecardRow[], request: Pick<RankingRequest, 'year' | 'level' | 'group'>): boolean {
  return rows.some((row) => row.year === request.year && row.level === request.level && row.groupCode === request.group);
}

export function fieldExists(rows: readonly GroupScorecardRow[], year: number, field: string): boolean {
  return rows.some((row) => row.year === year && row.fields.some((f) => f.code === field));
}
