import { fail } from '../shared/domain-error';
import { requireNonEmptyText, TEXT_LIMITS } from '../shared/guards';
import type { ApproveAssessment, PublishAssessment, ReopenAssessment } from './commands';
import type { AssessmentEvent } from './events';
import { requireBoundSet, requireOpened } from './rules';
import type { AssessmentState } from './state';

/**
 * Separation of duties: whoever set an appraisal score or finalised the appraisal cannot approve.
 * Approving again with the decision reference in force is a no-op; another reference conflicts.
 */
export function decideApprove(command: ApproveAssessment, current: AssessmentState): AssessmentEvent[] {
  const state = requireOpened(current);
  requireBoundSet(state, command.criteriaSet);
  if (state.appraisedBy.includes(command.context.actorId)) {
    fail('SEPARATION_OF_DUTIES', `${command.context.actorId} appraised this assessment and may not approve it`, {
      actorId: command.context.actorId,
    });
  }
  const decisionReference = requireNonEmptyText(command.decisionReference, 'decisionReference', TEXT_LIMITS.reference);
  if (state.status === 'approved' || state.status === 'published') {
    if (state.approval?.decisionReference === decisionReference) return [];
    fail('ASSESSMENT_ALREADY_APPROVED', `already approved by decision ${state.approval?.decisionReference}`, {
      decisionReference: state.approval?.decisionReference,
    });
  }
  if (state.status !== 'appraisal_final' || state.finalTotals === null) {
    fail('APPRAISAL_NOT_FINAL', `the appraisal is not final (${state.status})`, { status: state.status });
  }
  return [
    {
      type: 'AssessmentApproved',
      data: {
        decisionReference,
        approvalRound: state.approvalRounds + 1,
        totals: state.finalTotals,
        at: command.context.now,
        by: command.context.actorId,
      },
    },
  ];
}

/** Publishing a published assessment is a no-op. */
export function decidePublish(command: PublishAssessment, current: AssessmentState): AssessmentEvent[] {
  const state = requireOpened(current);
  requireBoundSet(state, command.criteriaSet);
  if (state.status === 'published') return [];
  if (state.status !== 'approved' || state.approval === null)
    fail('ASSESSMENT_NOT_APPROVED', `only an approved assessment can be published (${state.status})`, { status: state.status });
  return [
    {
      type: 'AssessmentPublished',
      data: { approvalRound: state.approval.approvalRound, at: command.context.now, by: command.context.actorId },
    },
  ];
}

/**
 * Reopening an approved or published result returns it to appraisal (corrections, finalise,
 * approve again). Replaying the same reopen while still reopened is a no-op.
 */
export function decideReopen(command: ReopenAssessment, current: AssessmentState): AssessmentEvent[] {
  const state = requireOpened(current);
  requireBoundSet(state, command.criteriaSet);
  const reason = requireNonEmptyText(command.reason, 'reason');
  if (state.status !== 'approved' && state.status !== 'published') {
    if (state.status === 'appraisal' && state.reopenCount > 0 && state.lastReopenReason === reason) return [];
    fail('ASSESSMENT_NOT_APPROVED', `only an approved or published assessment can be reopened (${state.status})`, { status: state.status });
  }
  return [
    {
      type: 'AssessmentReopened',
      data: { reason, fromStatus: state.status, reopenCount: state.reopenCount + 1, at: command.context.now, by: command.context.actorId },
    },
  ];
}
