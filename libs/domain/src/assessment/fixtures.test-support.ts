import type { Hundredths } from '@par-index/scoring';
import type { ResolvedCriteriaSet } from '../criteria-set/state';
import { ACTOR_BY_ROLE, NOW, sampleSet, SET_CODE } from '../shared/fixtures.test-support';
import type { AssessedUnit } from './commands';
import type {
  AppraisalFinalised,
  AppraisalScoreRecorded,
  AssessmentApproved,
  AssessmentEvent,
  AssessmentOpened,
  AssessmentPublished,
  AssessmentReopened,
  AssessmentTotals,
  IndicatorResultRecorded,
  SelfAssessmentSubmitted,
  SelfScoreRecorded,
  SurveyResultRecorded,
} from './events';

export const resolved: ResolvedCriteriaSet = { set: sampleSet(1), retired: false };
export const retiredSet: ResolvedCriteriaSet = { set: sampleSet(1), retired: true };
export const unit: AssessedUnit = { unitId: 'prov-binh-duong', level: 'province', group: 'provinces', active: true };

const stamp = (role: keyof typeof ACTOR_BY_ROLE) => ({ at: NOW, by: ACTOR_BY_ROLE[role] });

export const opened: AssessmentOpened = {
  type: 'AssessmentOpened',
  data: {
    unitId: unit.unitId,
    year: 2022,
    level: 'province',
    group: 'provinces',
    criteriaSetCode: SET_CODE,
    criteriaSetVersion: 1,
    maxTotal: 1000,
    ...stamp('admin'),
  },
};

export function selfScored(leafCode: string, score: Hundredths, previousScore: Hundredths | null = null): SelfScoreRecorded {
  return {
    type: 'SelfScoreRecorded',
    data: { leafCode, score, evidenceRefs: [`doc-${leafCode}`], note: null, previousScore, ...stamp('unit_officer') },
  };
}

export const submitted: SelfAssessmentSubmitted = {
  type: 'SelfAssessmentSubmitted',
  data: { selfScoredTotal: 220, scoredLeafCount: 3, ...stamp('unit_officer') },
};

export function appraised(
  leafCode: string,
  score: Hundredths,
  selfScore: Hundredths | null,
  reason: string | null = null,
  previousScore: Hundredths | null = null,
  correction = false,
): AppraisalScoreRecorded {
  return { type: 'AppraisalScoreRecorded', data: { leafCode, score, selfScore, previousScore, reason, correction, ...stamp('appraiser') } };
}

export const surveyRecorded: SurveyResultRecorded = {
  type: 'SurveyResultRecorded',
  data: {
    leafCode: '2.1',
    survey: 'SIPAS',
    rawValue: 75.44,
    sampleSize: 486,
    source: 'SIPAS 2022 report',
    points: 302,
    ...stamp('appraiser'),
  },
};
export const indicatorRecorded: IndicatorResultRecorded = {
  type: 'IndicatorResultRecorded',
  data: { leafCode: '2.2', indicator: 'GRDP', rawValue: 6.5, source: 'GSO 2022', points: 300, ...stamp('appraiser') },
};

export const totals: AssessmentTotals = { appraised: 200, survey: 302, indicator: 300, total: 802 };
export const finalised: AppraisalFinalised = { type: 'AppraisalFinalised', data: { totals, ...stamp('appraiser') } };
export const approved: AssessmentApproved = {
  type: 'AssessmentApproved',
  data: { decisionReference: 'QD-123/UBND', approvalRound: 1, totals, ...stamp('approver') },
};
export const published: AssessmentPublished = { type: 'AssessmentPublished', data: { approvalRound: 1, ...stamp('approver') } };
export const reopened: AssessmentReopened = {
  type: 'AssessmentReopened',
  data: { reason: 'inspection found overdue files', fromStatus: 'published', reopenCount: 1, ...stamp('approver') },
};

/** Self-scored 1.1.1 = 1.50, 1.1.2 = 1.20, deduction 2.3 = -0.50 (total 2.20), then submitted. */
export const untilSubmitted: AssessmentEvent[] = [
  opened,
  selfScored('1.1.1', 150),
  selfScored('1.1.2', 120),
  selfScored('2.3', -50),
  submitted,
];
/** Appraised 1.1.1 = 1.50 (agreed), 1.1.2 = 1.00 (corrected), SIPAS 75.44% → 3.02, GRDP 6.5 → 3.00. */
export const untilAppraised: AssessmentEvent[] = [
  ...untilSubmitted,
  appraised('1.1.1', 150, 150),
  appraised('1.1.2', 100, 120, 'plan lacked a budget'),
  surveyRecorded,
  indicatorRecorded,
];
export const untilFinal: AssessmentEvent[] = [...untilAppraised, finalised];
export const untilApproved: AssessmentEvent[] = [...untilFinal, approved];
export const untilPublished: AssessmentEvent[] = [...untilApproved, published];
