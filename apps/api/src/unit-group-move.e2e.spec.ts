import { randomUUID } from 'node:crypto';
import { chainKeyFrom, createEventStore } from '@par-index/eventstore';
import { resultsFixture } from './testing/results-fixture.test-support';
import { startRunningApi, type RunningApi } from './testing/running-api.test-support';

interface Row {
  unit: { id: string };
  points: number;
  rank: number;
  previousRank: number | null;
  status: string;
}
interface Page {
  rows: Row[];
  pageInfo: { totalCount: number };
  statistics: { count: number };
}
interface MoveResult {
  eventTypes: string[];
  projected: boolean;
  position: string | null;
}

/**
 * Two province groups; bac-giang, published in "north" for 2023 and in appraisal for 2024, moves
 * to "south": its 2024 assessment follows it, its published 2023 result stays where it was published.
 */
describe('moving a unit to another group is reflected in rankings (real API process, real PostgreSQL)', () => {
  let api: RunningApi;
  let fx: ReturnType<typeof resultsFixture>;
  let beforeMove: string;
  let published2023North: Page;
  const move = async () =>
    (
      await fx.ok<{ moveUnitToGroup: MoveResult }>(
        'mutation { moveUnitToGroup(unitId:"bac-giang", group:"south") { eventTypes projected position } }',
      )
    ).moveUnitToGroup;
  const ranking = async (year: number, group: string, live: boolean) =>
    (
      await fx.ok<{ ranking: Page }>(
        `{ ranking(year:${year}, level:"province", group:"${group}", live:${live}) { rows { unit { id } points rank previousRank status } pageInfo { totalCount } statistics { count } } }`,
        live ? 'appraiser' : null,
      )
    ).ranking;
  const ranked = (page: Page) => page.rows.map((row) => [row.unit.id, row.points, row.rank]);
  const rankingAsOf = async (group: string, asOf: string) =>
    (
      await fx.ok<{ rankingAsOf: { unitId: string; rank: number; groupSize: number }[] }>(
        `{ rankingAsOf(year:2024, level:"province", group:"${group}", asOf:"${asOf}", live:true) { unitId rank groupSize } }`,
        'auditor',
      )
    ).rankingAsOf.map((row) => [row.unitId, row.rank, row.groupSize]);

  beforeAll(async () => {
    api = await startRunningApi();
    fx = resultsFixture(api);
    await fx.criteriaSet(2023);
    await fx.criteriaSet(2024);
    for (const [unitId, group] of [
      ['ha-noi', 'north'],
      ['hai-phong', 'north'],
      ['bac-giang', 'north'],
      ['can-tho', 'south'],
      ['ca-mau', 'south'],
    ]) {
      await fx.ok(
        `mutation { registerUnit(input:{unitId:"${unitId}", name:"${unitId}", level:"province", group:"${group}"}) { revision } }`,
      );
      await fx.open(unitId!, 2023);
      await fx.open(unitId!, 2024);
    }
    // 2023, all published: north 18, 16, 14; south 12, 10
    await fx.score('ha-noi', 2023, [5, 5, 8]);
    await fx.score('bac-giang', 2023, [5, 4, 7]);
    await fx.score('hai-phong', 2023, [4, 4, 6]);
    await fx.score('can-tho', 2023, [3, 3, 6]);
    await fx.score('ca-mau', 2023, [2, 2, 6]);
    // 2024: bac-giang's 19 is still in appraisal
    await fx.score('ha-noi', 2024, [4, 4, 6]);
    await fx.score('hai-phong', 2024, [3, 3, 4]);
    await fx.score('bac-giang', 2024, [5, 5, 9], 'appraisal');
    await fx.score('can-tho', 2024, [4, 4, 8]);
    await fx.score('ca-mau', 2024, [3, 3, 6], 'final');
    published2023North = await ranking(2023, 'north', false);
    const { data } = await api.gql<{ assessmentHistory: { position: string }[] }>(
      '{ assessmentHistory(unitId:"ca-mau", year:2024) { position } }',
      'auditor',
    );
    beforeMove = data!.assessmentHistory.at(-1)!.position;
  }, 180_000);
  afterAll(() => api.stop());

  it('given the live 2024 rankings before the move, then bac-giang leads north', async () => {
    expect(ranked(await ranking(2024, 'north', true))).toEqual([
      ['bac-giang', 19, 1],
      ['ha-noi', 14, 2],
      ['hai-phong', 10, 3],
    ]);
    expect(ranked(await ranking(2024, 'south', true))).toEqual([
      ['can-tho', 16, 1],
      ['ca-mau', 12, 2],
    ]);
  });

  it('when moved, then the unit and its unpublished assessment move, projected before the answer', async () => {
    const result = await move();
    expect(result).toMatchObject({ eventTypes: ['UnitMovedToGroup'], projected: true });
    const { data } = await api.gql<{ assessmentHistory: { type: string; position: string }[] }>(
      '{ assessmentHistory(unitId:"bac-giang", year:2024) { type position } }',
      'auditor',
    );
    expect(data!.assessmentHistory.at(-1)!.type).toBe('AssessmentGroupChanged');
    expect(BigInt(data!.assessmentHistory.at(-1)!.position)).toBeGreaterThan(BigInt(result.position!));
  });

  it('then the live 2024 ranking shows it in the new group, and the old group no longer lists it (sizes and ranks updated)', async () => {
    const south = await ranking(2024, 'south', true);
    expect(ranked(south)).toEqual([
      ['bac-giang', 19, 1],
      ['can-tho', 16, 2],
      ['ca-mau', 12, 3],
    ]);
    expect({ total: south.pageInfo.totalCount, count: south.statistics.count }).toEqual({ total: 3, count: 3 });
    // its previous rank is the one it had in the group it was in then
    expect(south.rows[0]).toMatchObject({ previousRank: 2, status: 'appraisal' });
    const north = await ranking(2024, 'north', true);
    expect(ranked(north)).toEqual([
      ['ha-noi', 14, 1],
      ['hai-phong', 10, 2],
    ]);
    expect({ total: north.pageInfo.totalCount, count: north.statistics.count }).toEqual({ total: 2, count: 2 });
    const { data } = await api.gql<{ scorecard: { rank: number; groupSize: number } }>(
      '{ scorecard(unitId:"bac-giang", year:2024) { rank groupSize } }',
      'appraiser',
    );
    expect(data!.scorecard).toEqual({ rank: 1, groupSize: 3 });
  });

  it('then the published 2023 ranking is unchanged: it was published in north and stays there', async () => {
    expect(await ranking(2023, 'north', false)).toEqual(published2023North);
    expect(ranked(published2023North)).toEqual([
      ['ha-noi', 18, 1],
      ['bac-giang', 16, 2],
      ['hai-phong', 14, 3],
    ]);
    expect(ranked(await ranking(2023, 'south', false))).toEqual([
      ['can-tho', 12, 1],
      ['ca-mau', 10, 2],
    ]);
  });

  it('then the audit timeline shows AssessmentGroupChanged with its reason and both groups (2024 only)', async () => {
    type Entry = { eventType: string; scope: string; actorRole: string; reason: string | null; details: Record<string, unknown> };
    const timeline = async (year: number) =>
      (
        await fx.ok<{ auditTimeline: Entry[] }>(
          `{ auditTimeline(unitId:"bac-giang", year:${year}) { eventType scope actorRole reason details } }`,
          'auditor',
        )
      ).auditTimeline;
    const changes = (await timeline(2024)).filter((entry) => entry.eventType === 'AssessmentGroupChanged');
    expect(changes).toEqual([
      {
        eventType: 'AssessmentGroupChanged',
        scope: 'assessment',
        actorRole: 'admin',
        reason: 'unit bac-giang moved to group "south"',
        details: { group: 'south', previousGroup: 'north' },
      },
    ]);
    expect((await timeline(2023)).map((entry) => entry.eventType)).not.toContain('AssessmentGroupChanged');
  });

  it('then rankingAsOf before the move still shows the old grouping, and after it the new', async () => {
    expect(await rankingAsOf('north', beforeMove)).toEqual([
      ['bac-giang', 1, 3],
      ['ha-noi', 2, 3],
      ['hai-phong', 3, 3],
    ]);
    expect(await rankingAsOf('south', beforeMove)).toEqual([
      ['can-tho', 1, 2],
      ['ca-mau', 2, 2],
    ]);
    const now = new Date().toISOString();
    expect(await rankingAsOf('north', now)).toEqual([
      ['ha-noi', 1, 2],
      ['hai-phong', 2, 2],
    ]);
    expect(await rankingAsOf('south', now)).toEqual([
      ['bac-giang', 1, 3],
      ['can-tho', 2, 3],
      ['ca-mau', 3, 3],
    ]);
  });

  it('given the same move again, then nothing is appended (the unit and every assessment are already in place)', async () => {
    const events = await api.countEvents();
    expect(await move()).toMatchObject({ eventTypes: [], projected: true });
    expect(await api.countEvents()).toBe(events);
  });

  it("given a move interrupted after the unit's event, then repeating it moves the straggler (the unit itself is a no-op)", async () => {
    // the crash: ca-mau's UnitMovedToGroup is stored, its unpublished 2024 assessment was not moved
    const store = createEventStore({ databaseUrl: api.database.url, hmacKey: chainKeyFrom(api.storageEnv.EVENTSTORE_HMAC_KEY) });
    const at = new Date().toISOString();
    await store.appendToStream(
      'unit-ca-mau',
      [
        {
          id: randomUUID(),
          type: 'UnitMovedToGroup',
          data: { group: 'north', previousGroup: 'south', at, by: 'e2e-admin' },
          metadata: {
            actorId: 'e2e-admin',
            actorRole: 'admin',
            occurredAt: at,
            correlationId: 'crash',
            causationId: 'crash',
            idempotencyKey: randomUUID(),
            schemaVersion: 1,
          },
        },
      ],
      'stream_exists',
    );
    await store.close();
    expect(ranked(await ranking(2024, 'south', true))).toEqual([
      ['bac-giang', 19, 1],
      ['can-tho', 16, 2],
      ['ca-mau', 12, 3],
    ]);
    const repeat = (
      await fx.ok<{ moveUnitToGroup: MoveResult }>('mutation { moveUnitToGroup(unitId:"ca-mau", group:"north") { eventTypes projected } }')
    ).moveUnitToGroup;
    expect(repeat).toEqual({ eventTypes: [], projected: true });
    expect(ranked(await ranking(2024, 'north', true))).toEqual([
      ['ha-noi', 14, 1],
      ['ca-mau', 12, 2],
      ['hai-phong', 10, 3],
    ]);
    expect(ranked(await ranking(2024, 'south', true))).toEqual([
      ['bac-giang', 19, 1],
      ['can-tho', 16, 2],
    ]);
    expect(ranked(await ranking(2023, 'south', false))).toEqual([
      ['can-tho', 12, 1],
      ['ca-mau', 10, 2],
    ]);
  });
});
