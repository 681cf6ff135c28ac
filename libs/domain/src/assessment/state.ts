import type { AssessedLevel, Hundredths } from '@par-index/scoring';
import type { AssessmentEvent, AssessmentTotals, ObjectionKind } from './events';
import { withCriteriaVersionChange } from './evolve-revision';

/**
 * The one vocabulary of the yearly workflow's states, used by the domain, the read models and the
 * API alike: self_assessment (opened, the unit scores itself) → appraisal (submitted, or reopened
 * for corrections) → appraisal_final → approved → published.
 */
export const ASSESSMENT_STATUSES = ['self_assessment', 'appraisal', 'appraisal_final', 'approved', 'published'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
/** The status of a result the public may read. */
export const PUBLISHED_STATUS: AssessmentStatus = 'published';

export interface SelfScore {
  score: Hundredths;
  evidenceRefs: string[];
  note: string | null;
  at: string;
  by: string;
}
export interface AppraisalScore {
  score: Hundredths;
  reason: string | null;
  /** set when the score came from the council upholding an objection */
  objectionId: string | null;
  at: string;
  by: string;
}
export interface Objection {
  objectionId: string;
  leafCode: string;
  kind: ObjectionKind;
  text: string;
  evidenceRefs: string[];
  proposedScore: Hundredths | null;
  decision: { outcome: 'upheld' | 'rejected'; reason: string; correctedScore: Hundredths | null; at: string; by: string } | null;
}
export interface SurveyResult {
  survey: string;
  rawValue: number;
  sampleSize: number;
  source: string;
  points: Hundredths;
}
export interface IndicatorResult {
  indicator: string;
  rawValue: number;
  source: string;
  points: Hundredths;
}

/** A leaf that does not apply to the unit: proposed by the unit, or confirmed (marked) by an appraiser. */
export interface NotApplicableLeaf {
  reason: string;
  confirmed: boolean;
  proposedBy: string | null;
  at: string;
  by: string;
}

export interface OpenedAssessment {
  status: AssessmentStatus;
  unitId: string;
  year: number;
  level: AssessedLevel;
  group: string;
  criteriaSetCode: string;
  criteriaSetVersion: number;
  maxTotal: Hundredths;
  // Maps, never `{}`: leaf codes and objection ids are user input ("constructor", "toString", ...).
  selfScores: ReadonlyMap<string, SelfScore>;
  appraisalScores: ReadonlyMap<string, AppraisalScore>;
  objections: ReadonlyMap<string, Objection>;
  surveyResults: ReadonlyMap<string, SurveyResult>;
  indicatorResults: ReadonlyMap<string, IndicatorResult>;
  notApplicable: ReadonlyMap<string, NotApplicableLeaf>;
  /** totals of the last finalisation; cleared on reopen */
  finalTotals: AssessmentTotals | null;
  /** the approval in force (null before approval and after a reopen) */
  approval: { decisionReference: string; approvalRound: number; at: string; by: string } | null;
  approvalRounds: number;
  /** actors who set appraisal scores or finalised the appraisal (in any round): none of them may approve */
  appraisedBy: readonly string[];
  reopenCount: number;
  lastReopenReason: string | null;
  /** set by the first publication and kept through reopens: the group is then fixed */
  everPublished: boolean;
}

export type AssessmentState = { status: 'not_opened' } | OpenedAssessment;

function withEntry<V>(map: ReadonlyMap<string, V>, key: string, value: V): ReadonlyMap<string, V> {
  return new Map(map).set(key, value);
}

export function initialAssessmentState(): AssessmentState {
  return { status: 'not_opened' };
}

export function evolveAssessment(state: AssessmentState, event: AssessmentEvent): AssessmentState {
  if (event.type === 'AssessmentOpened') {
    const { unitId, year, level, group, criteriaSetCode, criteriaSetVersion, maxTotal } = event.data;
    return {
      status: 'self_assessment',
      unitId,
      year,
      level,
      group,
      criteriaSetCode,
      criteriaSetVersion,
      maxTotal,
      selfScores: new Map(),
      appraisalScores: new Map(),
      objections: new Map(),
      surveyResults: new Map(),
      indicatorResults: new Map(),
      notApplicable: new Map(),
      finalTotals: null,
      approval: null,
      approvalRounds: 0,
      appraisedBy: [],
      reopenCount: 0,
      lastReopenReason: null,
      everPublished: false,
    };
  }
  if (state.status === 'not_opened') return state;
  const { at, by } = event.data;
  switch (event.type) {
    case 'SelfScoreRecorded': {
      const { leafCode, score, evidenceRefs, note } = event.data;
      return { ...state, selfScores: withEntry(state.selfScores, leafCode, { score, evidenceRefs, note, at, by }) };
    }
    case 'SelfAssessmentSubmitted':
      return { ...state, status: 'appraisal' };
    case 'AppraisalScoreRecorded': {
      const { leafCode, score, reason } = event.data;
      return {
        ...state,
        appraisalScores: withEntry(state.appraisalScores, leafCode, { score, reason, objectionId: null, at, by }),
        appraisedBy: withActor(state.appraisedBy, by),
      };
    }
    case 'ObjectionFiled': {
      const { objectionId, leafCode, kind, text, evidenceRefs, proposedScore } = event.data;
      return {
        ...state,
        objections: withEntry(state.objections, objectionId, {
          objectionId,
          leafCode,
          kind,
          text,
          evidenceRefs,
          proposedScore,
          decision: null,
        }),
      };
    }
    case 'ObjectionDecided': {
      const { objectionId, leafCode, outcome, reason, correctedScore } = event.data;
      const objection = state.objections.get(objectionId);
      const objections = objection
        ? withEntry(state.objections, objectionId, { ...objection, decision: { outcome, reason, correctedScore, at, by } })
        : state.objections;
      const appraisalScores =
        correctedScore === null
          ? state.appraisalScores
          : withEntry(state.appraisalScores, leafCode, { score: correctedScore, reason, objectionId, at, by });
      return {
        ...state,
        objections,
        appraisalScores,
        appraisedBy: correctedScore === null ? state.appraisedBy : withActor(state.appraisedBy, by),
      };
    }
    case 'SurveyResultRecorded': {
      const { leafCode, survey, rawValue, sampleSize, source, points } = event.data;
      return { ...state, surveyResults: withEntry(state.surveyResults, leafCode, { survey, rawValue, sampleSize, source, points }) };
    }
    case 'IndicatorResultRecorded': {
      const { leafCode, indicator, rawValue, source, points } = event.data;
      return { ...state, indicatorResults: withEntry(state.indicatorResults, leafCode, { indicator, rawValue, source, points }) };
    }
    case 'AppraisalFinalised':
      return { ...state, status: 'appraisal_final', finalTotals: event.data.totals, appraisedBy: withActor(state.appraisedBy, by) };
    case 'AssessmentApproved': {
      const { decisionReference, approvalRound } = event.data;
      return { ...state, status: 'approved', approval: { decisionReference, approvalRound, at, by }, approvalRounds: approvalRound };
    }
    case 'AssessmentPublished':
      return { ...state, status: 'published', everPublished: true };
    case 'AssessmentReopened':
      return {
        ...state,
        status: 'appraisal',
        approval: null,
        finalTotals: null,
        reopenCount: event.data.reopenCount,
        lastReopenReason: event.data.reason,
      };
    case 'AssessmentCriteriaVersionChanged':
      return withCriteriaVersionChange(state, event.data);
    case 'LeafNotApplicableProposed': {
      const { leafCode, reason } = event.data;
      return { ...state, notApplicable: withEntry(state.notApplicable, leafCode, { reason, confirmed: false, proposedBy: by, at, by }) };
    }
    case 'LeafApplicabilityRestored': {
      const notApplicable = new Map(state.notApplicable);
      notApplicable.delete(event.data.leafCode);
      return { ...state, notApplicable, appraisedBy: event.data.wasMarked ? withActor(state.appraisedBy, by) : state.appraisedBy };
    }
    case 'LeafMarkedNotApplicable': {
      const { leafCode, reason, proposedBy } = event.data;
      return {
        ...state,
        notApplicable: withEntry(state.notApplicable, leafCode, { reason, confirmed: true, proposedBy, at, by }),
        appraisedBy: withActor(state.appraisedBy, by),
      };
    }
    case 'AssessmentGroupChanged':
      return { ...state, group: event.data.group };
    default: {
      const _exhaustive: never = event;
      throw new Error(`unknown assessment event ${JSON.stringify(_exhaustive)}`);
    }
  }
}

function withActor(actors: readonly string[], actorId: string): readonly string[] {
  return actors.includes(actorId) ? actors : [...actors, actorId];
}

/** Which criteria set version the handler must resolve for this assessment's commands. */
export function boundCriteriaSet(state: AssessmentState): { code: string; version: number } | undefined {
  return state.status === 'not_opened' ? undefined : { code: state.criteriaSetCode, version: state.criteriaSetVersion };
}
