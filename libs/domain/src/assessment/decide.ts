import { requireRole, requireUnitInScope, type ActorRole } from '../shared/command-context';
import { fail } from '../shared/domain-error';
import { requireNonEmptyId, requireYear } from '../shared/guards';
import type { AssessmentCommand, AssessmentCommandType, OpenAssessment } from './commands';
import { decideApprove, decidePublish, decideReopen } from './decide-approval';
import { decideFileObjection, decideObjection, decideRecordAppraisal } from './decide-appraisal';
import { decideChangeGroup } from './decide-group';
import { decideFinalise, decideRecordIndicator, decideRecordSurvey } from './decide-results';
import { decideMarkApplicable, decideMarkNotApplicable } from './decide-not-applicable';
import { decideMoveToCriteriaVersion } from './decide-revision';
import { decideRecordSelfScore, decideSubmit } from './decide-self-assessment';
import type { AssessmentEvent } from './events';
import { requireResolvedSet } from './rules';
import type { AssessmentState } from './state';

/** Who may issue each command (checked first, before any state rule). */
export const ASSESSMENT_COMMAND_ROLES: Record<AssessmentCommandType, readonly ActorRole[]> = {
  OpenAssessment: ['admin', 'appraiser'],
  RecordSelfScore: ['unit_officer'],
  SubmitSelfAssessment: ['unit_officer'],
  RecordAppraisalScore: ['appraiser'],
  FileObjection: ['unit_officer'],
  DecideObjection: ['council'],
  RecordSurveyResult: ['appraiser', 'admin'],
  RecordIndicatorResult: ['appraiser', 'admin'],
  FinaliseAppraisal: ['appraiser'],
  ApproveAssessment: ['approver'],
  PublishAssessment: ['approver', 'admin'],
  ReopenAssessment: ['approver', 'admin'],
  MoveAssessmentToCriteriaVersion: ['admin'],
  MarkLeafNotApplicable: ['unit_officer', 'appraiser'],
  MarkLeafApplicable: ['unit_officer', 'appraiser'],
  ChangeAssessmentGroup: ['admin'],
};

export function decideAssessment(command: AssessmentCommand, state: AssessmentState): AssessmentEvent[] {
  const allowedRoles = ASSESSMENT_COMMAND_ROLES[command.type];
  if (!allowedRoles) fail('VALIDATION_FAILED', `unknown assessment command ${String(command.type)}`, { field: 'type' });
  requireRole(command.context, allowedRoles, `issue ${command.type}`);
  const unitId = command.type === 'OpenAssessment' ? command.unitId : state.status === 'not_opened' ? null : state.unitId;
  if (unitId !== null) requireUnitInScope(command.context, unitId);
  switch (command.type) {
    case 'OpenAssessment':
      return decideOpen(command, state);
    case 'RecordSelfScore':
      return decideRecordSelfScore(command, state);
    case 'SubmitSelfAssessment':
      return decideSubmit(command, state);
    case 'RecordAppraisalScore':
      return decideRecordAppraisal(command, state);
    case 'FileObjection':
      return decideFileObjection(command, state);
    case 'DecideObjection':
      return decideObjection(command, state);
    case 'RecordSurveyResult':
      return decideRecordSurvey(command, state);
    case 'RecordIndicatorResult':
      return decideRecordIndicator(command, state);
    case 'FinaliseAppraisal':
      return decideFinalise(command, state);
    case 'ApproveAssessment':
      return decideApprove(command, state);
    case 'PublishAssessment':
      return decidePublish(command, state);
    case 'ReopenAssessment':
      return decideReopen(command, state);
    case 'MoveAssessmentToCriteriaVersion':
      return decideMoveToCriteriaVersion(command, state);
    case 'MarkLeafNotApplicable':
      return decideMarkNotApplicable(command, state);
    case 'MarkLeafApplicable':
      return decideMarkApplicable(command, state);
    case 'ChangeAssessmentGroup':
      return decideChangeGroup(command, state);
    default: {
      const _exhaustive: never = command;
      return fail('VALIDATION_FAILED', `unknown assessment command ${(_exhaustive as { type: string }).type}`);
    }
  }
}

/** Re-opening the same unit/year against the same set version is a no-op; anything else conflicts. */
function decideOpen(command: OpenAssessment, state: AssessmentState): AssessmentEvent[] {
  const unitId = requireNonEmptyId(command.unitId, 'unitId');
  const year = requireYear(command.year, 'year');
  const set = requireResolvedSet(command.criteriaSet);
  if (state.status !== 'not_opened') {
    const same =
      state.unitId === unitId && state.year === year && state.criteriaSetCode === set.code && state.criteriaSetVersion === set.version;
    if (same) return [];
    fail('ASSESSMENT_ALREADY_OPEN', `the ${state.year} assessment of "${state.unitId}" is already open`, {
      unitId: state.unitId,
      year: state.year,
    });
  }
  const unit = command.unit;
  if (unit === null || unit === undefined) fail('UNIT_NOT_REGISTERED', `unit "${unitId}" is not registered`, { unitId });
  if (unit.unitId !== unitId) fail('VALIDATION_FAILED', 'unit.unitId must equal unitId', { field: 'unit.unitId', value: unit.unitId });
  if (!unit.active) fail('UNIT_INACTIVE', `unit "${unitId}" is not active`, { unitId });
  if (unit.level !== set.level)
    fail('LEVEL_MISMATCH', `a ${unit.level} cannot be assessed against a ${set.level} set`, { unitLevel: unit.level, setLevel: set.level });
  if (set.year !== year) fail('YEAR_MISMATCH', `criteria set "${set.code}" is for ${set.year}, not ${year}`, { setYear: set.year, year });
  return [
    {
      type: 'AssessmentOpened',
      data: {
        unitId,
        year,
        level: unit.level,
        group: unit.group,
        criteriaSetCode: set.code,
        criteriaSetVersion: set.version,
        maxTotal: set.maxTotal,
        at: command.context.now,
        by: command.context.actorId,
      },
    },
  ];
}
