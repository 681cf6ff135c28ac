import { randomUUID } from 'node:crypto';
import { createTestDatabase, eventually, type TestDatabase } from '@par-index/config/testing';
import { createEventStore, type EventStore } from '@par-index/eventstore';
import type { CriteriaSet } from '@par-index/scoring';
import type { DataSource } from 'typeorm';
import { openReadModel } from '../data-source';
import { createProjector } from '../projections';
import type { ProjectorRunner } from '../runtime/projector-runner';
import { readProjectionStates } from '../runtime/projection-state';
import { waitForCheckpoints } from '../runtime/wait-for-checkpoints';
import { buildVersion, createVersion, listVersions, prune, rollback, switchTo } from './blue-green';
import { diffVersions } from './version-diff';
import type { OpsContext } from './version-writer';

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
      children: [{ type: 'leaf', code: 'L1', name: 'Plan', max: 1000, scoring: { kind: 'appraised' } }],
    },
  ],
};
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
          schemaVersion: type === 'SelfScoreRecorded' ? 2 : 1,
        },
      },
    ],
    'any',
  );
const selfScore = (store: EventStore, unitId: string, score: number) =>
  append(store, `assessment-${unitId}-2024`, 'SelfScoreRecorded', {
    leafCode: 'L1',
    score,
    evidenceRefs: [],
    note: null,
    previousScore: null,
  });

describe('blue/green read-model versions: build, diff, switch, rollback, prune (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let control: DataSource;
  let runner: ProjectorRunner;
  let ctx: OpsContext;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = createEventStore({ databaseUrl: db.url });
    control = await openReadModel(db.url);
    ctx = { store, control, databaseUrl: db.url, holder: 'ops-test' };
    await append(store, `criteria-set-${set.code}`, 'CriteriaSetPublished', { version: 1, name: 'Districts 2024', criteriaSet: set });
    for (const [unitId, score] of [
      ['loc-ha', 500],
      ['can-loc', 600],
    ] as const) {
      await append(store, `unit-${unitId}`, 'UnitRegistered', {
        unitId,
        name: unitId,
        level: 'district',
        group: 'g',
        region: null,
        parentUnitId: null,
      });
      await append(store, `assessment-${unitId}-2024`, 'AssessmentOpened', {
        unitId,
        year: 2024,
        level: 'district',
        group: 'g',
        criteriaSetCode: set.code,
        criteriaSetVersion: 1,
        maxTotal: 1000,
      });
      await selfScore(store, unitId, score);
    }
    runner = createProjector({ databaseUrl: db.url, store, control, pollMs: 50 });
    await runner.start();
  });
  afterAll(async () => {
    await runner.stop();
    await control.destroy();
    await store.close();
    await db.drop();
  });

  const activeRanking = async () =>
    (await control.query('SELECT unit_id, total, rank FROM scorecards ORDER BY rank, unit_id')) as {
      unit_id: string;
      total: number;
      rank: number;
    }[];
  const runnerHolds = (version: number) => async () =>
    (await readProjectionStates(control.manager, version)).every((s) => s.holder === runner.instanceId && s.status === 'running')
      ? true
      : undefined;

  it('given a version built beside the live one, when the live one moves on, then diff shows which units changed and by how much', async () => {
    const v2 = await createVersion(ctx);
    expect(await buildVersion(ctx, v2)).toBe(7);
    const { position } = await selfScore(store, 'loc-ha', 700);
    expect(await waitForCheckpoints(control, ['scorecards'], position, 30_000)).toEqual({ projected: true });
    const diff = await diffVersions(control.manager, v2, 1);
    expect(diff.compared).toBe(2);
    expect(diff.changes).toEqual([
      expect.objectContaining({ unitId: 'loc-ha', fromTotal: 5, toTotal: 7, totalDelta: 2, fromRank: 2, toRank: 1, rankDelta: 1 }),
      expect.objectContaining({ unitId: 'can-loc', fromTotal: 6, toTotal: 6, totalDelta: 0, fromRank: 1, toRank: 2, rankDelta: -1 }),
    ]);
  });

  it('given the built version, when switched to, then it catches up first, the API views move and the live projector follows it', async () => {
    expect(await switchTo(ctx, 2)).toEqual({ from: 1, to: 2 });
    expect(await activeRanking()).toEqual([
      { unit_id: 'loc-ha', total: 700, rank: 1 },
      { unit_id: 'can-loc', total: 600, rank: 2 },
    ]);
    await eventually(runnerHolds(2), 'the projector to follow version 2');
    const { position } = await selfScore(store, 'can-loc', 800);
    expect(await waitForCheckpoints(control, ['scorecards'], position, 30_000)).toEqual({ projected: true });
    expect((await activeRanking())[0]).toEqual({ unit_id: 'can-loc', total: 800, rank: 1 });
  });

  it('given a switch, when rolled back, then the previous version catches up and serves again; prune drops the other', async () => {
    expect(await rollback(ctx)).toEqual({ from: 2, to: 1 });
    expect((await activeRanking())[0]).toEqual({ unit_id: 'can-loc', total: 800, rank: 1 });
    await eventually(runnerHolds(1), 'the projector to follow version 1 again');
    expect(await prune(ctx)).toEqual([2]);
    expect(await listVersions(control.manager)).toEqual([
      { version: 1, status: 'active' },
      { version: 2, status: 'pruned' },
    ]);
    const [schema] = await control.query(`SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name = 'rm_v2'`);
    expect(schema.n).toBe(0);
    await expect(rollback(ctx)).rejects.toThrow('nothing to roll back to');
  });

  it('given a built version, when a result changes status only, then diff still names it (a reopened result leaves the published ranking)', async () => {
    const v3 = await createVersion(ctx);
    await buildVersion(ctx, v3);
    const { position } = await append(store, 'assessment-can-loc-2024', 'SelfAssessmentSubmitted', {
      selfScoredTotal: 80000,
      scoredLeafCount: 1,
    });
    expect(await waitForCheckpoints(control, ['scorecards'], position, 30_000)).toEqual({ projected: true });
    expect((await diffVersions(control.manager, v3, 1)).changes).toEqual([
      expect.objectContaining({
        unitId: 'can-loc',
        fromTotal: 8,
        toTotal: 8,
        totalDelta: 0,
        fromRank: 1,
        toRank: 1,
        rankDelta: 0,
        fromStatus: 'self_assessment',
        toStatus: 'appraisal',
        fromCriteriaSetVersion: 1,
        toCriteriaSetVersion: 1,
      }),
    ]);
  });
});
