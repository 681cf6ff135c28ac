import { ACTOR_ROLES, ASSESSMENT_COMMAND_ROLES, CRITERIA_SET_COMMAND_ROLES, UNIT_COMMAND_ROLES, type ActorRole } from '@par-index/domain';
import type { Caller } from './identity';

export interface OperationAccess {
  /** roles that may run the operation (any one of the token's roles suffices) */
  roles: readonly ActorRole[];
  /** anonymous callers may run it, and see published results only */
  anonymous?: 'published_only';
  /** a unit_officer may run it only for the units in its token */
  unitScoped?: true;
}

/** Roles that may write nothing but read everything, next to the working roles. */
const EVERY_ROLE: readonly ActorRole[] = ACTOR_ROLES;
const ALL_BUT_UNIT_OFFICER = ACTOR_ROLES.filter((role) => role !== 'unit_officer');
const assessment = (type: keyof typeof ASSESSMENT_COMMAND_ROLES): OperationAccess => ({
  roles: ASSESSMENT_COMMAND_ROLES[type],
  unitScoped: true,
});

/**
 * Who may run which GraphQL root field: the one table the access guard enforces (the README's
 * "Roles" table mirrors it). Command roles come from the domain, which checks them again in decide;
 * unit scope and separation of duties are enforced there too. A field missing here is refused.
 */
export const OPERATION_ACCESS: Readonly<Record<string, OperationAccess>> = {
  draftCriteriaSet: { roles: CRITERIA_SET_COMMAND_ROLES },
  replaceCriteriaTree: { roles: CRITERIA_SET_COMMAND_ROLES },
  publishCriteriaSet: { roles: CRITERIA_SET_COMMAND_ROLES },
  reviseCriteriaSet: { roles: CRITERIA_SET_COMMAND_ROLES },
  retireCriteriaSet: { roles: CRITERIA_SET_COMMAND_ROLES },
  registerUnit: { roles: UNIT_COMMAND_ROLES },
  renameUnit: { roles: UNIT_COMMAND_ROLES },
  moveUnitToGroup: { roles: UNIT_COMMAND_ROLES },
  mergeUnit: { roles: UNIT_COMMAND_ROLES },
  deactivateUnit: { roles: UNIT_COMMAND_ROLES },
  openAssessment: assessment('OpenAssessment'),
  recordSelfScore: assessment('RecordSelfScore'),
  submitSelfAssessment: assessment('SubmitSelfAssessment'),
  recordAppraisalScore: assessment('RecordAppraisalScore'),
  markLeafNotApplicable: assessment('MarkLeafNotApplicable'),
  markLeafApplicable: assessment('MarkLeafApplicable'),
  fileObjection: assessment('FileObjection'),
  decideObjection: assessment('DecideObjection'),
  recordSurveyResult: assessment('RecordSurveyResult'),
  recordIndicatorResult: assessment('RecordIndicatorResult'),
  finaliseAppraisal: assessment('FinaliseAppraisal'),
  approveAssessment: assessment('ApproveAssessment'),
  publishAssessment: assessment('PublishAssessment'),
  reopenAssessment: assessment('ReopenAssessment'),
  moveAssessmentToCriteriaVersion: assessment('MoveAssessmentToCriteriaVersion'),
  moveAssessmentsToCriteriaVersion: { roles: ASSESSMENT_COMMAND_ROLES.MoveAssessmentToCriteriaVersion },
  // queries: unpublished results of a unit only for its unit officers and the non-unit roles
  scorecard: { roles: EVERY_ROLE, anonymous: 'published_only', unitScoped: true },
  ranking: { roles: EVERY_ROLE, anonymous: 'published_only' },
  unitHistory: { roles: EVERY_ROLE, anonymous: 'published_only' },
  units: { roles: EVERY_ROLE, anonymous: 'published_only' },
  groups: { roles: EVERY_ROLE, anonymous: 'published_only' },
  criteriaSets: { roles: EVERY_ROLE, anonymous: 'published_only' },
  objections: { roles: EVERY_ROLE, anonymous: 'published_only', unitScoped: true },
  scorecardAsOf: { roles: EVERY_ROLE, anonymous: 'published_only', unitScoped: true },
  rankingAsOf: { roles: EVERY_ROLE, anonymous: 'published_only', unitScoped: true },
  assessmentHistory: { roles: EVERY_ROLE, unitScoped: true },
  auditTimeline: { roles: EVERY_ROLE, unitScoped: true },
  verifyAuditTrail: { roles: ALL_BUT_UNIT_OFFICER },
};

/** Whole-store verification (verifyAuditTrail without streamName) is heavier and for these roles only. */
export const WHOLE_STORE_VERIFY_ROLES: readonly ActorRole[] = ['auditor', 'admin'];

/** The role a caller acts in for an operation: its first token role the operation allows (else its first role). */
export function effectiveRole(roles: readonly ActorRole[], allowed: readonly ActorRole[]): ActorRole {
  return roles.find((role) => allowed.includes(role)) ?? roles[0]!;
}

/** Whose unpublished results a caller may read: everyone's, only some units', or none (anonymous). */
export function unpublishedScope(caller: Caller): '*' | readonly string[] {
  if (caller === null) return [];
  return caller.roles.some((role) => role !== 'unit_officer') ? '*' : caller.units;
}

/**
 * Roles that may ask for a live (unpublished) ranking (`live: true`): the roles that already read
 * every unit's unpublished results, i.e. all but unit officers, whose scope is their own units.
 */
export const LIVE_VIEW_ROLES: readonly ActorRole[] = ALL_BUT_UNIT_OFFICER;

export function mayReadLive(caller: Caller): boolean {
  return caller !== null && caller.roles.some((role) => LIVE_VIEW_ROLES.includes(role));
}

export function mayReadUnpublished(caller: Caller, unitId: string): boolean {
  const scope = unpublishedScope(caller);
  return scope === '*' || scope.includes(unitId);
}
