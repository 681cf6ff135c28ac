import { eventually } from '@par-index/config/testing';
import { randomUUID } from 'node:crypto';
import { createEventStore, type EventStore } from '@par-index/eventstore';
import { openReadModel, recordSkip, requestResume } from '@par-index/read-model';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { startRunningApi, type RunningApi } from '../testing/running-api.test-support';

const at = '2024-03-01T08:00:00.000Z';
const appendRaw = (store: EventStore, stream: string, type: string, data: Record<string, unknown>) =>
  store.appendToStream(
    stream,
    [
      {
        id: randomUUID(),
        type,
        data: { at, by: 'tester', ...data },
        metadata: {
          actorId: 'tester',
          actorRole: 'admin',
          occurredAt: at,
          correlationId: 'c',
          causationId: 'c',
          idempotencyKey: randomUUID(),
          schemaVersion: 1,
        },
      },
    ],
    'any',
  );

async function health(api: RunningApi, path: 'live' | 'ready') {
  const response = await fetch(api.url.replace(/\/graphql$/, `/health/${path}`));
  return {
    status: response.status,
    body: (await response.json()) as { status: string; info?: Record<string, unknown>; error?: Record<string, Record<string, unknown>> },
  };
}

const registerUnit = (unitId: string) =>
  `mutation { registerUnit(input:{unitId:"${unitId}", name:"${unitId}", level:"province", group:"provinces", region:"North"}) { projected notProjectedReason } }`;

describe('health endpoints (built API, real PostgreSQL)', () => {
  let api: RunningApi;
  let store: EventStore;
  let control: DataSource;
  beforeAll(async () => {
    api = await startRunningApi();
    store = createEventStore({ databaseUrl: api.database.url });
    control = await openReadModel(api.database.url, { poolSize: 2 });
  });
  afterAll(async () => {
    await control.destroy();
    await store.close();
    await api.stop();
  });

  it('given a running API, then /health/live and /health/ready answer 200', async () => {
    expect(await health(api, 'live')).toMatchObject({ status: 200, body: { status: 'ok' } });
    const ready = await health(api, 'ready');
    expect(ready).toMatchObject({
      status: 200,
      body: { status: 'ok', info: { database: { status: 'up' }, projections: { status: 'up', version: 1, lagEvents: 0 } } },
    });
  });

  it('given a poison event, then ready answers 503 naming it, mutations answer projected: false with the reason, and skip + resume recover', async () => {
    const poison = await appendRaw(store, 'assessment-without-year', 'AssessmentReopened', { reason: 'broken' });
    const down = await eventually(
      async () => ((await health(api, 'ready')).status === 503 ? health(api, 'ready') : undefined),
      'ready to fail',
    );
    expect(down.body.error!.projections).toMatchObject({ status: 'down', poisonPosition: poison.position.toString() });

    const answer = await api.gql<{ registerUnit: { projected: boolean; notProjectedReason: string | null } }>(registerUnit('lang-son'));
    expect(answer.data!.registerUnit).toEqual({
      projected: false,
      notProjectedReason: expect.stringContaining(`failed at position ${poison.position}`),
    });

    await recordSkip(control.manager, 1, poison.position, 'malformed stream name', 'e2e');
    await requestResume(control.manager, 1);
    await eventually(async () => ((await health(api, 'ready')).status === 200 ? true : undefined), 'ready to recover');
    expect((await api.gql<{ registerUnit: { projected: boolean } }>(registerUnit('cao-bang'))).data!.registerUnit.projected).toBe(true);
  });

  it('given the database refusing connections, then ready answers 503 (database down) and recovers with it', async () => {
    const name = new URL(api.database.url).pathname.slice(1);
    const admin = new Client({ connectionString: process.env.PAR_TEST_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      const down = await eventually(async () => {
        const ready = await health(api, 'ready');
        return ready.status === 503 && ready.body.error?.database ? ready : undefined;
      }, 'ready to report the database down');
      expect(down.body.error!.database).toMatchObject({ status: 'down', message: expect.stringContaining('does not answer') });
      expect((await health(api, 'live')).status).toBe(200);
    } finally {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    await eventually(async () => ((await health(api, 'ready')).status === 200 ? true : undefined), 'ready after the database is back');
  });

  it('given no projector and a lag bound of 0 events, when an event is appended, then ready answers 503 with the lag', async () => {
    const lagging = await startRunningApi({ env: { RUN_PROJECTOR: 'false', READY_MAX_LAG_EVENTS: '0' } });
    try {
      await lagging.gql(registerUnit('ha-giang'));
      const ready = await health(lagging, 'ready');
      expect(ready.status).toBe(503);
      expect(ready.body.error!.projections).toMatchObject({ status: 'down', message: expect.stringContaining('READY_MAX_LAG_EVENTS=0') });
    } finally {
      await lagging.stop();
    }
  });
});
