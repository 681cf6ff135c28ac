import type { EntityManager } from 'typeorm';
import { ProjectionCheckpointEntity } from '../entities/projection-checkpoint.entity';

export const NO_POSITION = -1n;

/**
 * Reads and row-locks the checkpoints of the given projections for this transaction, so two
 * projector processes can never apply the same event twice: the second waits, then sees it done.
 */
export async function lockCheckpoints(manager: EntityManager, names: readonly string[]): Promise<Map<string, bigint>> {
  const select = () =>
    manager
      .getRepository(ProjectionCheckpointEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.projection_name IN (:...names)', { names })
      .orderBy('c.projection_name')
      .getMany();
  let rows = await select();
  if (rows.length < names.length) {
    // a projection's first batch: its row is created once, then locked like the others
    await manager
      .createQueryBuilder()
      .insert()
      .into(ProjectionCheckpointEntity)
      .values(names.map((projectionName) => ({ projectionName, position: NO_POSITION.toString(), updatedAt: new Date() })))
      .orIgnore()
      .execute();
    rows = await select();
  }
  return new Map(rows.map((row) => [row.projectionName, BigInt(row.position)]));
}

export class CheckpointConflictError extends Error {
  override readonly name = 'CheckpointConflictError';
}

/** Compare-and-set of several checkpoints to one position, in one statement; any that moved aborts the batch. */
export async function saveCheckpoints(manager: EntityManager, expected: ReadonlyMap<string, bigint>, position: bigint): Promise<void> {
  const advancing = [...expected].filter(([, from]) => position > from);
  if (advancing.length === 0) return;
  const [, updated]: [unknown, number] = await manager.query(
    `UPDATE projection_checkpoints c SET position = $1, updated_at = now()
       FROM unnest($2::text[], $3::bigint[]) AS e(name, expected) WHERE c.projection_name = e.name AND c.position = e.expected`,
    [position.toString(), advancing.map(([name]) => name), advancing.map(([, from]) => from.toString())],
  );
  if (updated !== advancing.length) {
    throw new CheckpointConflictError(
      `checkpoints of ${advancing.map(([name]) => name).join(', ')} are no longer where this batch started: another writer advanced them`,
    );
  }
}

export async function readCheckpoints(manager: EntityManager): Promise<Map<string, bigint>> {
  const rows = await manager.getRepository(ProjectionCheckpointEntity).find();
  return new Map(rows.map((row) => [row.projectionName, BigInt(row.position)]));
}
