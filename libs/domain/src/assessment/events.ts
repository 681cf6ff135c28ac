import type { AssessedLevel, Hundredths } from '@par-index/scoring';

interface Stamped {
  at: string;
  by: string;
}

export type ObjectionKind = 'explanation' | 'objection';
export type ObjectionOutcome = 'upheld' | 'rejected';

/** Points at finalisation, for audit: appraised covers appraised and deduction leaves. */
export interface AssessmentTotals {
  appraised: Hundredths;
  survey: Hundredths;
  indicator: Hundredths;
  total: Hundredths;
}

export type AssessmentOpened = {
  type: 'AssessmentOpened';
  data: Stamped & {
    unitId: string;
    year: number;
    level: AssessedLevel;
    group: string;
    criteriaSetCode: string;
    criteriaSetVersion: number;
    maxTotal: Hundredths;
  };
};
/** Re-recording before submission supersedes: `previousScore` is the superseded score (null the first time). */
export type SelfScoreRecorded = {
  type: 'SelfScoreRecorded';
  data: Stamped & { leafCode: string; score: Hundredths; evidenceRefs: string[]; note: string | null; previousScore: Hundredths | null };
};
export type SelfAssessmentSubmitted = {
  type: 'SelfAssessmentSubmitted';
  data: Stamped & { selfScoredTotal: Hundredths; scoredLeafCount: number };
};
/** `reason` is set whenever the score differs from the self-score or changes an earlier appraisal score. */
export type AppraisalScoreRecorded = {
  type: 'AppraisalScoreRecorded';
  data: Stamped & {
    leafCode: string;
    score: Hundredths;
    selfScore: Hundredths | null;
    previousScore: Hundredths | null;
    reason: string | null;
    /** true when recorded after the assessment was reopened */
    correction: boolean;
  };
};
export type ObjectionFiled = {
  type: 'ObjectionFiled';
  data: Stamped & {
    objectionId: string;
    leafCode: string;
    kind: ObjectionKind;
    text: string;
    evidenceRefs: string[];
    proposedScore: Hundredths | null;
    appraisalScore: Hundredths | null;
  };
};
/** An upheld decision with `correctedScore` sets the leaf's appraisal score to it. */
export type ObjectionDecided = {
  type: 'ObjectionDecided';
  data: Stamped & {
    objectionId: string;
    leafCode: string;
    outcome: ObjectionOutcome;
    reason: string;
    correctedScore: Hundredths | null;
    previousScore: Hundredths | null;
  };
};
/** `points` is what the leaf's rule gave at recording (audit); projections may re-derive it. */
export type SurveyResultRecorded = {
  type: 'SurveyResultRecorded';
  data: Stamped & { leafCode: string; survey: string; rawValue: number; sampleSize: number; source: string; points: Hundredths };
};
export type IndicatorResultRecorded = {
  type: 'IndicatorResultRecorded';
  data: Stamped & { leafCode: string; indicator: string; rawValue: number; source: string; points: Hundredths };
};
export type AppraisalFinalised = { type: 'AppraisalFinalised'; data: Stamped & { totals: AssessmentTotals } };
export type AssessmentApproved = {
  type: 'AssessmentApproved';
  data: Stamped & { decisionReference: string; approvalRound: number; totals: AssessmentTotals };
};
export type AssessmentPublished = { type: 'AssessmentPublished'; data: Stamped & { approvalRound: number } };
export type AssessmentReopened = {
  type: 'AssessmentReopened';
  data: Stamped & { reason: string; fromStatus: 'approved' | 'published'; reopenCount: number };
};

export type AssessmentEvent =
  | AssessmentOpened
  | SelfScoreRecorded
  | SelfAssessmentSubmitted
  | AppraisalScoreRecorded
  | ObjectionFiled
  | ObjectionDecided
  | SurveyResultRecorded
  | IndicatorResultRecorded
  | AppraisalFinalised
  | AssessmentApproved
  | AssessmentPublished
  | AssessmentReopened;

export type AssessmentEventType = AssessmentEvent['type'];

export const ASSESSMENT_EVENT_TYPES = [
  'AssessmentOpened',
  'SelfScoreRecorded',
  'SelfAssessmentSubmitted',
  'AppraisalScoreRecorded',
  'ObjectionFiled',
  'ObjectionDecided',
  'SurveyResultRecorded',
  'IndicatorResultRecorded',
  'AppraisalFinalised',
  'AssessmentApproved',
  'AssessmentPublished',
  'AssessmentReopened',
] as const satisfies readonly AssessmentEventType[];
