import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';
import { createEventStore, type EventStore } from '@par-index/eventstore';
import type { CriteriaSet } from '@par-index/scoring';
import type { DataSource } from 'typeorm';
import { openReadModel, openReadModelVersion } from './data-source';
import { AssessmentEntity, AuditTimelineEntity, ScorecardEntity } from './entities';
import { createProjectionDaemon, foldReadModelAsOf, groupScorecardsAsOf } from './projections';
import { toProjectedEvent } from './runtime/projection-daemon';

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

function append(store: EventStore, stream: string, type: string, data: Record<string, unknown>) {
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
          schemaVersion: type === 'SelfScoreRecorded' ? 2 : 1,
        },
      },
    ],
    'any',
  );
}

async function assessed(store: EventStore, unitId: string, group: string, score: number) {
  await append(store, `unit-${unitId}`, 'UnitRegistered', {
    unitId,
    name: unitId,
    level: 'district',
    group,
    region: null,
    parentUnitId: 'ha-tinh',
  });
  const stream = `assessment-${unitId}-2024`;
  await append(store, stream, 'AssessmentOpened', {
    unitId,
    year: 2024,
    level: 'district',
    group,
    criteriaSetCode: set.code,
    criteriaSetVersion: 1,
    maxTotal: 1000,
  });
  await append(store, stream, 'SelfScoreRecorded', { leafCode: 'L1', score, evidenceRefs: [], note: null, previousScore: null });
}

describe('an assessment changing group, through the projection daemon (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let readModel: DataSource;
  let control: DataSource;
  let beforeChange: bigint;
  const catchUp = () => createProjectionDaemon(store, readModel, { version: 1, holder: 'test' }).catchUp();
  const rankings = async () => {
    const rows = await readModel.getRepository(ScorecardEntity).find({ order: { groupCode: 'ASC', rank: 'ASC' } });
    return rows.map((r) => [r.groupCode, r.unitId, r.rank, r.groupSize]);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    store = createEventStore({ databaseUrl: db.url });
    control = await openReadModel(db.url);
    readModel = await openReadModelVersion(db.url, 1);
    await append(store, `criteria-set-${set.code}`, 'CriteriaSetPublished', { version: 1, name: 'Districts 2024', criteriaSet: set });
    await assessed(store, 'loc-ha', 'north', 800);
    await assessed(store, 'can-loc', 'north', 600);
    await assessed(store, 'thach-ha', 'south', 700);
    await catchUp();
    beforeChange = await store.headPosition();
  }, 60_000);
  afterAll(async () => {
    await readModel.destroy();
    await control.destroy();
    await store.close();
    await db.drop();
  });

  it('given the groups before, then each ranks its own units', async () => {
    expect(await rankings()).toEqual([
      ['north', 'loc-ha', 1, 2],
      ['north', 'can-loc', 2, 2],
      ['south', 'thach-ha', 1, 1],
    ]);
  });

  it('given AssessmentGroupChanged, then the row moves and both the group left and the group joined are re-ranked', async () => {
    await append(store, 'assessment-loc-ha-2024', 'AssessmentGroupChanged', {
      group: 'south',
      previousGroup: 'north',
      reason: 'unit moved to south',
    });
    expect(await catchUp()).toBe(1);
    const row = await readModel.getRepository(AssessmentEntity).findOneByOrFail({ unitId: 'loc-ha', year: 2024 });
    expect(row).toMatchObject({ groupCode: 'south', status: 'self_assessment', leafInputs: { L1: { selfScore: 800 } } });
    expect(await rankings()).toEqual([
      ['north', 'can-loc', 1, 1],
      ['south', 'loc-ha', 1, 2],
      ['south', 'thach-ha', 2, 2],
    ]);
  });

  it('then the audit timeline has an assessment-wide entry with the reason and both groups', async () => {
    const entries = await readModel
      .getRepository(AuditTimelineEntity)
      .findBy({ unitId: 'loc-ha', year: 2024, eventType: 'AssessmentGroupChanged' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      scope: 'assessment',
      leafCodes: [],
      changes: [],
      reason: 'unit moved to south',
      details: { group: 'south', previousGroup: 'north' },
    });
  });

  it('then time travel folds the same projections: before the change the old grouping, after it the new', async () => {
    const events = (await store.readAll()).map(toProjectedEvent);
    const asOf = (position: bigint) => foldReadModelAsOf(events.filter((e) => e.position <= position));
    const ranked = (state: ReturnType<typeof asOf>, groupCode: string) =>
      groupScorecardsAsOf(state, { year: 2024, level: 'district', groupCode }).map((s) => [s.unitId, s.rank, s.groupSize]);
    const before = asOf(beforeChange);
    expect(ranked(before, 'north')).toEqual([
      ['loc-ha', 1, 2],
      ['can-loc', 2, 2],
    ]);
    expect(ranked(before, 'south')).toEqual([['thach-ha', 1, 1]]);
    const after = asOf(await store.headPosition());
    expect(ranked(after, 'north')).toEqual([['can-loc', 1, 1]]);
    expect(ranked(after, 'south')).toEqual([
      ['loc-ha', 1, 2],
      ['thach-ha', 2, 2],
    ]);
  });
});
