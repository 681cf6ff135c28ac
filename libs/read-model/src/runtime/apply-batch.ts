import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { lockCheckpoints, saveCheckpoint } from './checkpoints';
import { handles, type AnyProjection, type ProjectedEvent } from './projection';

/**
 * A read model computed from other rows rather than folded per event (group rankings need every
 * unit of the group). It runs after the batch's evolves, inside the same transaction.
 */
export interface DerivedReadModel {
  name: string;
  eventTypes: readonly string[];
  refresh(manager: EntityManager, events: readonly ProjectedEvent[]): Promise<void>;
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
    super(`${projection}${position === null ? '' : ` at position ${position}`}: ${original instanceof Error ? original.message : String(original)}`);
  }
}

type RowCache = Map<string, { row: ObjectLiteral | null; dirty: boolean; key: Partial<ObjectLiteral> }>;

async function loadRow(manager: EntityManager, projection: AnyProjection, cache: RowCache, key: Partial<ObjectLiteral>) {
  const cacheKey = JSON.stringify(key);
  let slot = cache.get(cacheKey);
  if (!slot) {
    const row = await manager.getRepository(projection.entity).findOneBy(key);
    slot = { row, dirty: false, key };
    cache.set(cacheKey, slot);
  }
  return slot;
}

async function flush(manager: EntityManager, projection: AnyProjection, cache: RowCache): Promise<void> {
  const repository = manager.getRepository(projection.entity);
  for (const slot of cache.values()) {
    if (!slot.dirty) continue;
    if (slot.row === null) await repository.delete(slot.key);
    else await repository.save(slot.row);
  }
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
): Promise<BatchResult> {
  if (events.length === 0) return { applied: 0, lastPosition: undefined, dropped: [] };
  const lastPosition = events[events.length - 1]!.position;
  return dataSource.transaction(async (manager) => {
    const names = [...projections.map((p) => p.name), ...derived.map((d) => d.name)];
    const checkpoints = await lockCheckpoints(manager, names);
    let applied = 0;
    const dropped: BatchResult['dropped'] = [];
    for (const projection of projections) {
      const from = checkpoints.get(projection.name)!;
      const cache: RowCache = new Map();
      for (const event of events) {
        if (event.position <= from || skipped.has(event.position) || !handles(projection, event)) continue;
        try {
          const slot = await loadRow(manager, projection, cache, projection.keyOf(event));
          const next = projection.evolve(slot.row, event);
          if (slot.row === null && next === null) dropped.push({ projection: projection.name, position: event.position, type: event.type });
          slot.row = next;
          slot.dirty = true;
        } catch (error) {
          throw new ProjectionApplyError(projection.name, event.position, error);
        }
        applied += 1;
      }
      await flush(manager, projection, cache);
      if (lastPosition > from) await saveCheckpoint(manager, projection.name, from, lastPosition);
    }
    for (const model of derived) {
      const from = checkpoints.get(model.name)!;
      const relevant = events.filter((e) => e.position > from && !skipped.has(e.position) && model.eventTypes.includes(e.type));
      try {
        if (relevant.length > 0) await model.refresh(manager, relevant);
      } catch (error) {
        throw new ProjectionApplyError(model.name, relevant.length === 1 ? relevant[0]!.position : null, error);
      }
      if (lastPosition > from) await saveCheckpoint(manager, model.name, from, lastPosition);
    }
    return { applied, lastPosition, dropped };
  });
}
