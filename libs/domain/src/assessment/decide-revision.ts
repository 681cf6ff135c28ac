import { convertRawValue, diffCriteriaSets, findLeaf, leafBounds, type CriteriaSet, type LeafCriterion } from '@par-index/scoring';
import { fail } from '../shared/domain-error';
import { requireNonEmptyText } from '../shared/guards';
import type { MoveAssessmentToCriteriaVersion } from './commands';
import type { AssessmentEvent, CriteriaVersionChange } from './events';
import { requireBoundSet, requireOpened, requireResolvedSet } from './rules';
import type { AssessmentState, OpenedAssessment } from './state';

const handScored = (leaf: LeafCriterion) => leaf.scoring.kind === 'appraised' || leaf.scoring.kind === 'deduction';

/**
 * Moves an assessment to a newer version of its criteria set, by libs/scoring's diff: scores of
 * unchanged leaves carry over; removed leaves (and leaves whose way of scoring changed) lose their
 * inputs, recorded with the revision's reason; new leaves start unscored; a hand score outside a
 * leaf's new bounds is removed and flagged for the appraiser, never capped; survey and indicator
 * results are converted again by the new rule. An approved or published result returns to
 * appraisal (the revision reopens it). Moving to the version already bound is a no-op.
 */
export function decideMoveToCriteriaVersion(command: MoveAssessmentToCriteriaVersion, current: AssessmentState): AssessmentEvent[] {
  const state = requireOpened(current);
  const bound = requireBoundSet(state, command.criteriaSet);
  const target = requireResolvedSet(command.targetCriteriaSet);
  const reason = requireNonEmptyText(command.reason, 'reason');
  if (target.code !== bound.code) {
    fail('CRITERIA_SET_MISMATCH', `the assessment uses ${bound.code}, not ${target.code}`, { expected: bound.code, actual: target.code });
  }
  if (target.version === bound.version) return [];
  if (target.version < bound.version) {
    fail('CRITERIA_VERSION_NOT_NEWER', `the assessment is on v${bound.version}; v${target.version} is older`, {
      bound: bound.version,
      target: target.version,
    });
  }
  const change = planChange(state, bound, target);
  return [
    {
      type: 'AssessmentCriteriaVersionChanged',
      data: {
        fromVersion: bound.version,
        toVersion: target.version,
        maxTotal: target.maxTotal,
        reason,
        fromStatus: state.status,
        ...change,
        at: command.context.now,
        by: command.context.actorId,
      },
    },
  ];
}

type Plan = Omit<CriteriaVersionChange, 'fromVersion' | 'toVersion' | 'maxTotal' | 'reason' | 'fromStatus' | 'at' | 'by'>;

function planChange(state: OpenedAssessment, bound: CriteriaSet, target: CriteriaSet): Plan {
  const diff = diffCriteriaSets(bound, target);
  const plan: Plan = { droppedLeaves: [], addedLeaves: [], flaggedLeaves: [], reconvertedLeaves: [], closedObjectionIds: [] };
  const inputsOf = (code: string) => ({
    selfScore: state.selfScores.get(code)?.score ?? null,
    appraisalScore: state.appraisalScores.get(code)?.score ?? null,
    rawValue: state.surveyResults.get(code)?.rawValue ?? state.indicatorResults.get(code)?.rawValue ?? null,
  });
  const hasInputs = (inputs: ReturnType<typeof inputsOf>) =>
    inputs.selfScore !== null || inputs.appraisalScore !== null || inputs.rawValue !== null;
  const dropped = new Set<string>();
  for (const removed of diff.removed) {
    if (removed.node.type !== 'leaf') continue;
    dropped.add(removed.code);
    const inputs = inputsOf(removed.code);
    if (hasInputs(inputs)) plan.droppedLeaves.push({ leafCode: removed.code, why: 'removed', ...inputs });
  }
  for (const added of diff.added) if (added.node.type === 'leaf') plan.addedLeaves.push(added.code);
  for (const changed of diff.changed) {
    const before = findLeaf(bound, changed.code);
    const after = findLeaf(target, changed.code);
    if (!before || !after || (!changed.max && !changed.scoring)) continue;
    const inputs = inputsOf(after.code);
    if (handScored(before) !== handScored(after) || (changed.scoring && changed.scoring.from.kind !== changed.scoring.to.kind)) {
      dropped.add(after.code);
      if (hasInputs(inputs)) plan.droppedLeaves.push({ leafCode: after.code, why: 'scoring_changed', ...inputs });
    } else if (handScored(after)) {
      const { min, max } = leafBounds(after);
      const outside = (score: number | null) => score !== null && (score > max || score < min);
      if (outside(inputs.selfScore) || outside(inputs.appraisalScore)) {
        plan.flaggedLeaves.push({ leafCode: after.code, min, max, selfScore: inputs.selfScore, appraisalScore: inputs.appraisalScore });
      }
    } else if (inputs.rawValue !== null) {
      const previousPoints = state.surveyResults.get(after.code)?.points ?? state.indicatorResults.get(after.code)?.points ?? 0;
      plan.reconvertedLeaves.push({
        leafCode: after.code,
        rawValue: inputs.rawValue,
        previousPoints,
        points: convertRawValue(after, inputs.rawValue),
      });
    }
  }
  for (const objection of state.objections.values()) {
    if (objection.decision === null && dropped.has(objection.leafCode)) plan.closedObjectionIds.push(objection.objectionId);
  }
  return plan;
}
