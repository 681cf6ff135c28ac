import { fail } from '../shared/domain-error';
import { requireNonEmptyId, requireNonEmptyText } from '../shared/guards';
import type { ChangeAssessmentGroup } from './commands';
import type { AssessmentEvent } from './events';
import { requireBoundSet, requireOpened } from './rules';
import type { AssessmentState } from './state';

/**
 * Moves an assessment to another ranking group (its unit moved). Allowed in any status until the
 * first publication; a result that has been published keeps the group it was published in, even
 * while reopened for a correction (its published rank stays comparable). The same group is a no-op.
 */
export function decideChangeGroup(command: ChangeAssessmentGroup, current: AssessmentState): AssessmentEvent[] {
  const state = requireOpened(current);
  requireBoundSet(state, command.criteriaSet);
  const group = requireNonEmptyId(command.group, 'group');
  const reason = requireNonEmptyText(command.reason, 'reason');
  if (group === state.group) return [];
  if (state.everPublished) {
    fail(
      'GROUP_FIXED_BY_PUBLICATION',
      `the ${state.year} assessment of "${state.unitId}" was published in group "${state.group}" and keeps it`,
      {
        unitId: state.unitId,
        year: state.year,
        group: state.group,
      },
    );
  }
  return [
    {
      type: 'AssessmentGroupChanged',
      data: { group, previousGroup: state.group, reason, at: command.context.now, by: command.context.actorId },
    },
  ];
}
