import { randomUUID } from 'node:crypto';
import { createTestDatabase, eventually, type TestDatabase } from '@par-index/config/testing';
import { createEventStore, type EventStore } from '@par-index/eventstore';
import type { DataSource } from 'typeorm';
import { openReadModel } from '../data-source';
import { UnitEntity } from '../entities';
import { unitsProjection } from '../projections';
import type { AnyProjection } from './projection';
import { ProjectorRunner } from './projector-runner';
import { readProjectionStates, recordSkip, requestResume } from './projection-state';
import { waitForCheckpoints } from './wait-for-checkpoints';

const at = '2024-03-01T08:00:00.000Z';
const append = (store: EventStore, stream: string, type: string, data: Record<string, unknown>) =>
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
const register = (store: EventStore, unitId: string) =>
  append(store, `unit-${unitId}`, 'UnitRegistered', {
    unitId,
    name: unitId,
    level: 'province',
    group: 'provinces',
    region: null,
    parentUnitId: null,
  });

// The units projection, except that it cannot digest one unit (a bug shipped in a projection).
const poisoned: AnyProjection = {
  ...unitsProjection,
  evolve: (row, event) => {
    if ((event.data as { unitId?: string }).unitId === 'poison') throw new Error('cannot project unit poison');
    return unitsProjection.evolve(row, event);
  },
};

describe('error policy: retry, poison event recorded, skip and resume (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let control: DataSource;
  let runner: ProjectorRunner;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = createEventStore({ databaseUrl: db.url });
    control = await openReadModel(db.url);
    runner = new ProjectorRunner({
      databaseUrl: db.url,
      store,
      control,
      projections: [poisoned],
      derived: [],
      pollMs: 50,
      daemon: { maxAttempts: 2, retryDelayMs: 1 },
    });
  });
  afterAll(async () => {
    await runner.stop();
    await control.destroy();
    await store.close();
    await db.drop();
  });

  const unitIds = async () => (await control.getRepository(UnitEntity).find({ order: { unitId: 'ASC' } })).map((u) => u.unitId);
  const unitsState = async () => (await readProjectionStates(control.manager, 1)).find((s) => s.projectionName === 'units');

  it('given a projection that throws on one event, then it is marked failed at that position, skip is recorded and resume continues', async () => {
    await register(store, 'an-giang');
    const poison = await register(store, 'poison');
    const after = await register(store, 'ca-mau');
    await runner.start();

    const failed = await eventually(async () => ((await unitsState())?.status === 'failed' ? unitsState() : undefined), 'the failed state');
    expect(failed).toMatchObject({
      poisonPosition: poison.position.toString(),
      lastError: expect.stringContaining('cannot project unit poison'),
    });
    expect(await unitIds()).toEqual(['an-giang']);
    expect(await waitForCheckpoints(control, ['units'], after.position, 60_000)).toEqual({
      projected: false,
      reason: expect.stringContaining(`projection units failed at position ${poison.position}`),
    });

    await recordSkip(control.manager, 1, poison.position, 'unit poison was registered by a test fixture', 'ops');
    expect(await requestResume(control.manager, 1)).toBe(1);
    expect(await waitForCheckpoints(control, ['units'], after.position, 60_000)).toEqual({ projected: true });
    expect(await unitIds()).toEqual(['an-giang', 'ca-mau']);
    const [skip] = await control.query('SELECT position::text, reason, skipped_by FROM public.projection_skips');
    expect(skip).toEqual({
      position: poison.position.toString(),
      reason: 'unit poison was registered by a test fixture',
      skipped_by: 'ops',
    });
    await eventually(async () => ((await unitsState())?.status === 'running' ? true : undefined), 'the running state');
  });

  it('given an event for a row that does not exist, then it is flagged in projection_state, not dropped silently', async () => {
    const orphan = await append(store, 'unit-nowhere', 'UnitRenamed', { name: 'Nowhere', previousName: 'Nil' });
    expect(await waitForCheckpoints(control, ['units'], orphan.position, 60_000)).toEqual({ projected: true });
    expect(await unitsState()).toMatchObject({ droppedEvents: '1', lastDroppedPosition: orphan.position.toString() });
  });
});
