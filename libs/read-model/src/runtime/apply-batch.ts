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
): Promise<BatchResult> {
  if (events.length === 0) return { applied: 0, lastPosition: undefined };
  const lastPosition = events[events.length - 1]!.position;
  return dataSource.transaction(async (manager) => {
    const names = [...projections.map((p) => p.name), ...derived.map((d) => d.name)];
    const checkpoints = await lockCheckpoints(manager, names);
    let applied = 0;
    for (const projection of projections) {
      const from = checkpoints.get(projection.name)!;
      const cache: RowCache = new Map();
      for (const event of events) {
        if (event.position <= from || !handles(projection, event)) continue;
        const slot = await loadRow(manager, projection, cache, projection.keyOf(event));
        slot.row = projection.evolve(slot.row, event);
        slot.dirty = true;
        applied += 1;
      }
      await flush(manager, projection, cache);
      if (lastPosition > from) await saveCheckpoint(manager, projection.name, lastPosition);
    }
    for (const model of derived) {
      const from = checkpoints.get(model.name)!;
      const relevant = events.filter((e) => e.position > from && model.eventTypes.includes(e.type));
      if (relevant.length > 0) await model.refresh(manager, relevant);
      if (lastPosition > from) await saveCheckpoint(manager, model.name, lastPosition);
    }
    return { applied, lastPosition };
  });
}
