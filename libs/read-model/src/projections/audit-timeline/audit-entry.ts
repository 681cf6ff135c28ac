import type { AssessmentEvent, AssessmentStatus } from '@par-index/domain';
import type { AuditTimelineRow, AuditValueChange } from '../../entities/audit-timeline.entity';
import type { ProjectedEvent } from '../../runtime/projection';
import { assessmentKeyOf } from '../assessments/assessments.projection';

/** The latest recorded value of a leaf's field before this event (null: none), in the timeline's units. */
export type PreviousValue = (leafCode: string, field: string) => number | null;

/** Hundredths → points for people; null stays null. */
export const pts = (hundredths: number | null | undefined): number | null =>
  hundredths === null || hundredths === undefined ? null : hundredths / 100;

type Entry = Pick<AuditTimelineRow, 'scope' | 'leafCodes' | 'changes' | 'statusFrom' | 'statusTo' | 'reason' | 'details'>;

const leafEntry = (leafCode: string, changes: AuditValueChange[], reason: string | null, details: Record<string, unknown> = {}): Entry => ({
  scope: 'leaf',
  leafCodes: [leafCode],
  changes,
  statusFrom: null,
  statusTo: null,
  reason,
  details,
});
const wideEntry = (
  statusFrom: AssessmentStatus | null,
  statusTo: AssessmentStatus | null,
  reason: string | null,
  details: Record<string, unknown> = {},
  changes: AuditValueChange[] = [],
): Entry => ({
  scope: 'assessment',
  leafCodes: [...new Set(changes.map((change) => change.leafCode))],
  changes,
  statusFrom,
  statusTo,
  reason,
  details,
});
const change = (leafCode: string, field: string, from: number | null, to: number | null): AuditValueChange => ({
  leafCode,
  field,
  from,
  to,
});

/**
 * Pure: what one assessment event means on the audit timeline. Old values come from the event
 * where it records them (self and appraisal scores, council decisions, revision moves); a
 * survey/indicator result's old value from `previous` (the timeline's own last value of the leaf).
 */
export function auditEntryOf(projected: ProjectedEvent, previous: PreviousValue): AuditTimelineRow {
  const { unitId, year } = assessmentKeyOf(projected.streamName);
  return {
    position: projected.position.toString(),
    eventId: projected.id ?? '',
    unitId,
    year,
    streamRevision: projected.revision.toString(),
    eventType: projected.type,
    actorId: projected.metadata.actorId,
    actorRole: projected.metadata.actorRole,
    occurredAt: projected.metadata.occurredAt,
    ...entryOf(projected as unknown as AssessmentEvent, previous),
  };
}

