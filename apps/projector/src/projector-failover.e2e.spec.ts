import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';
import { createEventStore, type EventStore } from '@par-index/eventstore';
import {
  eventually,
  registerUnit,
  startProjectorProcess,
  withClient,
  type ProjectorProcess,
} from './testing/projector-process.test-support';

describe('one writer per projection: two `run` processes (built CLI, real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  const processes: ProjectorProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    store = createEventStore({ databaseUrl: db.url });
  });
  afterAll(async () => {
    for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await Promise.all(processes.map((p) => p.exited));
    await store.close();
    await db.drop();
  });

  const unitNames = () =>
    withClient(db.url, async (c) =>
      (await c.query<{ unit_id: string }>('SELECT unit_id FROM units ORDER BY unit_id')).rows.map((r) => r.unit_id),
    );
  const holders = () =>
    withClient(db.url, async (c) =>
      (await c.query<{ holder: string }>('SELECT DISTINCT holder FROM projection_state WHERE version = 1')).rows.map((r) => r.holder),
    );

  it('given a leader and a hot standby, when the leader is killed with SIGKILL, then the standby takes over and projects new events', async () => {
    await registerUnit(store, 'an-giang');
    const first = startProjectorProcess(db.url);
    processes.push(first);
    await first.waitForLine(/projection lease acquired/);
    const second = startProjectorProcess(db.url);
    processes.push(second);
    await second.waitForLine(/standby: another instance holds the projection lease/);
    await eventually(async () => ((await unitNames()).includes('an-giang') ? true : undefined), 'the leader to project an-giang');
    expect(await holders()).toEqual([expect.stringContaining(`:${first.pid}:`)]);
    expect(second.lines.some((line) => line.includes('projection lease acquired'))).toBe(false);

    first.child.kill('SIGKILL');
    await first.exited;
    await second.waitForLine(/projection lease acquired/);
    await registerUnit(store, 'bac-giang');
    await eventually(async () => ((await unitNames()).includes('bac-giang') ? true : undefined), 'the new leader to project bac-giang');
    await eventually(
      async () => ((await holders()).every((h) => h.includes(`:${second.pid}:`)) ? true : undefined),
      'projection_state to name the new holder',
    );
    expect(await unitNames()).toEqual(['an-giang', 'bac-giang']);
  });
});
