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

export async function saveCheckpoint(manager: EntityManager, projectionName: string, position: bigint): Promise<void> {
  await manager.getRepository(ProjectionCheckpointEntity).update({ projectionName }, { position: position.toString(), updatedAt: new Date() });
}

export async function readCheckpoints(manager: EntityManager): Promise<Map<string, bigint>> {
  const rows = await manager.getRepository(ProjectionCheckpointEntity).find();
  return new Map(rows.map((row) => [row.projectionName, BigInt(row.position)]));
}
