import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';
import type { DataSource } from 'typeorm';
import { openReadModel, openReadModelVersion } from '../data-source';
import { CheckpointConflictError, lockCheckpoints, saveCheckpoints } from './checkpoints';
import { isVersionLeased, ProjectionLease } from './lease';

describe('projection lease and checkpoint compare-and-set (real PostgreSQL)', () => {
  let db: TestDatabase;
  let control: DataSource;
  let version1: DataSource;
  const names = ['units', 'scorecards'];

  beforeAll(async () => {
    db = await createTestDatabase();
    control = await openReadModel(db.url);
    version1 = await openReadModelVersion(db.url, 1);
  });
  afterAll(async () => {
    await version1.destroy();
    await control.destroy();
    await db.drop();
  });

  it('given a held lease, when another instance tries the same version, then it is refused until the holder releases', async () => {
    const holder = new ProjectionLease(db.url, 1, names);
    const standby = new ProjectionLease(db.url, 1, names);
    expect(await holder.tryAcquire()).toBe(true);
    expect(await standby.tryAcquire()).toBe(false);
    expect(await isVersionLeased(db.url, 1, names)).toBe(true);
    const otherVersion = new ProjectionLease(db.url, 2, names);
    expect(await otherVersion.tryAcquire()).toBe(true);
    await otherVersion.release();
    await holder.release();
    expect(await standby.tryAcquire()).toBe(true);
    await standby.release();
    expect(await isVersionLeased(db.url, 1, names)).toBe(false);
  });

  it('given a checkpoint moved by another writer, when a batch saves from the old position, then it fails and nothing moves', async () => {
    await version1.transaction(async (m) => {
      await lockCheckpoints(m, ['units']);
      await saveCheckpoints(m, new Map([['units', -1n]]), 5n);
    });
    await expect(version1.transaction((m) => saveCheckpoints(m, new Map([['units', -1n]]), 9n))).rejects.toBeInstanceOf(
      CheckpointConflictError,
    );
    const [row] = await version1.query(`SELECT position::text FROM projection_checkpoints WHERE projection_name = 'units'`);
    expect(row.position).toBe('5');
  });
});
