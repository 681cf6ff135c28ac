import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@par-index/config';
import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';
import { Client } from 'pg';
import { startPlatform, type Platform } from './platform';

const at = '2024-03-01T08:00:00.000Z';
const metadata = {
  actorId: 't',
  actorRole: 'admin',
  occurredAt: at,
  correlationId: 'c',
  causationId: 'c',
  idempotencyKey: 'k',
  schemaVersion: 1,
};

/** eventstore.append_events with no events, expecting stream 'x' not to exist */
const APPEND_NOTHING = `'{x}', '{-1}', '{NULL}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}'`;

async function as<T = unknown>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // every statement in its own transaction, rolled back: an allowed write leaves nothing behind
    await client.query('BEGIN');
    const { rows } = await client.query(sql);
    return rows as T[];
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

/** ALTER/DISABLE TRIGGER need ownership: PostgreSQL says "must be owner", with the same SQLSTATE 42501. */
async function expectDenied(url: string, sql: string): Promise<void> {
  await expect(as(url, sql)).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/permission denied|must be owner/) });
}

describe('least-privileged PostgreSQL roles (real PostgreSQL, platform started as in production)', () => {
  let db: TestDatabase;
  let platform: Platform;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'par-index-privileges-'));

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({
      DATABASE_URL: db.url,
      EVENTSTORE_DATABASE_URL: db.roleUrls.writer,
      PROJECTOR_DATABASE_URL: db.roleUrls.projector,
      API_DATABASE_URL: db.roleUrls.reader,
      PAR_DATA_DIR: dataDir,
      EVENTSTORE_HMAC_KEY: 'privileges-test-key-0123456789abcdef',
      LOG_LEVEL: 'silent',
      EVENTSTORE_ANCHOR_INTERVAL_SECONDS: '0',
    });
    platform = await startPlatform(config, { runProjector: true });
    const { position } = await platform.eventStore.appendToStream(
      'unit-hanoi',
      [
        {
          id: randomUUID(),
          type: 'UnitRegistered',
          metadata,
          data: { at, by: 't', unitId: 'hanoi', name: 'Ha Noi', level: 'province', group: 'provinces', region: null, parentUnitId: null },
        },
      ],
      'no_stream',
    );
    await platform.projector!.daemon!.waitFor(position);
  });
  afterAll(async () => {
    await platform.stop();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the running platform connects as the least-privileged login roles, none of them a superuser', async () => {
    const [reader] = await platform.readModel.query('SELECT current_user AS user, rolsuper FROM pg_roles WHERE rolname = current_user');
    expect(reader).toEqual({ user: expect.stringMatching(/_reader$/), rolsuper: false });
    const sessions = await as<{ usename: string; rolsuper: boolean }>(
      db.url,
      `SELECT DISTINCT a.usename, r.rolsuper FROM pg_stat_activity a JOIN pg_roles r ON r.rolname = a.usename
       WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() ORDER BY a.usename`,
    );
    expect(sessions.map((s) => s.usename.replace(/^test_[0-9a-f]+_/, ''))).toEqual(['projector', 'reader', 'writer']);
    expect(sessions.every((s) => !s.rolsuper)).toBe(true);
  });

  it('only the owner owns the tables; the login roles cannot create roles, databases or objects', async () => {
    const owners = await as<{ owner: string }>(
      db.url,
      `SELECT DISTINCT pg_get_userbyid(c.relowner) AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname IN ('public', 'eventstore', 'rm_v1') AND c.relkind IN ('r', 'v', 'S')`,
    );
    expect(owners).toEqual([{ owner: new URL(db.url).username }]);
    for (const url of Object.values(db.roleUrls)) {
      expect(await as(url, 'SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user')).toEqual([
        { rolsuper: false, rolcreaterole: false, rolcreatedb: false },
      ]);
      await expectDenied(url, 'CREATE TABLE eventstore.sneaky (x int)');
      await expectDenied(url, 'CREATE TABLE public.sneaky (x int)');
    }
  });

  it('the event-store writer may INSERT and SELECT events, and nothing else', async () => {
    const writer = db.roleUrls.writer;
    expect(await as(writer, 'SELECT count(*)::int AS n FROM eventstore.events')).toEqual([{ n: 1 }]);
    await expect(
      as(
        writer,
        `INSERT INTO eventstore.events (stream_name, revision, event_id, type, data, metadata, hash)
      VALUES ('x', 0, gen_random_uuid(), 'T', '{}', '{}', 'h')`,
      ),
    ).resolves.toEqual([]);
    await expectDenied(writer, `UPDATE eventstore.events SET type = 'Forged'`);
    await expectDenied(writer, 'DELETE FROM eventstore.events');
    await expectDenied(writer, 'TRUNCATE eventstore.events');
    await expectDenied(writer, 'ALTER TABLE eventstore.events DISABLE TRIGGER events_append_only');
    await expectDenied(writer, 'ALTER TABLE eventstore.events DISABLE TRIGGER ALL');
    await expectDenied(writer, 'ALTER TABLE eventstore.events ADD COLUMN note text');
    await expectDenied(writer, 'DROP TABLE eventstore.events');
    await expectDenied(writer, 'DELETE FROM eventstore.streams');
    await expectDenied(writer, 'TRUNCATE eventstore.streams');
    await expectDenied(writer, `UPDATE eventstore.streams SET stream_name = 'renamed'`);
    await expectDenied(writer, 'SELECT * FROM units');
    await expectDenied(writer, 'SELECT * FROM rm_v1.units');
    await expectDenied(writer, `INSERT INTO projection_checkpoints VALUES ('x', 0, now())`);
    // the one-statement append (runs with the caller's own privileges): an empty call checks a head, writes nothing
    expect(await as(writer, `SELECT count(*)::int AS n FROM eventstore.append_events(${APPEND_NOTHING})`)).toEqual([{ n: 0 }]);
  });

  it('the projector reads events and writes the versioned read models and its state, but cannot write events', async () => {
    const projector = db.roleUrls.projector;
    expect(await as(projector, 'SELECT type FROM eventstore.events')).toEqual([{ type: 'UnitRegistered' }]);
    expect(await as(projector, `UPDATE rm_v1.units SET name = 'x' RETURNING unit_id`)).toEqual([{ unit_id: 'hanoi' }]);
    await expect(as(projector, 'DELETE FROM rm_v1.scorecards')).resolves.toEqual([]);
    await expect(as(projector, 'TRUNCATE rm_v1.assessments')).resolves.toEqual([]);
    await expect(as(projector, `UPDATE rm_v1.projection_checkpoints SET position = 0`)).resolves.toEqual([]);
    await expect(as(projector, `UPDATE projection_state SET lag_events = 0`)).resolves.toEqual([]);
    expect(await as(projector, 'SELECT unit_id FROM units')).toEqual([{ unit_id: 'hanoi' }]);
    await expectDenied(projector, `UPDATE units SET name = 'x'`); // the API's view: read-only
    await expectDenied(projector, 'UPDATE read_model_active SET version = 1'); // switching versions is the owner's
    await expectDenied(projector, 'DROP VIEW units');
    await expectDenied(projector, 'ALTER TABLE rm_v1.units ADD COLUMN note text');
    await expectDenied(projector, 'DROP TABLE rm_v1.units');
    await expectDenied(projector, 'CREATE TABLE rm_v1.sneaky (x int)');
    await expectDenied(
      projector,
      `INSERT INTO eventstore.events (stream_name, revision, event_id, type, data, metadata, hash)
      VALUES ('x', 0, gen_random_uuid(), 'T', '{}', '{}', 'h')`,
    );
    await expectDenied(projector, `UPDATE eventstore.events SET type = 'Forged'`);
    await expectDenied(projector, 'DELETE FROM eventstore.events');
    await expectDenied(projector, 'TRUNCATE eventstore.events');
    await expectDenied(projector, `UPDATE eventstore.streams SET revision = 0`);
    await expectDenied(projector, 'ALTER TABLE eventstore.events DISABLE TRIGGER events_append_only');
    await expectDenied(projector, 'DELETE FROM read_model_migrations');
    await expectDenied(projector, `SELECT * FROM eventstore.append_events(${APPEND_NOTHING})`);
  });

  it('a role URL that logs in as a superuser is refused at start', async () => {
    const base = {
      DATABASE_URL: db.url,
      EVENTSTORE_DATABASE_URL: db.roleUrls.writer,
      PAR_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      EVENTSTORE_HMAC_KEY: 'privileges-test-key-0123456789abcdef',
    };
    await expect(startPlatform(loadConfig({ ...base, API_DATABASE_URL: db.url }), { runProjector: false })).rejects.toThrow(
      /reader connection \(API_DATABASE_URL\) logs in as \w+, a superuser/,
    );
  });

  it('the API reader only reads the read models', async () => {
    const reader = db.roleUrls.reader;
    expect(await as(reader, 'SELECT unit_id FROM units')).toEqual([{ unit_id: 'hanoi' }]);
    expect((await as(reader, 'SELECT projection_name FROM projection_checkpoints')).length).toBe(5);
    expect(Array.isArray(await as(reader, 'SELECT position, event_type FROM audit_timeline'))).toBe(true);
    await expectDenied(reader, 'DELETE FROM audit_timeline');
    await expectDenied(
      reader,
      `INSERT INTO units (unit_id, name, level, group_code, status, updated_at) VALUES ('x', 'x', 'x', 'x', 'x', 'x')`,
    );
    await expectDenied(reader, `UPDATE scorecards SET rank = 1`);
    await expectDenied(reader, 'DELETE FROM units');
    await expectDenied(reader, 'TRUNCATE rm_v1.units');
    await expectDenied(reader, `UPDATE projection_checkpoints SET position = 0`);
    await expectDenied(reader, 'ALTER VIEW units RENAME TO sneaky');
    await expectDenied(reader, 'SELECT * FROM rm_v1.units');
    await expectDenied(reader, `UPDATE rm_v1.units SET name = 'x'`);
    await expectDenied(reader, `UPDATE projection_state SET status = 'resuming'`);
    await expectDenied(reader, 'UPDATE read_model_active SET version = 1');
    await expectDenied(reader, 'SELECT * FROM eventstore.events');
    await expectDenied(reader, `SELECT * FROM eventstore.append_events(${APPEND_NOTHING})`);
    await expectDenied(
      reader,
      `INSERT INTO eventstore.events (stream_name, revision, event_id, type, data, metadata, hash)
      VALUES ('x', 0, gen_random_uuid(), 'T', '{}', '{}', 'h')`,
    );
  });
});
