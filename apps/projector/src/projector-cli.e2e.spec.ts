import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';
import { PostgresEventStore } from '@par-index/eventstore';
import { ProjectionLease, READ_MODEL_PROJECTION_NAMES } from '@par-index/read-model';
import { Client } from 'pg';
import { PROJECTOR_MAIN as MAIN, startProjectorProcess } from './testing/projector-process.test-support';

const run = promisify(execFile);
const HMAC_KEY = 'projector-cli-test-key-0123456789abcdef';

interface StatusOutput {
  versions: { version: number; status: string; projectorAlive: boolean }[];
  projections: { version: number; projectionName: string; status: string; holder: string; lagEvents: string; lastError: string | null }[];
}

describe('par-projector CLI (built, against a real PostgreSQL)', () => {
  let db: TestDatabase;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'par-index-projector-'));
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const projector = (...args: string[]) =>
    run(process.execPath, [MAIN, ...args], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        PROJECTOR_DATABASE_URL: db.roleUrls.projector,
        PAR_DATA_DIR: dataDir,
        EVENTSTORE_HMAC_KEY: HMAC_KEY,
        EVENTSTORE_ANCHOR_FILE: '',
        EVENTSTORE_URL: '',
        LOG_LEVEL: 'warn',
      },
    });

  it('given an empty store, when rebuilt, then it replays nothing and status names the database and every projection', async () => {
    expect((await projector('rebuild')).stdout).toContain(
      'rebuilt the read models from 0 events into version 2 and switched the API to it (from version 1',
    );
    const status = JSON.parse((await projector('status')).stdout) as {
      database: string;
      activeVersion: number;
      headPosition: string;
      checkpoints: Record<string, string>;
    };
    expect(status.database).toBe(db.roleUrls.projector.replace(/:[^:@/]+@/, ':***@')); // the projector role's login
    expect(status.activeVersion).toBe(2);
    expect(status.headPosition).toBe('-1');
    expect(Object.keys(status.checkpoints).sort()).toEqual(['assessments', 'audit_timeline', 'criteria_sets', 'scorecards', 'units']);
  });

  it('given appended events, when anchored and later truncated by a superuser, then verify reports the truncation (exit 2)', async () => {
    const store = new PostgresEventStore(db.url, { hmacKey: Buffer.from(HMAC_KEY) });
    const metadata = {
      actorId: 'a',
      actorRole: 'admin',
      occurredAt: '2024-03-01T08:00:00.000Z',
      correlationId: 'c',
      causationId: 'c',
      idempotencyKey: 'k',
      schemaVersion: 1,
    };
    await store.appendToStream(
      'cli-unit',
      [0, 1, 2].map((n) => ({ id: randomUUID(), type: 'CliTest', data: { n }, metadata })),
      'any',
    );
    await store.close();
    const anchor = JSON.parse((await projector('anchor')).stdout) as { position: string; streamName: string; hash: string };
    expect(anchor).toMatchObject({ streamName: 'cli-unit', revision: '2', hash: expect.stringMatching(/^hmac-sha256:/) });
    expect(JSON.parse((await projector('verify')).stdout)).toMatchObject({ ok: true, anchor: { position: anchor.position } });

    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    await sql.query('ALTER TABLE eventstore.events DISABLE TRIGGER USER');
    await sql.query(`DELETE FROM eventstore.events WHERE stream_name = 'cli-unit' AND revision = 2`);
    await sql.query(
      `UPDATE eventstore.streams SET revision = 1, last_hash = (SELECT hash FROM eventstore.events WHERE stream_name = 'cli-unit' AND revision = 1)`,
    );
    await sql.query('ALTER TABLE eventstore.events ENABLE TRIGGER USER');
    await sql.end();
    const failed = await projector('verify').then(
      () => undefined,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(JSON.parse(failed!.stdout).firstBrokenLink).toMatchObject({
      reason: 'truncated',
      anchoredPosition: anchor.position,
      streamName: 'cli-unit',
      revision: '2',
    });
  });

  it('given DATABASE_URL without EVENTSTORE_HMAC_KEY, when started, then it refuses naming the key', async () => {
    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      PAR_DATA_DIR: dataDir,
      EVENTSTORE_HMAC_KEY: '',
      EVENTSTORE_URL: '',
      LOG_LEVEL: 'warn',
    };
    await expect(run(process.execPath, [MAIN, 'status'], { env })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('EVENTSTORE_HMAC_KEY is not set'),
    });
  });

  it('given a live projector, then status shows it holding the lease, health passes, and a version it writes cannot be switched to by anyone else', async () => {
    const live = startProjectorProcess(db.url);
    try {
      await live.waitForLine(/projection lease acquired/);
      await live.waitForLine(/following live events/);
      const status = JSON.parse((await projector('status')).stdout) as StatusOutput;
      expect(status.versions).toEqual([
        expect.objectContaining({ version: 1, status: 'previous', projectorAlive: false }),
        expect.objectContaining({ version: 2, status: 'active', projectorAlive: true }),
      ]);
      expect(status.projections.map((p) => p.projectionName).sort()).toEqual([
        'assessments',
        'audit_timeline',
        'criteria_sets',
        'scorecards',
        'units',
      ]);
      for (const state of status.projections) {
        expect(state).toMatchObject({ version: 2, holder: expect.stringContaining(`:${live.pid}:`), lagEvents: '0', lastError: null });
        expect(['catching_up', 'running']).toContain(state.status);
      }
      expect((await projector('health')).stdout).toContain('version 2 has a live projector');
      expect((await projector('rebuild', '--no-switch')).stdout).toMatch(/built read-model version 3 from \d+ events \(not switched/);
      const someoneElse = new ProjectionLease(db.url, 3, READ_MODEL_PROJECTION_NAMES);
      expect(await someoneElse.tryAcquire()).toBe(true);
      await expect(projector('switch', '--to', 'v3')).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining('version 3 is being written by another instance'),
      });
      await someoneElse.release();
      await expect(projector('switch', '--to', 'v2')).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining('is being written by another instance'),
      });
    } finally {
      live.child.kill('SIGTERM');
      await live.exited;
    }
    await expect(projector('health')).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('no projector holds the lease of version 2'),
    });
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
