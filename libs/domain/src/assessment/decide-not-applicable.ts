import type { LeafCriterion } from '@par-index/scoring';
import { fail } from '../shared/domain-error';
import { requireNonEmptyText } from '../shared/guards';
import type { MarkLeafApplicable, MarkLeafNotApplicable } from './commands';
import type { AssessmentEvent } from './events';
import { requireAppraisalInProgress, requireBoundSet, requireLeaf, requireOpened } from './rules';
import type { AssessmentState, OpenedAssessment } from './state';

/**
 * A leaf that does not apply to the unit this year leaves its applicable maximum. The unit officer
 * proposes it during self-assessment (the leaf then needs no self-score); an appraiser marks it
 * during appraisal, confirming a proposal or on the council's own finding. Only the mark changes
 * the score: the index becomes points ÷ the maximum of the leaves that apply. Deduction leaves
 * (maximum 0) cannot be marked. Marking or proposing a leaf again is a no-op.
 */
export function decideMarkNotApplicable(command: MarkLeafNotApplicable, current: AssessmentState): AssessmentEvent[] {
  const opened = requireOpened(current);
  const set = requireBoundSet(opened, command.criteriaSet);
  const leaf = requireApplicableKind(requireLeaf(set, command.leafCode));
  const reason = requireNonEmptyText(command.reason, 'reason');
  const existing = opened.notApplicable.get(leaf.code);
  const stamp = { at: command.context.now, by: command.context.actorId };
  if (command.context.actorRole === 'unit_officer') {
    if (opened.status !== 'self_assessment') {
      fail(
        'SELF_SCORING_CLOSED',
        `a unit proposes a leaf not applicable during its self-assessment; now ${opened.status}: ask the appraiser`,
        { status: opened.status },
      );
    }
    if (existing) return [];
    return [{ type: 'LeafNotApplicableProposed', data: { leafCode: leaf.code, reason, max: leaf.max, ...stamp } }];
  }
  requireAppraisalInProgress(opened);
  if (existing?.confirmed) return [];
  const proposedBy = existing ? existing.by : null;
  return [{ type: 'LeafMarkedNotApplicable', data: { leafCode: leaf.code, reason, max: leaf.max, proposedBy, ...stamp } }];
}

/**
 * Undoes the above: the unit officer withdraws its own proposal during self-assessment; an
 * appraiser during appraisal reverses a mark (the leaf returns to the applicable maximum and needs
 * its appraisal score again) or sets a proposal aside. A leaf that applies already is a no-op.
 */
export function decideMarkApplicable(command: MarkLeafApplicable, current: AssessmentState): AssessmentEvent[] {
  const opened = requireOpened(current);
  const set = requireBoundSet(opened, command.criteriaSet);
  const leaf = requireLeaf(set, command.leafCode);
  const reason = requireNonEmptyText(command.reason, 'reason');
  if (command.context.actorRole === 'unit_officer') {
    if (opened.status !== 'self_assessment') {
      fail('SELF_SCORING_CLOSED', `a unit withdraws its proposal during its self-assessment; now ${opened.status}: ask the appraiser`, {
        status: opened.status,
      });
    }
  } else {
    requireAppraisalInProgress(opened);
  }
  const existing = opened.notApplicable.get(leaf.code);
  if (!existing) return [];
  return [
    {
      type: 'LeafApplicabilityRestored',
      data: {
        leafCode: leaf.code,
        reason,
        max: leaf.max,
        wasMarked: existing.confirmed,
        at: command.context.now,
        by: command.context.actorId,
      },
    },
  ];
}

function requireApplicableKind(leaf: LeafCriterion): LeafCriterion {
  if (leaf.scoring.kind === 'deduction') {
    fail('LEAF_KIND_MISMATCH', `deduction leaf "${leaf.code}" has no maximum to leave out`, {
      leafCode: leaf.code,
      kind: leaf.scoring.kind,
    });
  }
  return leaf;
}

/** Scores and results go to leaves that apply: an appraiser's mark closes the leaf to them. */
export function requireLeafApplicable(state: OpenedAssessment, leafCode: string): void {
  if (state.notApplicable.get(leafCode)?.confirmed) {
    fail('LEAF_NOT_APPLICABLE', `leaf "${leafCode}" was marked not applicable to the unit`, {
      leafCode,
      reason: state.notApplicable.get(leafCode)!.reason,
    });
  }
}
