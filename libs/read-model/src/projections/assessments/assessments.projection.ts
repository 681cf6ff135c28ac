import {
  ASSESSMENT_EVENT_TYPES,
  parseAssessmentStreamName,
  statusAfterCriteriaVersionChange,
  type AssessmentEvent,
} from '@par-index/domain';
import { AssessmentEntity, type AssessmentRow, type LeafInputRow } from '../../entities/assessment.entity';
import type { ProjectedEvent, Projection } from '../../runtime/projection';
import { streamKey } from '../../runtime/stream-key';

/** Every assessment event changes the row (inputs, status or last-event stamps). */
export const ASSESSMENT_PROJECTION_EVENT_TYPES = ASSESSMENT_EVENT_TYPES;

/** The row key of an assessment stream (`assessment-{unitId}-{year}`), via the domain's own parser. */
export function assessmentKeyOf(streamName: string): { unitId: string; year: number } {
  return streamKey(parseAssessmentStreamName, streamName, 'assessment');
}

/** A row the fold may change in place: its own copy of the row and of its leaf inputs. */
type WorkingRow = AssessmentRow;

const workingCopy = (row: AssessmentRow): WorkingRow => ({ ...row, leafInputs: copyLeafInputs(row.leafInputs) });

/** Leaf codes are user input ("constructor", "toString"): own properties only, each a data property. */
function copyLeafInputs(inputs: Record<string, LeafInputRow>): Record<string, LeafInputRow> {
  const copy: Record<string, LeafInputRow> = {};
  for (const code of Object.keys(inputs))
    Object.defineProperty(copy, code, { value: inputs[code], enumerable: true, writable: true, configurable: true });
  return copy;
}

function setLeaf(row: WorkingRow, leafCode: string, change: LeafInputRow): void {
  const current = Object.hasOwn(row.leafInputs, leafCode) ? row.leafInputs[leafCode] : undefined;
  Object.defineProperty(row.leafInputs, leafCode, {
    value: { ...current, ...change },
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Applies one event to a working copy (or opens one); null: an event for a row that does not exist. */
function apply(row: WorkingRow | null, projected: ProjectedEvent): WorkingRow | null {
  const event = projected as unknown as AssessmentEvent;
  if (event.type === 'AssessmentOpened') {
    const d = event.data;
    return {
      unitId: d.unitId,
      year: d.year,
      level: d.level,
      groupCode: d.group,
      criteriaSetCode: d.criteriaSetCode,
      criteriaSetVersion: d.criteriaSetVersion,
      status: 'self_assessment',
      leafInputs: {},
      lastEventAt: d.at,
      lastPosition: projected.position.toString(),
    };
  }
  if (row === null) return null;
  row.lastEventAt = event.data.at;
  row.lastPosition = projected.position.toString();
  switch (event.type) {
    case 'SelfScoreRecorded':
      setLeaf(row, event.data.leafCode, { selfScore: event.data.score });
      break;
    case 'AppraisalScoreRecorded':
      setLeaf(row, event.data.leafCode, { appraisedScore: event.data.score });
      break;
    case 'ObjectionDecided':
      if (event.data.correctedScore !== null) setLeaf(row, event.data.leafCode, { appraisedScore: event.data.correctedScore });
      break;
    case 'SurveyResultRecorded':
    case 'IndicatorResultRecorded':
      setLeaf(row, event.data.leafCode, { rawValue: event.data.rawValue });
      break;
    case 'SelfAssessmentSubmitted':
      row.status = 'appraisal';
      break;
    case 'ObjectionFiled':
    case 'LeafNotApplicableProposed':
      break;
    case 'LeafMarkedNotApplicable':
      setLeaf(row, event.data.leafCode, { notApplicable: true });
      break;
    case 'LeafApplicabilityRestored':
      if (event.data.wasMarked) setLeaf(row, event.data.leafCode, { notApplicable: undefined });
      break;
    case 'AppraisalFinalised':
      row.status = 'appraisal_final';
      break;
    case 'AssessmentApproved':
      row.status = 'approved';
      break;
    case 'AssessmentPublished':
      row.status = 'published';
      break;
    case 'AssessmentReopened':
      row.status = 'appraisal';
      break;
    case 'AssessmentCriteriaVersionChanged': {
      const d = event.data;
      for (const leaf of [...d.droppedLeaves, ...d.flaggedLeaves])
        if (Object.hasOwn(row.leafInputs, leaf.leafCode)) delete row.leafInputs[leaf.leafCode];
      row.criteriaSetVersion = d.toVersion;
      row.status = statusAfterCriteriaVersionChange(d.fromStatus);
      break;
    }
    case 'AssessmentGroupChanged':
      row.groupCode = event.data.group;
      break;
    default: {
      const _exhaustive: never = event;
      throw new Error(`assessments projection cannot handle ${JSON.stringify(_exhaustive)}`);
    }
  }
  return row;
}

/**
 * Pure: folds a stream's events (in order) into its row, copying the row once for the whole run.
 * `dropped` lists the events that found no row to apply to.
 */
export function foldAssessment(
  row: AssessmentRow | null,
  events: readonly ProjectedEvent[],
): { row: AssessmentRow | null; dropped: ProjectedEvent[] } {
  let working = row === null ? null : workingCopy(row);
  const dropped: ProjectedEvent[] = [];
  for (const event of events) {
    const next = apply(working, event);
    if (working === null && next === null) dropped.push(event);
    working = next;
  }
  return { row: working, dropped };
}

/**
 * The scoring inputs and workflow status of one unit-year; scorecards are derived from these rows.
 * The status is the domain's (`ASSESSMENT_STATUSES`), set exactly where the domain's evolve sets it.
 */
export function evolveAssessment(row: AssessmentRow | null, projected: ProjectedEvent): AssessmentRow | null {
  return foldAssessment(row, [projected]).row;
}

export const assessmentsProjection: Projection<AssessmentRow> = {
  name: 'assessments',
  entity: AssessmentEntity,
  eventTypes: ASSESSMENT_PROJECTION_EVENT_TYPES,
  keyOf: (event) => assessmentKeyOf(event.streamName),
  evolve: evolveAssessment,
  fold: foldAssessment,
};
