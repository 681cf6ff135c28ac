import { ASSESSMENT_EVENT_TYPES } from '@par-index/domain';
import type { EntityManager } from 'typeorm';
import { AuditTimelineEntity, type AuditTimelineRow } from '../../entities/audit-timeline.entity';
import type { DerivedReadModel } from '../../runtime/apply-batch';
import type { ProjectedEvent } from '../../runtime/projection';
import { copyRows } from '../../runtime/copy-rows';
import { tableOf } from '../../runtime/projection-rows';
import { assessmentKeyOf } from '../assessments/assessments.projection';
import { auditEntryOf } from './audit-entry';

interface ValueKey {
  unit_id: string;
  year: number;
  leaf: string;
  field: string;
}

const keyOf = (k: ValueKey) => JSON.stringify([k.unit_id, k.year, k.leaf, k.field]);

/** The timeline's last recorded value of each (unit, year, leaf, field) in the table, in one statement. */
async function lastValues(manager: EntityManager, keys: readonly ValueKey[]): Promise<Map<string, number | null>> {
  const found = new Map<string, number | null>();
  if (keys.length === 0) return found;
  const rows: (ValueKey & { value: number | null })[] = await manager.query(
    `SELECT DISTINCT ON (k.unit_id, k.year, k.leaf, k.field) k.unit_id, k.year, k.leaf, k.field, (c->>'to')::float8 AS value
     FROM jsonb_to_recordset($1::jsonb) AS k(unit_id text, year int, leaf text, field text)
     JOIN audit_timeline t ON t.unit_id = k.unit_id AND t.year = k.year
     CROSS JOIN LATERAL jsonb_array_elements(t.changes) c
     WHERE t.leaf_codes ? k.leaf AND c->>'leafCode' = k.leaf AND c->>'field' = k.field
     ORDER BY k.unit_id, k.year, k.leaf, k.field, t.position DESC`,
    [JSON.stringify(keys)],
  );
  for (const row of rows) found.set(keyOf(row), row.value);
  return found;
}

/**
 * The batch's timeline rows. A survey or indicator result's old value is the timeline's own last
 * value of the leaf: the latest earlier row of this batch that changed it, else the table's (all
 * such look-ups of a batch in one statement; most events need none).
 */
async function entriesOf(manager: EntityManager, events: readonly ProjectedEvent[]): Promise<AuditTimelineRow[]> {
  const latest = new Map<string, number | null>();
  const pending = new Map<string, ValueKey>();
  const rows: AuditTimelineRow[] = [];
  const redo: { index: number; known: Map<string, number | null> }[] = [];
  for (const event of events) {
    const { unitId, year } = assessmentKeyOf(event.streamName);
    const known = new Map<string, number | null>();
    let waits = false;
    const row = auditEntryOf(event, (leaf, field) => {
      const key = { unit_id: unitId, year, leaf, field };
      const id = keyOf(key);
      if (latest.has(id)) return (known.set(id, latest.get(id)!), latest.get(id)!);
      pending.set(id, key);
      waits = true;
      return null;
    });
    if (waits) redo.push({ index: rows.length, known });
    for (const change of row.changes) latest.set(keyOf({ unit_id: unitId, year, leaf: change.leafCode, field: change.field }), change.to);
    rows.push(row);
  }
  if (redo.length === 0) return rows;
  const before = await lastValues(manager, [...pending.values()]);
  for (const { index, known } of redo) {
    const { unitId, year } = rows[index]!;
    rows[index] = auditEntryOf(events[index]!, (leaf, field) => {
      const id = keyOf({ unit_id: unitId, year, leaf, field });
      return known.has(id) ? known.get(id)! : (before.get(id) ?? null);
    });
  }
  return rows;
}

/**
 * One row per assessment event, keyed by position, written with COPY. Events at or below the
 * checkpoint never come back (the checkpoint moves in the same transaction), so rows are only inserted.
 */
export const auditTimelineReadModel: DerivedReadModel = {
  name: 'audit_timeline',
  eventTypes: ASSESSMENT_EVENT_TYPES,
  async refresh(manager, events) {
    const rows = await entriesOf(manager, events);
    const { tableName, names, toColumns } = tableOf(manager, AuditTimelineEntity);
    await copyRows(
      manager,
      tableName,
      names,
      rows.map((row) => Object.values(toColumns(row))),
    );
  },
};
