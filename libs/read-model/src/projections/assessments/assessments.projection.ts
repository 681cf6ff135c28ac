import { ASSESSMENT_EVENT_TYPES, parseAssessmentStreamName, statusAfterCriteriaVersionChange, type AssessmentEvent, type AssessmentStatus } from '@par-index/domain';
import { AssessmentEntity, type AssessmentRow, type LeafInputRow } from '../../entities/assessment.entity';
import type { ProjectedEvent, Projection } from '../../runtime/projection';
import { streamKey } from '../../runtime/stream-key';

/** Every assessment event changes the row (inputs, status or last-event stamps). */
export const ASSESSMENT_PROJECTION_EVENT_TYPES = ASSESSMENT_EVENT_TYPES;

/** The row key of an assessment stream (`assessment-{unitId}-{year}`), via the domain's own parser. */
export function assessmentKeyOf(streamName: string): { unitId: string; year: number } {
  return streamKey(parseAssessmentStreamName, streamName, 'assessment');
}

/** Leaf codes are user input ("constructor", "toString"): own-property lookups only, defined with a data property. */
function withLeaf(row: AssessmentRow, leafCode: string, change: LeafInputRow): Record<string, LeafInputRow> {
  const current = Object.hasOwn(row.leafInputs, leafCode) ? row.leafInputs[leafCode] : undefined;
  const next: Record<string, LeafInputRow> = { ...row.leafInputs };
  Object.defineProperty(next, leafCode, { value: { ...current, ...change }, enumerable: true, writable: true, configurable: true });
  return next;
}

/**
 * The scoring inputs and workflow status of one unit-year; scorecards are derived from these rows.
 * The status is the domain's (`ASSESSMENT_STATUSES`), set exactly where the domain's evolve sets it.
 */
export function evolveAssessment(row: AssessmentRow | null, projected: ProjectedEvent): AssessmentRow | null {
  const event = projected as unknown as AssessmentEvent;
  if (event.type === 'AssessmentOpened') {
    const d = event.data;
    return {
      unitId: d.unitId, year: d.year, level: d.level, groupCode: d.group, criteriaSetCode: d.criteriaSetCode,
      criteriaSetVersion: d.criteriaSetVersion, status: 'self_assessment', leafInputs: {}, lastEventAt: d.at,
      lastPosition: projected.position.toString(),
    };
  }
  if (row === null) return null;
  const next = { ...row, lastEventAt: event.data.at, lastPosition: projected.position.toString() };
  switch (event.type) {
    case 'SelfScoreRecorded':
      return { ...next, leafInputs: withLeaf(row, event.data.leafCode, { selfScore: event.data.score }) };
    case 'AppraisalScoreRecorded':
      return { ...next, leafInputs: withLeaf(row, event.data.leafCode, { appraisedScore: event.data.score }) };
    case 'ObjectionDecided':
      return event.data.correctedScore === null
        ? next
        : { ...next, leafInputs: withLeaf(row, event.data.leafCode, { appraisedScore: event.data.correctedScore }) };
    case 'SurveyResultRecorded':
    case 'IndicatorResultRecorded':
      return { ...next, leafInputs: withLeaf(row, event.data.leafCode, { rawValue: event.data.rawValue }) };
    case 'SelfAssessmentSubmitted':
      return { ...next, status: 'appraisal' };
    case 'ObjectionFiled':
    case 'LeafNotApplicableProposed':
      return next;
    case 'LeafMarkedNotApplicable':
      return { ...next, leafInputs: withLeaf(row, event.data.leafCode, { notApplicable: true }) };
    case 'LeafApplicabilityRestored':
      return event.data.wasMarked ? { ...next, leafInputs: withLeaf(row, event.data.leafCode, { notApplicable: undefined }) } : next;
    case 'AppraisalFinalised':
      return { ...next, status: 'appraisal_final' };
    case 'AssessmentApproved':
      return { ...next, status: 'approved' };
    case 'AssessmentPublished':
      return { ...next, status: 'published' };
    case 'AssessmentReopened':
      return { ...next, status: 'appraisal' };
    case 'AssessmentCriteriaVersionChanged': {
      const d = event.data;
      const cleared = new Set([...d.droppedLeaves, ...d.flaggedLeaves].map((leaf) => leaf.leafCode));
      const leafInputs = Object.fromEntries(Object.entries(row.leafInputs).filter(([code]) => !cleared.has(code)));
      return { ...next, criteriaSetVersion: d.toVersion, leafInputs, status: statusAfterCriteriaVersionChange(d.fromStatus) };
    }
    default: {
      const _exhaustive: never = event;
      throw new Error(`assessments projection cannot handle ${JSON.stringify(_exhaustive)}`);
    }
  }
}

export const assessmentsProjection: Projection<AssessmentRow> = {
  name: 'assessments',
  entity: AssessmentEntity,
  eventTypes: ASSESSMENT_PROJECTION_EVENT_TYPES,
  keyOf: (event) => assessmentKeyOf(event.streamName),
  evolve: evolveAssessment,
};
