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

/**
 * A unit officer proposes, during self-assessment, that a leaf does not apply to the unit this
 * year (it had no such activity). It changes nothing until an appraiser confirms it; meanwhile the
 * leaf needs no self-score. `max` is the leaf's maximum (for audit).
 */
export type LeafNotApplicableProposed = {
  type: 'LeafNotApplicableProposed';
  data: Stamped & { leafCode: string; reason: string; max: Hundredths };
};
/**
 * An appraiser, during appraisal, marks a leaf not applicable (confirming a proposal, or directly):
 * the leaf leaves the unit's applicable maximum, its points are 0, and it needs no appraisal score
 * or result. `proposedBy` is the officer whose proposal this confirms (null: marked directly).
 */
export type LeafMarkedNotApplicable = {
  type: 'LeafMarkedNotApplicable';
  data: Stamped & { leafCode: string; reason: string; max: Hundredths; proposedBy: string | null };
};

/**
 * The leaf applies again: a unit officer withdraws its proposal during self-assessment, or an
 * appraiser during appraisal reverses a mark or sets a proposal aside. `wasMarked`: the leaf had
 * left the applicable maximum (it returns to it, `max`).
 */
export type LeafApplicabilityRestored = {
  type: 'LeafApplicabilityRestored';
  data: Stamped & { leafCode: string; reason: string; max: Hundredths; wasMarked: boolean };
};

/** What moving an assessment to a newer criteria-set version did to its inputs (see decide-revision.ts). */
export interface CriteriaVersionChange extends Stamped {
  fromVersion: number;
  toVersion: number;
  maxTotal: Hundredths;
  reason: string;
  fromStatus: 'self_assessment' | 'appraisal' | 'appraisal_final' | 'approved' | 'published';
  /** inputs of leaves the new version removed, or whose way of scoring changed */
  droppedLeaves: {
    leafCode: string;
    why: 'removed' | 'scoring_changed';
    selfScore: Hundredths | null;
    appraisalScore: Hundredths | null;
    rawValue: number | null;
  }[];
  /** leaves new in this version: unscored */
  addedLeaves: string[];
  /** hand scores outside the leaf's new bounds: removed (never capped), the leaf awaits the appraiser */
  flaggedLeaves: { leafCode: string; min: Hundredths; max: Hundredths; selfScore: Hundredths | null; appraisalScore: Hundredths | null }[];
  /** survey/indicator results converted again by the leaf's new rule or maximum */
  reconvertedLeaves: { leafCode: string; rawValue: number; previousPoints: Hundredths; points: Hundredths }[];
  /** undecided objections on dropped leaves, closed by the revision */
  closedObjectionIds: string[];
}
/** The assessment now follows `toVersion`; an approved or published result returns to appraisal. */
export type AssessmentCriteriaVersionChanged = { type: 'AssessmentCriteriaVersionChanged'; data: CriteriaVersionChange };

/**
 * The assessment is ranked in another group (its unit moved). Only an assessment never published
 * changes group: a published result keeps the group it was published in, even when reopened.
 */
export type AssessmentGroupChanged = {
  type: 'AssessmentGroupChanged';
  data: Stamped & { group: string; previousGroup: string; reason: string };
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
  | AssessmentReopened
  | AssessmentCriteriaVersionChanged
  | LeafNotApplicableProposed
  | LeafMarkedNotApplicable
  | LeafApplicabilityRestored
  | AssessmentGroupChanged;

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
  'AssessmentCriteriaVersionChanged',
  'LeafNotApplicableProposed',
  'LeafMarkedNotApplicable',
  'LeafApplicabilityRestored',
  'AssessmentGroupChanged',
] as const satisfies readonly AssessmentEventType[];
