import type { CriteriaVersionChange } from './events';
import type { AssessmentStatus, OpenedAssessment } from './state';

const without = <T>(keyed: ReadonlyMap<string, T>, codes: ReadonlySet<string>): Map<string, T> =>
  new Map([...keyed].filter(([code]) => !codes.has(code)));

function withPoints<T extends { points: number }>(keyed: ReadonlyMap<string, T>, points: ReadonlyMap<string, number>): Map<string, T> {
  return new Map([...keyed].map(([code, value]) => [code, points.has(code) ? { ...value, points: points.get(code)! } : value]));
}

/** A criteria-version change returns a final, approved or published result to appraisal; earlier states stay. */
export function statusAfterCriteriaVersionChange(fromStatus: AssessmentStatus): AssessmentStatus {
  return fromStatus === 'appraisal_final' || fromStatus === 'approved' || fromStatus === 'published' ? 'appraisal' : fromStatus;
}

/** Applies AssessmentCriteriaVersionChanged: the assessment follows the new version's tree. */
export function withCriteriaVersionChange(state: OpenedAssessment, change: CriteriaVersionChange): OpenedAssessment {
  const dropped = new Set(change.droppedLeaves.map((leaf) => leaf.leafCode));
  const flagged = new Set(change.flaggedLeaves.map((leaf) => leaf.leafCode));
  const cleared = new Set([...dropped, ...flagged]);
  const reconverted = new Map(change.reconvertedLeaves.map((leaf) => [leaf.leafCode, leaf.points]));
  const closed = new Set(change.closedObjectionIds);
  const reason = `leaf removed by criteria version ${change.toVersion}: ${change.reason}`;
  const objections = new Map(
    [...state.objections].map(([id, objection]) => [
      id,
      closed.has(id)
        ? { ...objection, decision: { outcome: 'rejected' as const, reason, correctedScore: null, at: change.at, by: change.by } }
        : objection,
    ]),
  );
  const status = statusAfterCriteriaVersionChange(change.fromStatus);
  const reopened = status !== change.fromStatus;
  return {
    ...state,
    status,
    criteriaSetVersion: change.toVersion,
    maxTotal: change.maxTotal,
    selfScores: without(state.selfScores, cleared),
    appraisalScores: without(state.appraisalScores, cleared),
    surveyResults: withPoints(without(state.surveyResults, dropped), reconverted),
    indicatorResults: withPoints(without(state.indicatorResults, dropped), reconverted),
    notApplicable: without(state.notApplicable, dropped),
    objections,
    finalTotals: reopened ? null : state.finalTotals,
    approval: reopened ? null : state.approval,
  };
}
