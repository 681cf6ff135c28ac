import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { lockCheckpoints, saveCheckpoints } from './checkpoints';
import { handles, type AnyProjection, type ProjectedEvent } from './projection';
import { loadRows, rowKey, writeRows } from './projection-rows';
import { checkpointsAdvanced } from './wait-for-checkpoints';

/** The rows a batch's projections left, by projection name, then by row key (`rowKey(keyOf(event))`). */
export type BatchRows = ReadonlyMap<string, ReadonlyMap<string, ObjectLiteral | null>>;

/**
 * A read model computed from other rows rather than folded per event (group rankings need every
 * unit of the group). It runs after the batch's evolves, inside the same transaction.
 */
export interface DerivedReadModel {
  name: string;
  eventTypes: readonly string[];
  refresh(manager: EntityManager, events: readonly ProjectedEvent[], rows: BatchRows): Promise<void>;
  /** forgets what it cached for this connection: a transaction it worked in did not commit */
  reset?(dataSource: DataSource): void;
}

export interface BatchResult {
  applied: number;
  lastPosition: bigint | undefined;
  /** events a projection could not apply because their row does not exist (flagged, not silent) */
  dropped: { projection: string; position: bigint; type: string }[];
}

/** An evolve or refresh threw: names the projection and, for evolve, the event. */
export class ProjectionApplyError extends Error {
  override readonly name = 'ProjectionApplyError';
  constructor(
    readonly projection: string,
    readonly position: bigint | null,
    readonly original: unknown,
  ) {
    super(
      `${projection}${position === null ? '' : ` at position ${position}`}: ${original instanceof Error ? original.message : String(original)}`,
    );
  }
}

interface Folded {
  rows: Map<string, ObjectLiteral | null>;
  applied: number;
}

/** Folds the batch's events of one projection in memory: each row it touches is loaded once. */
async function fold(
  manager: EntityManager,
  projection: AnyProjection,
  events: readonly ProjectedEvent[],
  dropped: BatchResult['dropped'],
): Promise<Folded> {
  const keys = new Map<string, Partial<ObjectLiteral>>();
  const keyed: [ProjectedEvent, string][] = [];
  for (const event of events) {
    try {
      const key = projection.keyOf(event);
      const id = rowKey(key);
      keys.set(id, key);
      keyed.push([event, id]);
    } catch (error) {
      throw new ProjectionApplyError(projection.name, event.position, error);
    }
  }
  const rows = await loadRows(manager, projection, [...keys.values()]);
  const changed = new Set<string>();
  if (projection.fold) {
    const byRow = new Map<string, ProjectedEvent[]>();
    for (const [event, id] of keyed) {
      const list = byRow.get(id);
      if (list) list.push(event);
      else byRow.set(id, [event]);
    }
    for (const [id, rowEvents] of byRow) {
      try {
        const folded = projection.fold(rows.get(id) ?? null, rowEvents);
        for (const event of folded.dropped) dropped.push({ projection: projection.name, position: event.position, type: event.type });
        rows.set(id, folded.row);
        changed.add(id);
      } catch (error) {
        // the run failed somewhere: evolve one by one to name the event
        let row = rows.get(id) ?? null;
        for (const event of rowEvents) {
          try {
            row = projection.evolve(row, event);
          } catch (cause) {
            throw new ProjectionApplyError(projection.name, event.position, cause);
          }
        }
        throw new ProjectionApplyError(projection.name, null, error);
      }
    }
  } else {
    for (const [event, id] of keyed) {
      try {
        const row = rows.get(id) ?? null;
        const next = projection.evolve(row, event);
        if (row === null && next === null) dropped.push({ projection: projection.name, position: event.position, type: event.type });
        rows.set(id, next);
        changed.add(id);
      } catch (error) {
        throw new ProjectionApplyError(projection.name, event.position, error);
      }
    }
  }
  await writeRows(
    manager,
    projection,
    [...changed].map((id) => ({ key: keys.get(id)!, row: rows.get(id) ?? null })),
  );
  return { rows, applied: keyed.length };
}

/**
 * Applies events to every projection in one transaction, together with the checkpoints. Events at
 * or below a projection's checkpoint are skipped, so re-delivery is harmless (exactly-once effect).
 */
export async function applyBatch(
  dataSource: DataSource,
  projections: readonly AnyProjection[],
  derived: readonly DerivedReadModel[],
  events: readonly ProjectedEvent[],
  skipped: ReadonlySet<bigint> = new Set(),
  /** records the batch's dropped events in the same transaction (so they are known when its checkpoint is) */
  recordDropped?: (manager: EntityManager, dropped: BatchResult['dropped']) => Promise<void>,
): Promise<BatchResult> {
  if (events.length === 0) return { applied: 0, lastPosition: undefined, dropped: [] };
  const lastPosition = events[events.length - 1]!.position;
  try {
    const result = await dataSource.transaction(async (manager) => {
      const names = [...projections.map((p) => p.name), ...derived.map((d) => d.name)];
      const checkpoints = await lockCheckpoints(manager, names);
      let applied = 0;
      const dropped: BatchResult['dropped'] = [];
      const batchRows = new Map<string, ReadonlyMap<string, ObjectLiteral | null>>();
      for (const projection of projections) {
        const from = checkpoints.get(projection.name)!;
        const mine = events.filter((event) => event.position > from && !skipped.has(event.position) && handles(projection, event));
        const folded = await fold(manager, projection, mine, dropped);
        batchRows.set(projection.name, folded.rows);
        applied += folded.applied;
      }
      for (const model of derived) {
        const from = checkpoints.get(model.name)!;
        const relevant = events.filter((e) => e.position > from && !skipped.has(e.position) && model.eventTypes.includes(e.type));
        try {
          if (relevant.length > 0) await model.refresh(manager, relevant, batchRows);
        } catch (error) {
          throw new ProjectionApplyError(model.name, relevant.length === 1 ? relevant[0]!.position : null, error);
        }
      }
      await saveCheckpoints(manager, checkpoints, lastPosition);
      if (dropped.length > 0) await recordDropped?.(manager, dropped);
      return { applied, lastPosition, dropped };
    });
    checkpointsAdvanced();
    return result;
  } catch (error) {
    for (const model of derived) model.reset?.(dataSource);
    throw error;
  }
}
