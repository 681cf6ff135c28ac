import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';
import { createEventStore, type EventStore } from '@par-index/eventstore';
import {
  appendEvent,
  eventually,
  PROJECTOR_MAIN,
  registerUnit,
  startProjectorProcess,
  withClient,
  TEST_CHAIN_ENV,
} from './testing/projector-process.test-support';

const run = promisify(execFile);

interface StateRow {
  projectionName: string;
  status: string;
  poisonPosition: string | null;
  lastError: string | null;
}

describe('poison event through the CLI: failed in status, skip recorded, resume continues (built CLI, real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = createEventStore({ databaseUrl: db.url });
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  const cli = (...args: string[]) =>
    run(process.execPath, [PROJECTOR_MAIN, ...args], {
      env: { ...process.env, DATABASE_URL: db.url, EVENTSTORE_URL: '', LOG_LEVEL: 'warn', ...TEST_CHAIN_ENV },
    });
  const states = async () => (JSON.parse((await cli('status')).stdout) as { projections: StateRow[] }).projections;

  it('given an event no projection can apply, then run marks it failed with its position until skipped and resumed', async () => {
    await registerUnit(store, 'an-giang');
    // an assessment event on a stream that is not an assessment stream: the assessments projection throws
    const poison = await appendEvent(store, 'assessment-without-year', 'AssessmentReopened', { reason: 'broken' });
    await registerUnit(store, 'ca-mau');
    const projector = startProjectorProcess(db.url);
    try {
      const failed = await eventually(async () => {
        const rows = await states();
        return rows.some((r) => r.status === 'failed') ? rows.find((r) => r.status === 'failed') : undefined;
      }, 'a failed projection in status');
      expect(failed).toMatchObject({
        projectionName: 'assessments',
        poisonPosition: poison.position.toString(),
        lastError: expect.stringContaining('is not a assessment stream'),
      });

      expect(
        (
          await cli(
            'skip',
            '--position',
            poison.position.toString(),
            '--reason',
            'malformed stream name from a 2019 import',
            '--by',
            'ops-on-call',
          )
        ).stdout,
      ).toContain('it is the recorded poison event');
      expect((await cli('resume')).stdout).toContain('resume requested for 5 projection(s) of version 1');
      await eventually(
        async () => ((await states()).every((r) => r.status === 'running') ? true : undefined),
        'every projection running again',
      );
      const units = await withClient(db.url, async (c) =>
        (await c.query<{ unit_id: string }>('SELECT unit_id FROM units ORDER BY unit_id')).rows.map((r) => r.unit_id),
      );
      expect(units).toEqual(['an-giang', 'ca-mau']);
      const skips = await withClient(
        db.url,
        async (c) => (await c.query('SELECT position::text, reason, skipped_by FROM projection_skips')).rows,
      );
      expect(skips).toEqual([
        { position: poison.position.toString(), reason: 'malformed stream name from a 2019 import', skipped_by: 'ops-on-call' },
      ]);
    } finally {
      projector.child.kill('SIGTERM');
      await projector.exited;
    }
  });
});
