import type { AssessedLevel, Hundredths } from '@par-index/scoring';
import type { ResolvedCriteriaSet } from '../criteria-set/state';
import type { CommandContext } from '../shared/command-context';
import type { ObjectionKind, ObjectionOutcome } from './events';

/** The unit as the command handler found it in its stream (see `toAssessedUnit`); null: not registered. */
export interface AssessedUnit {
  unitId: string;
  level: AssessedLevel;
  group: string;
  active: boolean;
}

/**
 * Every assessment command carries the criteria set version the assessment is bound to (for
 * OpenAssessment: the version to bind), resolved by the handler from the criteria-set stream with
 * `resolveCriteriaSet`. decide checks it is the bound version and not retired.
 */
interface Base {
  context: CommandContext;
  criteriaSet: ResolvedCriteriaSet;
}

export type OpenAssessment = Base & { type: 'OpenAssessment'; unitId: string; year: number; unit: AssessedUnit | null };
export type RecordSelfScore = Base & {
  type: 'RecordSelfScore';
  leafCode: string;
  score: Hundredths;
  evidenceRefs: string[];
  note: string | null;
};
export type SubmitSelfAssessment = Base & { type: 'SubmitSelfAssessment' };
export type RecordAppraisalScore = Base & { type: 'RecordAppraisalScore'; leafCode: string; score: Hundredths; reason: string | null };
export type FileObjection = Base & {
  type: 'FileObjection';
  objectionId: string;
  leafCode: string;
  kind: ObjectionKind;
  text: string;
  evidenceRefs: string[];
  proposedScore: Hundredths | null;
};
export type DecideObjection = Base & {
  type: 'DecideObjection';
  objectionId: string;
  outcome: ObjectionOutcome;
  reason: string;
  /** only with 'upheld': the leaf's new appraisal score (null: upheld without a score change) */
  correctedScore: Hundredths | null;
};
export type RecordSurveyResult = Base & {
  type: 'RecordSurveyResult';
  leafCode: string;
  rawValue: number;
  sampleSize: number;
  source: string;
};
export type RecordIndicatorResult = Base & { type: 'RecordIndicatorResult'; leafCode: string; rawValue: number; source: string };
export type FinaliseAppraisal = Base & { type: 'FinaliseAppraisal' };
export type ApproveAssessment = Base & { type: 'ApproveAssessment'; decisionReference: string };
export type PublishAssessment = Base & { type: 'PublishAssessment' };
export type ReopenAssessment = Base & { type: 'ReopenAssessment'; reason: string };

/** unit_officer during self-assessment: proposes; appraiser during appraisal: marks (confirms). */
export type MarkLeafNotApplicable = Base & { type: 'MarkLeafNotApplicable'; leafCode: string; reason: string };
/** unit_officer during self-assessment: withdraws its proposal; appraiser during appraisal: reverses a mark or a proposal. */
export type MarkLeafApplicable = Base & { type: 'MarkLeafApplicable'; leafCode: string; reason: string };

/** `criteriaSet` is the bound version (may be retired); `targetCriteriaSet` the version to move to. */
export type MoveAssessmentToCriteriaVersion = Base & {
  type: 'MoveAssessmentToCriteriaVersion';
  targetCriteriaSet: ResolvedCriteriaSet;
  reason: string;
};

/** The assessment follows its unit into another ranking group (refused once it has been published). */
export type ChangeAssessmentGroup = Base & { type: 'ChangeAssessmentGroup'; group: string; reason: string };

export type AssessmentCommand =
  | OpenAssessment
  | RecordSelfScore
  | SubmitSelfAssessment
  | RecordAppraisalScore
  | FileObjection
  | DecideObjection
  | RecordSurveyResult
  | RecordIndicatorResult
  | FinaliseAppraisal
  | ApproveAssessment
  | PublishAssessment
  | ReopenAssessment
  | MoveAssessmentToCriteriaVersion
  | MarkLeafNotApplicable
  | MarkLeafApplicable
  | ChangeAssessmentGroup;

export type AssessmentCommandType = AssessmentCommand['type'];
