import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';
import { createEventStore, type EventStore } from '@par-index/eventstore';
import type { CriteriaSet } from '@par-index/scoring';
import type { DataSource } from 'typeorm';
import { openReadModel, openReadModelVersion } from '../data-source';
import { AssessmentEntity, ScorecardEntity } from '../entities';
import { readCheckpoints } from '../runtime/checkpoints';
import { buildVersion, createVersion, switchTo } from '../versions/blue-green';
import type { OpsContext } from '../versions/version-writer';
import { createProjectionDaemon } from './index';

const at = '2024-03-01T08:00:00.000Z';
const set: CriteriaSet = {
  code: 'PAR-2024-district',
  year: 2024,
  level: 'district',
  version: 1,
  maxTotal: 1000,
  fields: [
    {
      type: 'group',
      code: 'F1',
      name: 'Direction',
      max: 1000,
      children: [
        { type: 'leaf', code: 'L1', name: 'Plan', max: 600, scoring: { kind: 'appraised' } },
        { type: 'leaf', code: 'L2', name: 'Reports', max: 400, scoring: { kind: 'appraised' } },
      ],
    },
  ],
};

function append(
  store: EventStore,
  stream: string,
  type: string,
  data: Record<string, unknown>,
  schemaVersion = type === 'SelfScoreRecorded' ? 2 : 1,
) {
  return store.appendToStream(
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
          schemaVersion,
        },
      },
    ],
    'any',
  );
}

async function openAssessment(store: EventStore, unitId: string, selfScores: Record<string, number>) {
  await append(store, `unit-${unitId}`, 'UnitRegistered', {
    unitId,
    name: unitId,
    level: 'district',
    group: 'ha-tinh:districts',
    region: null,
    parentUnitId: 'ha-tinh',
  });
  const stream = `assessment-${unitId}-2024`;
  await append(store, stream, 'AssessmentOpened', {
    unitId,
    year: 2024,
    level: 'district',
    group: 'ha-tinh:districts',
    criteriaSetCode: set.code,
    criteriaSetVersion: 1,
    maxTotal: 1000,
  });
  for (const [leafCode, score] of Object.entries(selfScores)) {
    await append(store, stream, 'SelfScoreRecorded', { leafCode, score, evidenceRefs: [], note: null, previousScore: null });
  }
}

describe('projection daemon (real PostgreSQL event store and read model)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let readModel: DataSource;
  let control: DataSource;
  const daemonOf = () => createProjectionDaemon(store, readModel, { version: 1, holder: 'test' });

  beforeAll(async () => {
    db = await createTestDatabase();
    store = createEventStore({ databaseUrl: db.url });
    control = await openReadModel(db.url);
    readModel = await openReadModelVersion(db.url, 1);
    await append(store, `criteria-set-${set.code}`, 'CriteriaSetPublished', { version: 1, name: 'Districts 2024', criteriaSet: set });
    await openAssessment(store, 'loc-ha', { L1: 500, L2: 300 });
    await openAssessment(store, 'can-loc', { L1: 600, L2: 200 });
    await openAssessment(store, 'thach-ha', { L1: 450 });
  });
  afterAll(async () => {
    await readModel.destroy();
    await control.destroy();
    await store.close();
    await db.drop();
  });

  const ranking = async () =>
    (await readModel.getRepository(ScorecardEntity).find({ order: { rank: 'ASC', unitId: 'ASC' } })).map((r) => [
      r.unitId,
      r.total,
      r.rank,
    ]);

  it('given stored events, when the daemon catches up, then scorecards rank the group with ties sharing a rank', async () => {
    expect(await daemonOf().catchUp()).toBe(12);
    expect(await ranking()).toEqual([
      ['can-loc', 800, 1],
      ['loc-ha', 800, 1],
      ['thach-ha', 450, 3],
    ]);
  });

  it('given checkpoints at the head, when a new daemon starts, then nothing is re-applied', async () => {
    const head = await store.headPosition();
    const checkpoints = await readCheckpoints(readModel.manager);
    expect([...checkpoints.values()].every((position) => position === head)).toBe(true);
    expect(await daemonOf().catchUp()).toBe(0);
    const row = await readModel.getRepository(AssessmentEntity).findOneByOrFail({ unitId: 'loc-ha', year: 2024 });
    expect(row.leafInputs).toEqual({ L1: { selfScore: 500 }, L2: { selfScore: 300 } });
  });

  it('given a live daemon, when a new event is appended, then the scorecards follow it', async () => {
    const daemon = daemonOf();
    await daemon.start();
    const { position } = await append(store, 'assessment-thach-ha-2024', 'SelfScoreRecorded', {
      leafCode: 'L2',
      score: 400,
      evidenceRefs: [],
      note: null,
      previousScore: null,
    });
    expect(await daemon.waitFor(position)).toEqual({ projected: true });
    await daemon.stop();
    expect(await ranking()).toEqual([
      ['thach-ha', 850, 1],
      ['can-loc', 800, 2],
      ['loc-ha', 800, 2],
    ]);
    // (the next test re-scores loc-ha with a legacy event)
  });

  it('given a stored v1 SelfScoreRecorded (decimal points), when projected, then it is read upcast to hundredths', async () => {
    const daemon = daemonOf();
    const { position } = await append(
      store,
      'assessment-loc-ha-2024',
      'SelfScoreRecorded',
      { leafCode: 'L2', points: 3.5, evidence: 'report-2019.pdf' },
      1,
    );
    await daemon.start();
    expect(await daemon.waitFor(position)).toEqual({ projected: true });
    await daemon.stop();
    const row = await readModel.getRepository(AssessmentEntity).findOneByOrFail({ unitId: 'loc-ha', year: 2024 });
    expect(row.leafInputs.L2).toEqual({ selfScore: 350 });
    const [stored] = await store.readStream('assessment-loc-ha-2024', { direction: 'backwards', maxCount: 1 });
    expect(stored).toMatchObject({ data: { score: 350, evidenceRefs: ['report-2019.pdf'] }, metadata: { schemaVersion: 2 } });
  });

  it('given existing read models, when rebuilt into a new version and switched, then the API views show the same rows', async () => {
    const before = await ranking();
    const ctx: OpsContext = { store, control, databaseUrl: db.url, holder: 'test' };
    const version = await createVersion(ctx);
    expect(version).toBe(2);
    expect(await buildVersion(ctx, version)).toBe(14);
    expect(await switchTo(ctx, version)).toEqual({ from: 1, to: 2 });
    const viaViews = (await control.getRepository(ScorecardEntity).find({ order: { rank: 'ASC', unitId: 'ASC' } })).map((r) => [
      r.unitId,
      r.total,
      r.rank,
    ]);
    expect(viaViews).toEqual(before);
    const [active] = await control.query('SELECT version, previous_version FROM public.read_model_active');
    expect(active).toEqual({ version: 2, previous_version: 1 });
  });
});
