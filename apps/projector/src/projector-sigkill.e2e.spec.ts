import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';
import { createEventStore, type EventStore } from '@par-index/eventstore';
import { READ_MODEL_PROJECTION_NAMES, READ_MODEL_TABLES } from '@par-index/read-model';
import {
  appendEvent,
  eventually,
  PROJECTOR_MAIN,
  startProjectorProcess,
  TEST_CHAIN_ENV,
  withClient,
} from './testing/projector-process.test-support';
import { DISTRICT_SET, districtId } from './testing/district-set.test-support';

const run = promisify(execFile);
const UNITS = 40;
const SCORES_PER_UNIT = 25;
const KILLS = 20;
const TABLES = READ_MODEL_TABLES.filter((table) => table !== 'projection_checkpoints');
const set = DISTRICT_SET;
const unitId = districtId;

/** A seeded PRNG (mulberry32), so the kill moments are random but every run kills at the same ones. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('SIGKILL at random moments during catch-up and during a rebuild (built CLI, real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  const random = seeded(20261123);
  const env = () => ({ PROJECTOR_DATABASE_URL: db.roleUrls.projector });
  const cli = (...args: string[]) =>
    run(process.execPath, [PROJECTOR_MAIN, ...args], {
      env: { ...process.env, DATABASE_URL: db.url, EVENTSTORE_URL: '', LOG_LEVEL: 'warn', ...TEST_CHAIN_ENV, ...env() },
    });
  const checksum = (version: number, table: string) =>
    withClient(
      db.url,
      async (c) =>
        (await c.query(`SELECT md5(COALESCE(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM rm_v${version}.${table} t`)).rows[0]
          .sum as string,
    );
  const checkpointsAtHead = async (version: number) => {
    const head = await store.headPosition();
    const rows = await withClient(
      db.url,
      async (c) => (await c.query<{ position: string }>(`SELECT position::text FROM rm_v${version}.projection_checkpoints`)).rows,
    );
    return rows.length === READ_MODEL_PROJECTION_NAMES.length && rows.every((r) => BigInt(r.position) >= head) ? true : undefined;
  };
  const killAfter = async (args: string[], ready: RegExp) => {
    const child = startProjectorProcess(db.url, args, env());
    await child.waitForLine(ready, 60_000).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 400)));
    child.child.kill('SIGKILL');
    return child.exited;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    store = createEventStore({ databaseUrl: db.url });
    await appendEvent(store, `criteria-set-${set.code}`, 'CriteriaSetPublished', { version: 1, name: 'Districts 2024', criteriaSet: set });
    for (let i = 0; i < UNITS; i += 1) {
      await appendEvent(store, `unit-${unitId(i)}`, 'UnitRegistered', {
        unitId: unitId(i),
        name: unitId(i),
        level: 'district',
        group: 'g',
        region: null,
        parentUnitId: null,
      });
      await appendEvent(store, `assessment-${unitId(i)}-2024`, 'AssessmentOpened', {
        unitId: unitId(i),
        year: 2024,
        level: 'district',
        group: 'g',
        criteriaSetCode: set.code,
        criteriaSetVersion: 1,
        maxTotal: 1000,
      });
      for (let n = 0; n < SCORES_PER_UNIT; n += 1) {
        await appendEvent(store, `assessment-${unitId(i)}-2024`, 'SelfScoreRecorded', {
          leafCode: n % 2 ? 'L2' : 'L1',
          score: (i * 7 + n * 13) % 400,
          evidenceRefs: [],
          note: null,
          previousScore: null,
        });
      }
    }
  }, 120_000);
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it(`given ${KILLS} kills while the projector catches up, when it finally runs to the head, then every table equals a clean rebuild`, async () => {
    for (let k = 0; k < KILLS; k += 1) await killAfter(['run'], /projection lease acquired/);
    const survivor = startProjectorProcess(db.url, ['run'], env());
    await eventually(() => checkpointsAtHead(1), 'the projector to reach the head after the kills', { timeoutMs: 120_000 });
    survivor.child.kill('SIGTERM');
    await survivor.exited;

    const { stdout } = await cli('rebuild', '--no-switch');
    const clean = Number(/built read-model version (\d+)/.exec(stdout)![1]);
    for (const table of TABLES) expect([table, await checksum(1, table)]).toEqual([table, await checksum(clean, table)]);
    const units = await withClient(
      db.url,
      async (c) => (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM scorecards')).rows[0]!.n,
    );
    expect(units).toBe(UNITS);
  }, 600_000);

  it(`given ${KILLS} kills during rebuilds, then the live version keeps serving, and the next rebuild equals the live tables`, async () => {
    for (let k = 0; k < KILLS; k += 1) await killAfter(['rebuild', '--no-switch'], /"progress"|rebuild/);
    const active = await withClient(
      db.url,
      async (c) => (await c.query<{ version: number }>('SELECT version FROM read_model_active WHERE id = 1')).rows[0]!.version,
    );
    expect(active).toBe(1);
    const served = await withClient(
      db.url,
      async (c) =>
        (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM scorecards WHERE rank BETWEEN 1 AND $1', [UNITS])).rows[0]!.n,
    );
    expect(served).toBe(UNITS);

    const { stdout } = await cli('rebuild', '--no-switch');
    const rebuilt = Number(/built read-model version (\d+)/.exec(stdout)![1]);
    await eventually(() => checkpointsAtHead(rebuilt), 'the rebuilt version to be at the head');
    for (const table of TABLES) expect([table, await checksum(1, table)]).toEqual([table, await checksum(rebuilt, table)]);
    const status = JSON.parse((await cli('status')).stdout) as { versions: { version: number; status: string }[] };
    expect(status.versions.filter((v) => v.status === 'active').map((v) => v.version)).toEqual([1]);
  }, 600_000);
});
