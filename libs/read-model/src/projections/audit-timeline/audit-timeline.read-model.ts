import { ASSESSMENT_EVENT_TYPES } from '@par-index/domain';
import type { EntityManager } from 'typeorm';
import { AuditTimelineEntity, type AuditTimelineRow } from '../../entities/audit-timeline.entity';
import type { DerivedReadModel } from '../../runtime/apply-batch';
import { auditEntryOf } from './audit-entry';

/** The last value the timeline recorded for a leaf's field, before `position`. */
async function lastValue(manager: EntityManager, row: Pick<AuditTimelineRow, 'unitId' | 'year' | 'position'>, leafCode: string, field: string): Promise<number | null> {
  const rows: { value: number | null }[] = await manager.query(
    `SELECT (c->>'to')::float8 AS value FROM audit_timeline t, jsonb_array_elements(t.changes) c
     WHERE t.unit_id = $1 AND t.year = $2 AND t.position < $3 AND c->>'leafCode' = $4 AND c->>'field' = $5
     ORDER BY t.position DESC LIMIT 1`,
    [row.unitId, row.year, row.position, leafCode, field],
  );
  return rows.length === 0 ? null : rows[0]!.value;
}

/**
 * One row per assessment event, appended in position order. A survey/indicator result's old value
 * is the timeline's own last value for the leaf, so the rows are written one by one (the batch's
 * earlier rows are visible to the later ones' look-ups in the same transaction).
 */
export const auditTimelineReadModel: DerivedReadModel = {
  name: 'audit_timeline',
  eventTypes: ASSESSMENT_EVENT_TYPES,
  async refresh(manager, events) {
    const repository = manager.getRepository(AuditTimelineEntity);
    for (const event of events) {
      // first pass names the look-ups the event needs (most need none), the second uses their answers
      const wanted: [string, string][] = [];
      const draft = auditEntryOf(event, (leafCode, field) => (wanted.push([leafCode, field]), null));
      const known = new Map<string, number | null>();
      for (const [leafCode, field] of wanted) known.set(`${leafCode}\u0000${field}`, await lastValue(manager, draft, leafCode, field));
      const row = wanted.length === 0 ? draft : auditEntryOf(event, (leafCode, field) => known.get(`${leafCode}\u0000${field}`) ?? null);
      await repository.upsert(row as never, ['position']);
    }
  },
};