function entryOf(event: AssessmentEvent, previous: PreviousValue): Entry {
  switch (event.type) {
    case 'AssessmentOpened': {
      const d = event.data;
      return wideEntry(null, 'self_assessment', null, {
        criteriaSetCode: d.criteriaSetCode,
        criteriaSetVersion: d.criteriaSetVersion,
        group: d.group,
        maxTotal: pts(d.maxTotal),
      });
    }
    case 'SelfScoreRecorded': {
      const d = event.data;
      return leafEntry(d.leafCode, [change(d.leafCode, 'selfScore', pts(d.previousScore), pts(d.score))], d.note, {
        evidenceRefs: d.evidenceRefs,
      });
    }
    case 'SelfAssessmentSubmitted':
      return wideEntry('self_assessment', 'appraisal', null, {
        selfScoredTotal: pts(event.data.selfScoredTotal),
        scoredLeafCount: event.data.scoredLeafCount,
      });
    case 'AppraisalScoreRecorded': {
      const d = event.data;
      return leafEntry(d.leafCode, [change(d.leafCode, 'appraisalScore', pts(d.previousScore), pts(d.score))], d.reason, {
        selfScore: pts(d.selfScore),
        correction: d.correction,
      });
    }
    case 'ObjectionFiled': {
      const d = event.data;
      return leafEntry(d.leafCode, [], d.text, {
        objectionId: d.objectionId,
        kind: d.kind,
        proposedScore: pts(d.proposedScore),
        appraisalScore: pts(d.appraisalScore),
        evidenceRefs: d.evidenceRefs,
      });
    }
    case 'ObjectionDecided': {
      const d = event.data;
      const changes = d.correctedScore === null ? [] : [change(d.leafCode, 'appraisalScore', pts(d.previousScore), pts(d.correctedScore))];
      return leafEntry(d.leafCode, changes, d.reason, {
        objectionId: d.objectionId,
        outcome: d.outcome,
        correctedScore: pts(d.correctedScore),
      });
    }
    case 'SurveyResultRecorded':
    case 'IndicatorResultRecorded': {
      const d = event.data;
      const changes = [
        change(d.leafCode, 'resultPoints', previous(d.leafCode, 'resultPoints'), pts(d.points)),
        change(d.leafCode, 'rawValue', previous(d.leafCode, 'rawValue'), d.rawValue),
      ];
      const source =
        event.type === 'SurveyResultRecorded'
          ? { survey: event.data.survey, sampleSize: event.data.sampleSize }
          : { indicator: event.data.indicator };
      return leafEntry(d.leafCode, changes, null, { ...source, source: d.source });
    }
    case 'AppraisalFinalised':
      return wideEntry('appraisal', 'appraisal_final', null, { totals: totalsInPoints(event.data.totals) });
    case 'AssessmentApproved': {
      const d = event.data;
      return wideEntry('appraisal_final', 'approved', null, {
        decisionReference: d.decisionReference,
        approvalRound: d.approvalRound,
        totals: totalsInPoints(d.totals),
      });
    }
    case 'AssessmentPublished':
      return wideEntry('approved', 'published', null, { approvalRound: event.data.approvalRound });
    case 'AssessmentReopened':
      return wideEntry(event.data.fromStatus, 'appraisal', event.data.reason, { reopenCount: event.data.reopenCount });
    case 'AssessmentCriteriaVersionChanged': {
      const d = event.data;
      const locked = d.fromStatus === 'appraisal_final' || d.fromStatus === 'approved' || d.fromStatus === 'published';
      const changes: AuditValueChange[] = [];
      for (const leaf of d.droppedLeaves) {
        if (leaf.selfScore !== null) changes.push(change(leaf.leafCode, 'selfScore', pts(leaf.selfScore), null));
        if (leaf.appraisalScore !== null) changes.push(change(leaf.leafCode, 'appraisalScore', pts(leaf.appraisalScore), null));
        if (leaf.rawValue !== null) {
          changes.push(change(leaf.leafCode, 'resultPoints', previous(leaf.leafCode, 'resultPoints'), null));
          changes.push(change(leaf.leafCode, 'rawValue', leaf.rawValue, null));
        }
      }
      for (const leaf of d.flaggedLeaves) {
        if (leaf.selfScore !== null) changes.push(change(leaf.leafCode, 'selfScore', pts(leaf.selfScore), null));
        if (leaf.appraisalScore !== null) changes.push(change(leaf.leafCode, 'appraisalScore', pts(leaf.appraisalScore), null));
      }
      for (const leaf of d.reconvertedLeaves)
        changes.push(change(leaf.leafCode, 'resultPoints', pts(leaf.previousPoints), pts(leaf.points)));
      return wideEntry(
        d.fromStatus,
        locked ? 'appraisal' : d.fromStatus,
        d.reason,
        {
          fromVersion: d.fromVersion,
          toVersion: d.toVersion,
          maxTotal: pts(d.maxTotal),
          addedLeaves: d.addedLeaves,
          droppedLeaves: d.droppedLeaves.map(({ leafCode, why }) => ({ leafCode, why })),
          flaggedLeaves: d.flaggedLeaves.map(({ leafCode }) => leafCode),
          closedObjectionIds: d.closedObjectionIds,
        },
        changes,
      );
    }
    case 'LeafNotApplicableProposed':
      return leafEntry(event.data.leafCode, [], event.data.reason, { proposed: true, leafMax: pts(event.data.max) });
    case 'LeafMarkedNotApplicable': {
      const d = event.data;
      return leafEntry(d.leafCode, [change(d.leafCode, 'applicableMax', pts(d.max), 0)], d.reason, { proposedBy: d.proposedBy });
    }
    case 'LeafApplicabilityRestored': {
      const d = event.data;
      return leafEntry(d.leafCode, d.wasMarked ? [change(d.leafCode, 'applicableMax', 0, pts(d.max))] : [], d.reason, {
        wasMarked: d.wasMarked,
      });
    }
    case 'AssessmentGroupChanged':
      return wideEntry(null, null, event.data.reason, { group: event.data.group, previousGroup: event.data.previousGroup });
    default: {
      const _exhaustive: never = event;
      throw new Error(`audit timeline cannot handle ${JSON.stringify(_exhaustive)}`);
    }
  }
}

function totalsInPoints(totals: { appraised: number; survey: number; indicator: number; total: number }) {
  return { appraised: pts(totals.appraised), survey: pts(totals.survey), indicator: pts(totals.indicator), total: pts(totals.total) };
}
