/**
 * @par-index/scoring — the PAR Index methodology as pure functions (no I/O, clock or randomness).
 *
 * Decisions that hold across the library:
 * - Points are integer hundredths (8693 = 86.93). Parsing goes through decimal text, never floats.
 * - Published figures are computed from unrounded parts and rounded once. A survey/indicator result
 *   converted by a linear rule is kept exact (a fraction of hundredths, `convertExactly`, on the
 *   decimal forms of the raw value and the rule) through the field, source and unit totals and the
 *   index (`exactPoints`, `exactTotal`, present when not whole); each displayed figure (a leaf, a
 *   field, a source part, the total, a percentage) is that exact value rounded half up to two
 *   decimals. So displayed parts need not add up to the displayed total: 61.86 + 8.825 + 19.265
 *   is shown as 61.86, 8.83 and 19.27 with a total of 89.95, not 89.96.
 * - A unit's index is its points ÷ its OWN applicable maximum (not-applicable leaves are excluded),
 *   as in published tables (68.32 of 84 → 81.33%).
 * - Rankings rank on the exact index (from `exactTotal`, never from the rounded total) as published: rounded half up to the criteria set's precision
 *   (default 2 decimals, `rankGroup(…, { precision })`), so two units shown as 95.70 % share a rank
 *   even when their exact ratios differ further down. `rankGroup(…, { by: 'points' })` ranks on
 *   points alone.
 * - Ties share a rank (standard competition ranking 1, 2, 2, 4); inside a tie units are listed by
 *   their exact index (rationals compared by integer cross-multiplication, BigInt past 2^53), then
 *   by unitId ascending (code-unit order). Units without an applicable maximum are unranked.
 * - Signed changes (index change, contributions) round half away from zero so rises and falls
 *   mirror; conversions of survey/indicator results round half up.
 */
// Criteria sets: the contract types, validation and navigation.
export * from './criteria/criteria-set';
export { validateCriteriaSet, type CriteriaSetIssue } from './criteria/validate';
export { findLeaf, findNode, listLeaves, leafBounds, fieldOfLeaf, walkNodes } from './criteria/tree';

// Exact points and percentages.
export { toHundredths, formatPoints } from './points/hundredths';
export {
  percentOf,
  compareIndex,
  rational,
  compareRationals,
  rationalToPercent,
  type PercentHundredths,
  type Rational,
} from './points/ratio';

// Survey / indicator results → points.
export { convertRawValue, applyConversionRule, convertExactly } from './conversion/convert-raw-value';
export { roundFraction, toRational, isWhole, type Fraction } from './points/exact-sum';

// Scoring a unit-year.
export { compileCriteriaSet, InvalidCriteriaSetError, type CompiledCriteriaSet, type ScoreSource } from './scorecard/compiled-set';
export { scoreUnit, ScoringInputError } from './scorecard/score-unit';
export type { LeafInput, LeafInputs, LeafScore, FieldScore, SourceScore, PointsOrigin, UnitScorecard } from './scorecard/scorecard';

// Rankings and group figures.
export {
  rankGroup,
  publishedIndex,
  DEFAULT_INDEX_PRECISION,
  type RankEntry,
  type RankedEntry,
  type RankOptions,
} from './ranking/rank-group';
export { rankChanges, describeRankChange, describeScoreChange, ordinal, type RankChange } from './ranking/rank-changes';
export { groupStatistics, type GroupStatistics, type PercentBand } from './ranking/group-statistics';
export {
  rankScorecards,
  fieldPositions,
  zeroLeafReport,
  type UnitResult,
  type GroupRankings,
  type FieldPositions,
  type ZeroLeafReport,
} from './ranking/rank-scorecards';

// Explaining changes between years or versions.
export { fieldMovement, type FieldMovement, type FieldMove, type FieldDirection } from './change/field-movement';
export { explainChange, type ChangeExplanation, type Contribution } from './change/explain-change';

// Revisions of a criteria set.
export {
  diffCriteriaSets,
  type CriteriaDiff,
  type NodeChange,
  type NodeAttributes,
  type SetIdentity,
  type Change,
} from './revision/criteria-diff';
export { applyCriteriaDiff, CriteriaDiffConflictError } from './revision/apply-criteria-diff';
