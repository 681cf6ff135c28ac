import { rankScorecards, scoreUnit, type CriteriaSet, type Fraction, type UnitScorecard } from '@par-index/scoring';
import type { AssessmentRow } from '../../entities/assessment.entity';
import type { ScorecardRow, StoredFraction } from '../../entities/scorecard.entity';

/** Exact values are stored as decimal strings (a converted part's denominator can be large). */
export const toStoredFraction = (fraction: Fraction | undefined): StoredFraction | undefined =>
  fraction === undefined ? undefined : { num: String(fraction.num), den: String(fraction.den) };

const toPercent = (percentHundredths: number | null) => (percentHundredths === null ? 0 : percentHundredths / 100);

/** One assessment scored by libs/scoring against the criteria-set version it is bound to. */
export interface ScoredAssessment {
  row: AssessmentRow;
  scorecard: UnitScorecard;
}

/** Pure: scores one assessment; undefined when its criteria-set version is unknown (not scored, not ranked). */
export function scoreAssessment(row: AssessmentRow, set: CriteriaSet | undefined): ScoredAssessment | undefined {
  return set ? { row, scorecard: scoreUnit(set, row.leafInputs) } : undefined;
}

/** The group's own last change, not the batch's: the same log gives the same rows however it is batched. */
export function groupUpdatedAt(assessments: readonly AssessmentRow[]): string {
  return assessments.reduce((latest, a) => (a.lastEventAt > latest ? a.lastEventAt : latest), '');
}

/** Pure: the scorecard rows of one group (year, level, block) from its scored assessments, ranked by libs/scoring. */
export function rankScoredGroup(scored: readonly ScoredAssessment[], updatedAt: string): ScorecardRow[] {
  const rankings = rankScorecards(scored.map(({ row, scorecard }) => ({ unitId: row.unitId, scorecard })));
  const overall = new Map(rankings.overall.map((entry) => [entry.unitId, entry]));
  const fieldRanks = new Map(
    Object.entries(rankings.fields).map(([code, entries]) => [code, new Map(entries.map((entry) => [entry.unitId, entry.rank]))]),
  );
  const fieldRank = (fieldCode: string, unitId: string) => fieldRanks.get(fieldCode)?.get(unitId) ?? 0;
  const mixedCriteriaVersions = new Set(scored.map(({ row }) => `${row.criteriaSetCode}\u0000${row.criteriaSetVersion}`)).size > 1;
  return scored.map(({ row, scorecard }) => ({
    unitId: row.unitId,
    year: row.year,
    level: row.level,
    groupCode: row.groupCode,
    status: row.status,
    criteriaSetCode: row.criteriaSetCode,
    criteriaSetVersion: row.criteriaSetVersion,
    mixedCriteriaVersions,
    total: scorecard.total,
    exactTotal: toStoredFraction(scorecard.exactTotal) ?? null,
    applicableMax: scorecard.max,
    percent: toPercent(scorecard.percent),
    rank: overall.get(row.unitId)?.rank ?? 0,
    groupSize: scored.length,
    fields: scorecard.fields.map((field) => ({
      code: field.code,
      name: field.name,
      points: field.points,
      max: field.max,
      percent: toPercent(field.percent),
      rank: fieldRank(field.code, row.unitId),
      ...(field.exactPoints === undefined ? {} : { exactPoints: toStoredFraction(field.exactPoints) }),
    })),
    bySource: Object.fromEntries(scorecard.bySource.map((source) => [source.key, source.points])),
    zeroLeaves: scorecard.zeroLeaves,
    updatedAt,
  }));
}

/**
 * Pure: the scorecards of one group (year, level, block) from its assessments, scored and ranked by
 * libs/scoring. `setOf` resolves the criteria-set version each assessment was opened against.
 */
export function scoreGroup(
  assessments: readonly AssessmentRow[],
  setOf: (code: string, version: number) => CriteriaSet | undefined,
  updatedAt: string,
): ScorecardRow[] {
  const scored = assessments.flatMap((row) => scoreAssessment(row, setOf(row.criteriaSetCode, row.criteriaSetVersion)) ?? []);
  return rankScoredGroup(scored, updatedAt);
}
