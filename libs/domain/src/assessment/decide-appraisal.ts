import { formatPoints } from '@par-index/scoring';
import { fail } from '../shared/domain-error';
import { optionalText, requireNonEmptyId, requireNonEmptyText, requireOneOf, requireStringList } from '../shared/guards';
import { sameValue } from '../shared/same-value';
import type { DecideObjection, FileObjection, RecordAppraisalScore } from './commands';
import { requireLeafApplicable } from './decide-not-applicable';
import type { AssessmentEvent } from './events';
import {
  requireAppraisalInProgress,
  requireBoundSet,
  requireLeaf,
  requireOpened,
  requireScoreWithinBounds,
  requireScoredByHand,
} from './rules';
import type { AssessmentState } from './state';

/**
 * A reason is mandatory when the appraisal score differs from the unit's self-score (an unscored
 * deduction leaf counts as 0) or changes an appraisal score already recorded. Recording the
 * current score with the current reason again is a no-op.
 */
export function decideRecordAppraisal(command: RecordAppraisalScore, current: AssessmentState): AssessmentEvent[] {
  const state = requireAppraisalInProgress(requireOpened(current));
  const set = requireBoundSet(state, command.criteriaSet);
  const leaf = requireScoredByHand(requireLeaf(set, command.leafCode));
  requireLeafApplicable(state, leaf.code);
  const score = requireScoreWithinBounds(leaf, command.score, 'score');
  const reason = optionalText(command.reason, 'reason');
  const selfScore = state.selfScores.get(leaf.code)?.score ?? null;
  const previous = state.appraisalScores.get(leaf.code) ?? null;
  if (previous && previous.score === score && previous.reason === reason) return [];
  const differsFromSelf = score !== (selfScore ?? 0);
  const changesAppraisal = previous !== null && previous.score !== score;
  if (reason === null && (differsFromSelf || changesAppraisal)) {
    const differsFrom = changesAppraisal
      ? `the earlier appraisal ${formatPoints(previous!.score)}`
      : `the self-score ${formatPoints(selfScore ?? 0)}`;
    fail(
      'APPRAISAL_REASON_REQUIRED',
      `appraising "${leaf.code}" at ${formatPoints(score)} points needs a reason: it differs from ${differsFrom}`,
      { leafCode: leaf.code, score, selfScore, previousScore: previous?.score ?? null },
    );
  }
  return [
    {
      type: 'AppraisalScoreRecorded',
      data: {
        leafCode: leaf.code,
        score,
        selfScore,
        previousScore: previous?.score ?? null,
        reason,
        correction: state.reopenCount > 0,
        at: command.context.now,
        by: command.context.actorId,
      },
    },
  ];
}

/**
 * The unit explains itself or objects on a leaf during appraisal; an objection needs an appraisal
 * score to object to. Replaying the same objection id with the same content is a no-op.
 */
export function decideFileObjection(command: FileObjection, current: AssessmentState): AssessmentEvent[] {
  const state = requireAppraisalInProgress(requireOpened(current));
  const set = requireBoundSet(state, command.criteriaSet);
  const objectionId = requireNonEmptyId(command.objectionId, 'objectionId');
  const leaf = requireLeaf(set, command.leafCode);
  const kind = requireOneOf(command.kind, ['explanation', 'objection'] as const, 'kind');
  const text = requireNonEmptyText(command.text, 'text');
  const evidenceRefs = [...requireStringList(command.evidenceRefs, 'evidenceRefs')];
  const proposedScore =
    command.proposedScore === null || command.proposedScore === undefined
      ? null
      : requireScoreWithinBounds(leaf, command.proposedScore, 'proposedScore');
  const existing = state.objections.get(objectionId);
  if (existing) {
    const same =
      existing.leafCode === leaf.code &&
      existing.kind === kind &&
      existing.text === text &&
      existing.proposedScore === proposedScore &&
      sameValue(existing.evidenceRefs, evidenceRefs);
    if (same) return [];
    fail('OBJECTION_ID_TAKEN', `objection "${objectionId}" already exists`, { objectionId });
  }
  const appraisalScore = state.appraisalScores.get(leaf.code)?.score ?? null;
  if (kind === 'objection' && appraisalScore === null) {
    fail('NO_APPRAISAL_TO_OBJECT', `leaf "${leaf.code}" has no appraisal score to object to`, { leafCode: leaf.code });
  }
  return [
    {
      type: 'ObjectionFiled',
      data: {
        objectionId,
        leafCode: leaf.code,
        kind,
        text,
        evidenceRefs,
        proposedScore,
        appraisalScore,
        at: command.context.now,
        by: command.context.actorId,
      },
    },
  ];
}

/**
 * The council decides; upholding may set a corrected appraisal score (within the leaf's bounds),
 * rejecting may not. Deciding an objection again the same way is a no-op.
 */
export function decideObjection(command: DecideObjection, current: AssessmentState): AssessmentEvent[] {
  const state = requireAppraisalInProgress(requireOpened(current));
  const set = requireBoundSet(state, command.criteriaSet);
  const objectionId = requireNonEmptyId(command.objectionId, 'objectionId');
  const objection = state.objections.get(objectionId);
  if (!objection) fail('OBJECTION_NOT_FOUND', `no objection "${objectionId}"`, { objectionId });
  const outcome = requireOneOf(command.outcome, ['upheld', 'rejected'] as const, 'outcome');
  const reason = requireNonEmptyText(command.reason, 'reason');
  const hasCorrection = command.correctedScore !== null && command.correctedScore !== undefined;
  if (outcome === 'rejected' && hasCorrection)
    fail('VALIDATION_FAILED', 'a rejected objection cannot correct the score', { field: 'correctedScore' });
  const leaf = requireLeaf(set, objection.leafCode);
  if (hasCorrection) requireLeafApplicable(state, leaf.code);
  const correctedScore = hasCorrection
    ? requireScoreWithinBounds(requireScoredByHand(leaf), command.correctedScore, 'correctedScore')
    : null;
  if (objection.decision) {
    const d = objection.decision;
    if (d.outcome === outcome && d.reason === reason && d.correctedScore === correctedScore) return [];
    fail('OBJECTION_ALREADY_DECIDED', `objection "${objectionId}" was already ${d.outcome}`, { objectionId, outcome: d.outcome });
  }
  return [
    {
      type: 'ObjectionDecided',
      data: {
        objectionId,
        leafCode: objection.leafCode,
        outcome,
        reason,
        correctedScore,
        previousScore: state.appraisalScores.get(objection.leafCode)?.score ?? null,
        at: command.context.now,
        by: command.context.actorId,
      },
    },
  ];
}
