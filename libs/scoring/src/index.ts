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
export { convertRawValue, applyConversionRule } from './conversion/convert-raw-value';

// Scoring a unit-year.
export { compileCriteriaSet, InvalidCriteriaSetError, type CompiledCriteriaSet, type ScoreSource } from './scorecard/compiled-set';
export { scoreUnit, ScoringInputError } from './scorecard/score-unit';
export type {
  LeafInput,
  LeafInputs,
  LeafScore,
  FieldScore,
  SourceScore,
  PointsOrigin,
  UnitScorecard,
} from './scorecard/scorecard';

// Rankings and group figures.
export { rankGroup, type RankEntry, type RankedEntry, type RankOptions } from './ranking/rank-group';
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
