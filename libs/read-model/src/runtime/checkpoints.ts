import type { EntityManager } from 'typeorm';
import { ProjectionCheckpointEntity } from '../entities/projection-checkpoint.entity';

export const NO_POSITION = -1n;

/**
 * Reads and row-locks the checkpoints of the given projections for this transaction, so two
 * projector processes can never apply the same event twice: the second waits, then sees it done.
 */
export async function lockCheckpoints(manager: EntityManager, names: readonly string[]): Promise<Map<string, bigint>> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(ProjectionCheckpointEntity)
    .values(names.map((projectionName) => ({ projectionName, position: NO_POSITION.toString(), updatedAt: new Date() })))
    .orIgnore()
    .execute();
  const rows = await manager
    .getRepository(ProjectionCheckpointEntity)
    .createQueryBuilder('c')
    .setLock('pessimistic_write')
    .where('c.projection_name IN (:...names)', { names })
    .orderBy('c.projection_name')
    .getMany();
  return new Map(rows.map((row) => [row.projectionName, BigInt(row.position)]));
}

export class CheckpointConflictError extends Error {
  override readonly name = 'CheckpointConflictError';
}

/** Compare-and-set: advances only from `expected`; another writer having moved it aborts the batch. */
export async function saveCheckpoint(manager: EntityManager, projectionName: string, expected: bigint, position: bigint): Promise<void> {
  const [, updated]: [unknown, number] = await manager.query(
    'UPDATE projection_checkpoints SET position = $1, updated_at = now() WHERE projection_name = $2 AND position = $3',
    [position.toString(), projectionName, expected.toString()],
  );
  if (updated !== 1) {
    throw new CheckpointConflictError(`checkpoint of ${projectionName} is no longer at ${expected}: another writer advanced it`);
  }
}

export async function readCheckpoints(manager: EntityManager): Promise<Map<string, bigint>> {
  const rows = await manager.getRepository(ProjectionCheckpointEntity).find();
  return new Map(rows.map((row) => [row.projectionName, BigInt(row.position)]));
}
