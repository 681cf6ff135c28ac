import { EntitySchema } from 'typeorm';

/** One value of one leaf changed by an event, in points (raw survey/indicator values in their own unit). */
export interface AuditValueChange {
  leafCode: string;
  /** selfScore, appraisalScore, resultPoints, rawValue (not points), applicableMax */
  field: string;
  from: number | null;
  to: number | null;
}

/**
 * One event of an assessment as an auditor reads it: who, in which role, when, why, what changed
 * (old → new), at which global position. Leaf events name their leaves; assessment-wide events
 * (submission, finalisation, approval, publication, reopening, criteria-version moves) belong to
 * every leaf's timeline.
 */
export interface AuditTimelineRow {
  position: string;
  eventId: string;
  unitId: string;
  year: number;
  streamRevision: string;
  eventType: string;
  scope: 'leaf' | 'assessment';
  leafCodes: string[];
  changes: AuditValueChange[];
  statusFrom: string | null;
  statusTo: string | null;
  actorId: string;
  actorRole: string;
  reason: string | null;
  occurredAt: string;
  /** what else the event says (objection text and outcome, evidence, criteria versions...), points not hundredths */
  details: Record<string, unknown>;
}

export const AuditTimelineEntity = new EntitySchema<AuditTimelineRow>({
  name: 'AuditTimeline',
  tableName: 'audit_timeline',
  columns: {
    position: { type: 'bigint', primary: true },
    eventId: { name: 'event_id', type: 'text' },
    unitId: { name: 'unit_id', type: 'text' },
    year: { type: 'int' },
    streamRevision: { name: 'stream_revision', type: 'bigint' },
    eventType: { name: 'event_type', type: 'text' },
    scope: { type: 'text' },
    leafCodes: { name: 'leaf_codes', type: 'jsonb' },
    changes: { type: 'jsonb' },
    statusFrom: { name: 'status_from', type: 'text', nullable: true },
    statusTo: { name: 'status_to', type: 'text', nullable: true },
    actorId: { name: 'actor_id', type: 'text' },
    actorRole: { name: 'actor_role', type: 'text' },
    reason: { type: 'text', nullable: true },
    occurredAt: { name: 'occurred_at', type: 'text' },
    details: { type: 'jsonb' },
  },
  indices: [{ name: 'audit_timeline_assessment', columns: ['unitId', 'year', 'position'] }],
});
