import type { AssessmentState } from '@par-index/domain';
import {
  describeRankChange,
  describeScoreChange,
  explainChange,
  fieldMovement,
  fieldOfLeaf,
  listLeaves,
  scoreUnit,
  type Contribution as ScoringContribution,
  type UnitScorecard,
} from '@par-index/scoring';
import type { ScoringInputsRow } from './scorecard-inputs.sql';
import type { Contribution, LeafResult, ScorecardChange } from './scorecard-detail.types';

const points = (hundredths: number) => hundredths / 100;
const orNull = (hundredths: number | null | undefined) => (hundredths == null ? null : hundredths / 100);

export function scoreInputs(inputs: ScoringInputsRow): UnitScorecard {
  return scoreUnit(inputs.criteriaSet, inputs.leafInputs);
}

/** Every leaf in document order: inputs from the read model, evidence and reasons from the folded stream, points from libs/scoring. */
export function leafResults(inputs: ScoringInputsRow, scorecard: UnitScorecard, state: AssessmentState): LeafResult[] {
  const scored = new Map(scorecard.leaves.map((leaf) => [leaf.code, leaf]));
  const zero = new Set(scorecard.zeroLeaves);
  const opened = state.status === 'not_opened' ? null : state;
  return listLeaves(inputs.criteriaSet).map((leaf) => {
    const input = Object.hasOwn(inputs.leafInputs, leaf.code) ? inputs.leafInputs[leaf.code] : undefined;
    const score = scored.get(leaf.code);
    return {
      code: leaf.code,
      name: leaf.name,
      fieldCode: fieldOfLeaf(inputs.criteriaSet, leaf.code)?.code ?? '',
      kind: leaf.scoring.kind,
      max: points(leaf.max),
      applicableMax: points(score?.max ?? leaf.max),
      selfScore: orNull(input?.selfScore),
      appraisedScore: orNull(input?.appraisedScore),
      rawValue: input?.rawValue ?? null,
      effectiveScore: points(score?.points ?? 0),
      origin: score?.origin ?? 'missing',
      evidenceRefs: opened?.selfScores.get(leaf.code)?.evidenceRefs ?? [],
      appraisalReason: opened?.appraisalScores.get(leaf.code)?.reason ?? null,
      zero: zero.has(leaf.code),
    };
  });
}

const toContribution = (c: ScoringContribution): Contribution => ({
  code: c.code,
  status: c.status,
  pointsChange: points(c.pointsChange),
  points: orNull(c.points),
  previousPoints: orNull(c.previousPoints),
  maxChange: points(c.maxChange),
  indexContribution: orNull(c.indexContribution),
});

export interface ChangeRanks {
  rank: number | null;
  previousRank: number | null;
  fieldRanks: ReadonlyMap<string, number | null>;
  previousFieldRanks: ReadonlyMap<string, number | null>;
}

/** libs/scoring's explanation of the change between two years (explainChange, fieldMovement, rankChanges' wording), for GraphQL. */
export function scorecardChange(
  current: UnitScorecard,
  previous: UnitScorecard,
  previousYear: number,
  ranks: ChangeRanks,
): ScorecardChange {
  const explanation = explainChange(current, previous, ranks);
  const movement = fieldMovement(current, previous);
  return {
    previousYear,
    previousRank: ranks.previousRank,
    placesUp: explanation.placesUp,
    rankChange: describeRankChange(ranks),
    pointsChange: points(explanation.pointsChange),
    percentChange: orNull(explanation.indexChange),
    scoreChange: describeScoreChange(explanation.indexChange),
    maxChange: points(explanation.maxChange),
    maxEffect: orNull(explanation.maxEffect),
    fieldsHigher: movement.higher,
    fieldsLower: movement.lower,
    fields: movement.fields.map((f) => ({
      code: f.code,
      name: f.name,
      direction: f.direction,
      pointsChange: f.points === null || f.previousPoints === null ? null : points(f.points - f.previousPoints),
      rank: ranks.fieldRanks.get(f.code) ?? null,
      previousRank: ranks.previousFieldRanks.get(f.code) ?? null,
    })),
    fieldContributions: explanation.fields.map(toContribution),
    leaves: explanation.leaves.map(toContribution),
  };
}
