import type { UnitScorecard } from '../scorecard/scorecard';
import { rankGroup, type RankedEntry, type RankEntry, type RankOptions } from './rank-group';

export interface UnitResult {
  unitId: string;
  scorecard: UnitScorecard;
}

export interface GroupRankings {
  overall: RankedEntry[];
  /** per field code, each field ranked on the unit's field points ÷ its applicable field maximum */
  fields: Record<string, RankedEntry[]>;
}

/**
 * Overall and per-field rankings of a group whose units were scored against the same criteria
 * set (fields are matched by code; a unit lacking a field is left out of that field's ranking).
 */
export function rankScorecards(units: readonly UnitResult[], options: RankOptions = {}): GroupRankings {
  const overall = rankGroup(
    units.map(({ unitId, scorecard }) => ({ unitId, total: scorecard.total, max: scorecard.max, exactTotal: scorecard.exactTotal })),
    options,
  );
  const perField = new Map<string, RankEntry[]>();
  for (const { unitId, scorecard } of units) {
    for (const field of scorecard.fields) {
      let list = perField.get(field.code);
      if (!list) perField.set(field.code, (list = []));
      list.push({ unitId, total: field.points, max: field.max, exactTotal: field.exactPoints });
    }
  }
  // null prototype: field codes are user input ("constructor", "__proto__")
  const fields: Record<string, RankedEntry[]> = Object.create(null) as Record<string, RankedEntry[]>;
  for (const [code, entries] of perField) fields[code] = rankGroup(entries, options);
  return { overall, fields };
}

export interface FieldPositions {
  unitId: string;
  /** fields in which the unit ranks 1st (ties included) */
  first: string[];
  /** fields in which the unit shares the lowest rank; empty for a field where every unit ties */
  last: string[];
}

/**
 * For each unit, the fields where it is first or last in its group ("4/8 the lowest in the
 * block"). A field where all ranked units tie has no "last" (they are all first).
 */
export function fieldPositions(fieldRankings: Readonly<Record<string, readonly RankedEntry[]>>): FieldPositions[] {
  const byUnit = new Map<string, FieldPositions>();
  const positionsOf = (unitId: string): FieldPositions => {
    let positions = byUnit.get(unitId);
    if (!positions) byUnit.set(unitId, (positions = { unitId, first: [], last: [] }));
    return positions;
  };
  for (const [fieldCode, ranking] of Object.entries(fieldRankings)) {
    const ranks = ranking.map((entry) => entry.rank).filter((rank): rank is number => rank !== null);
    const worst = ranks.length === 0 ? null : Math.max(...ranks);
    for (const entry of ranking) {
      const positions = positionsOf(entry.unitId);
      if (entry.rank === 1) positions.first.push(fieldCode);
      if (entry.rank !== null && entry.rank === worst && worst > 1) positions.last.push(fieldCode);
    }
  }
  return [...byUnit.values()];
}

export interface ZeroLeafReport {
  leafCode: string;
  fieldCode: string;
  unitIds: string[];
}

/** Leaves on which at least one unit of the group scored zero, in document order, with those units. */
export function zeroLeafReport(units: readonly UnitResult[]): ZeroLeafReport[] {
  const byLeaf = new Map<string, ZeroLeafReport>();
  for (const { scorecard } of units) {
    for (const leaf of scorecard.leaves)
      if (!byLeaf.has(leaf.code)) byLeaf.set(leaf.code, { leafCode: leaf.code, fieldCode: leaf.fieldCode, unitIds: [] });
  }
  for (const { unitId, scorecard } of units) for (const code of scorecard.zeroLeaves) byLeaf.get(code)!.unitIds.push(unitId);
  return [...byLeaf.values()].filter((report) => report.unitIds.length > 0);
}
