import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';
import { createEventStore, type EventStore } from '@par-index/eventstore';
import { READ_MODEL_PROJECTION_NAMES, READ_MODEL_TABLES } from '@par-index/read-model';
import { Client } from 'pg';
import {
  appendEvent,
  eventually,
  PROJECTOR_MAIN,
  startProjectorProcess,
  TEST_CHAIN_ENV,
  withClient,
  type ProjectorProcess,
} from './testing/projector-process.test-support';
import { DISTRICT_SET, districtId } from './testing/district-set.test-support';

const run = promisify(execFile);
const UNITS = 12;
const TABLES = READ_MODEL_TABLES.filter((table) => table !== 'projection_checkpoints');
const set = DISTRICT_SET;
const unitId = districtId;
const score = (store: EventStore, i: number, leafCode: string, value: number) =>
  appendEvent(store, `assessment-${unitId(i)}-2024`, 'SelfScoreRecorded', {
    leafCode,
    score: value,
    evidenceRefs: [],
    note: null,
    previousScore: null,
  });

/** Reads what the API reads (the public views) until stopped; counts answers that are empty, partial or errors. */
function startPoller(databaseUrl: string) {
  const stats = { polls: 0, bad: [] as string[] };
  let running = true;
  const done = (async () => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      while (running) {
        try {
          const {
            rows: [r],
          } = await client.query<{ cards: number; ranked: number; units: number; assessments: number }>(
            `SELECT (SELECT count(*)::int FROM scorecards WHERE year = 2024 AND level = 'district' AND group_code = 'g') AS cards,
                    (SELECT count(*)::int FROM scorecards WHERE rank BETWEEN 1 AND ${UNITS} AND group_size = ${UNITS}) AS ranked,
                    (SELECT count(*)::int FROM units) AS units, (SELECT count(*)::int FROM assessments) AS assessments`,
          );
          if (r!.cards !== UNITS || r!.ranked !== UNITS || r!.units !== UNITS || r!.assessments !== UNITS)
            stats.bad.push(JSON.stringify(r));
        } catch (error) {
          stats.bad.push(String(error));
        }
        stats.polls += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    } finally {
      await client.end();
    }
  })();
  return { stats, stop: async () => ((running = false), await done) };
}

describe('rebuild while the live projector runs and scores flow (built CLI, real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let live: ProjectorProcess;
  // least privilege as in production: the CLI and `run` write as the projector role, the poller reads the API's views
  const roleEnv = () => ({ PROJECTOR_DATABASE_URL: db.roleUrls.projector });
  const cli = (...args: string[]) =>
    run(process.execPath, [PROJECTOR_MAIN, ...args], {
      env: { ...process.env, DATABASE_URL: db.url, EVENTSTORE_URL: '', LOG_LEVEL: 'warn', ...TEST_CHAIN_ENV, ...roleEnv() },
    });
  const checksum = (version: number, table: string) =>
    withClient(
      db.url,
      async (c) =>
        (await c.query(`SELECT md5(COALESCE(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM rm_v${version}.${table} t`)).rows[0]
          .sum as string,
    );
  const activeCaughtUp = async () => {
    const head = await store.headPosition();
    const rows = await withClient(
      db.url,
      async (c) => (await c.query<{ position: string }>('SELECT position::text FROM projection_checkpoints')).rows,
    );
    return rows.length === READ_MODEL_PROJECTION_NAMES.length && rows.every((r) => BigInt(r.position) >= head) ? true : undefined;
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
      for (let n = 0; n < 5; n += 1) await score(store, i, n % 2 ? 'L2' : 'L1', (i * 7 + n * 13) % 400);
    }
    live = startProjectorProcess(db.url, ['run'], roleEnv());
    await live.waitForLine(/following live events/);
    await eventually(activeCaughtUp, 'the live projector to catch up');
  });
  afterAll(async () => {
    live.child.kill('SIGTERM');
    await live.exited;
    await store.close();
    await db.drop();
  });

  it('given mutations and readers throughout, when rebuilt and switched, then readers never saw an empty or partial answer and the tables equal a clean rebuild', async () => {
    const poller = startPoller(db.url);
    let writing = true;
    let written = 0;
    const writer = (async () => {
      for (let n = 0; writing; n += 1) {
        await score(store, n % UNITS, n % 2 ? 'L1' : 'L2', (n * 31) % 400);
        written += 1;
        // a steady flow the live projector keeps up with on a shared CI machine (not a load test)
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    const { stdout } = await cli('rebuild');
    expect(stdout).toContain('into version 2 and switched the API to it (from version 1');
    const progressLines = stdout.split('\n').filter((line) => line.startsWith('{"progress"'));
    for (const line of progressLines) expect(JSON.parse(line)).toMatchObject({ progress: 'rebuild', version: 2 });
    const writtenAtSwitch = written;
    await eventually(async () => (written > writtenAtSwitch + 20 ? true : undefined), 'more mutations after the switch');
    writing = false;
    await writer;
    await eventually(activeCaughtUp, 'the live projector to follow version 2 to the head');
    await poller.stop();

    expect(poller.stats.bad).toEqual([]);
    expect(poller.stats.polls).toBeGreaterThan(0);
    expect((await cli('rebuild', '--no-switch')).stdout).toContain('built read-model version 3');
    for (const table of TABLES) expect([table, await checksum(2, table)]).toEqual([table, await checksum(3, table)]);
    const diff = JSON.parse((await cli('diff', '--from', 'v2', '--to', 'v3')).stdout) as { scorecardsCompared: number; changed: number };
    expect(diff).toMatchObject({ scorecardsCompared: UNITS, changed: 0 });
  }, 300_000);
});
