import type { ScorecardRow } from '@par-index/read-model';
import { compareIndex, describeRankChange, describeScoreChange, rankChanges, type RankedEntry } from '@par-index/scoring';

export type FieldDirection = 'higher' | 'lower' | 'same' | 'added' | 'not_comparable';

export interface FieldChangeValue {
  code: string;
  name: string;
  direction: FieldDirection;
  /** hundredths */
  pointsChange: number | null;
  /** the field's rank in its group this year and the year before */
  rank: number;
  previousRank: number | null;
}

export interface ScorecardChangeValue {
  previousYear: number;
  previousRank: number;
  placesUp: number | null;
  rankChange: string;
  /** hundredths of points / of percentage points */
  pointsChange: number;
  percentChange: number | null;
  scoreChange: string;
  fieldsHigher: number;
  fieldsLower: number;
  fields: FieldChangeValue[];
}

/** What the comparison reads of a scorecard (a read-model row, or a caller's view of one). */
export type ComparableScorecard = Pick<ScorecardRow, 'unitId' | 'year' | 'total' | 'applicableMax' | 'rank' | 'percent'> & {
  fields: ReadonlyArray<Pick<ScorecardRow['fields'][number], 'code' | 'name' | 'points' | 'max' | 'rank'>>;
};

const entry = (row: ComparableScorecard): RankedEntry => ({
  unitId: row.unitId, total: row.total, max: row.applicableMax, rank: row.rank, position: row.rank, percent: Math.round(row.percent * 100),
});

/**
 * A unit's scorecard against its own scorecard of an earlier year: places moved in its group,
 * points and index change (exact, from libs/scoring), and which fields rose or fell (on their index).
 */
export function scorecardChange(current: ComparableScorecard, previous: ComparableScorecard): ScorecardChangeValue {
  const [change] = rankChanges([entry(current)], [entry(previous)]);
  const before = new Map(previous.fields.map((field) => [field.code, field]));
  const fields = current.fields.map((field): FieldChangeValue => {
    const prior = before.get(field.code);
    const direction: FieldDirection = !prior ? 'added'
      : field.max <= 0 || prior.max <= 0 ? 'not_comparable'
      : ['lower', 'same', 'higher'][Math.sign(compareIndex(field.points, field.max, prior.points, prior.max)) + 1] as FieldDirection;
    return { code: field.code, name: field.name, direction, pointsChange: prior ? field.points - prior.points : null, rank: field.rank, previousRank: prior?.rank ?? null };
  });
  return {
    previousYear: previous.year,
    previousRank: previous.rank,
    placesUp: change!.placesUp,
    rankChange: describeRankChange(change!),
    pointsChange: current.total - previous.total,
    percentChange: change!.percentChange,
    scoreChange: describeScoreChange(change!.percentChange),
    fieldsHigher: fields.filter((f) => f.direction === 'higher').length,
    fieldsLower: fields.filter((f) => f.direction === 'lower').length,
    fields,
  };
}
