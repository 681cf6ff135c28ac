import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';
import { PROJECTOR_MAIN as MAIN, startProjectorProcess } from './testing/projector-process.test-support';

const run = promisify(execFile);

interface StatusOutput {
  versions: { version: number; status: string; projectorAlive: boolean }[];
  projections: { version: number; projectionName: string; status: string; holder: string; lagEvents: string; lastError: string | null }[];
}

describe('par-projector CLI (built, against a real PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const projector = (...args: string[]) =>
    run(process.execPath, [MAIN, ...args], { env: { ...process.env, DATABASE_URL: db.url, EVENTSTORE_URL: '', LOG_LEVEL: 'warn' } });

  it('given an empty store, when rebuilt, then it replays nothing and status names the database and every projection', async () => {
    expect((await projector('rebuild')).stdout).toContain('rebuilt the read models from 0 events');
    const status = JSON.parse((await projector('status')).stdout) as { database: string; activeVersion: number; headPosition: string; checkpoints: Record<string, string> };
    expect(status.database).toBe(db.url.replace(/:[^:@/]+@/, ':***@'));
    expect(status.activeVersion).toBe(1);
    expect(status.headPosition).toBe('-1');
    expect(Object.keys(status.checkpoints).sort()).toEqual(['assessments', 'audit_timeline', 'criteria_sets', 'scorecards', 'units']);
  });

  it('given a live projector holding the lease, when rebuilt in place, then the rebuild is refused and writes nothing', async () => {
    const live = startProjectorProcess(db.url);
    try {
      await live.waitForLine(/projection lease acquired/);
      await live.waitForLine(/following live events/);
      const status = JSON.parse((await projector('status')).stdout) as StatusOutput;
      expect(status.versions).toEqual([expect.objectContaining({ version: 1, status: 'active', projectorAlive: true })]);
      expect(status.projections.map((p) => p.projectionName).sort()).toEqual(['assessments', 'audit_timeline', 'criteria_sets', 'scorecards', 'units']);
      for (const state of status.projections) {
        expect(state).toMatchObject({ version: 1, holder: expect.stringContaining(`:${live.pid}:`), lagEvents: '0', lastError: null });
        expect(['catching_up', 'running']).toContain(state.status);
      }
      await expect(projector('rebuild')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('owned by a running projector') });
    } finally {
      live.child.kill('SIGTERM');
      await live.exited;
    }
  });

  it('given no DATABASE_URL and a data folder without a database, when status runs, then it refuses and creates nothing', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'par-no-db-'));
    try {
      const env = { ...process.env, DATABASE_URL: '', EVENTSTORE_URL: '', PAR_DATA_DIR: dataDir };
      await expect(run(process.execPath, [MAIN, 'status'], { env })).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining('holds no embedded PostgreSQL'),
      });
      expect(existsSync(path.join(dataDir, 'pg'))).toBe(false);
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('given a bad setting, when started, then it fails with a clear message and exit code 1', async () => {
    await expect(run(process.execPath, [MAIN, 'status'], { env: { ...process.env, API_PORT: 'eighty' } })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('API_PORT'),
    });
  });
});
