import { resultsFixture } from './testing/results-fixture.test-support';
import { startRunningApi, type RunningApi } from './testing/running-api.test-support';

describe('unit history, units, groups, criteria sets and objections (real API, real PostgreSQL)', () => {
  let api: RunningApi;
  let fx: ReturnType<typeof resultsFixture>;
  const officer = { role: 'unit_officer', units: ['hue'] };

  beforeAll(async () => {
    api = await startRunningApi();
    fx = resultsFixture(api);
    await fx.criteriaSet(2023);
    await fx.criteriaSet(2024);
    for (const [unitId, name] of [
      ['hue', 'Thua Thien Hue'],
      ['hanoi', 'Ha Noi'],
      ['haiphong', 'Hai Phong'],
    ]) {
      await fx.unit(unitId!, name);
      await fx.open(unitId!, 2023);
      await fx.open(unitId!, 2024);
    }
    await fx.score('hue', 2023, [5, 5, 5]);
    await fx.score('hanoi', 2023, [5, 5, 9]);
    await fx.score('hanoi', 2024, [4, 4, 4]);
    await fx.score('hue', 2024, [4, 4, 2], 'appraisal');
    await fx.ok(
      'mutation { fileObjection(unitId:"hue", year:2024, objectionId:"OBJ-1", leafCode:"L3", kind:"objection", text:"records were on time", evidenceRefs:["log-7"], proposedPoints:6) { revision } }',
      officer,
    );
    await fx.ok(
      'mutation { decideObjection(unitId:"hue", year:2024, objectionId:"OBJ-1", outcome:"upheld", reason:"log verified", correctedPoints:6) { revision } }',
      'council',
    );
    await fx.ok('mutation { finaliseAppraisal(unitId:"hue", year:2024) { revision } }', 'appraiser');
  }, 120_000);
  afterAll(() => api.stop());

  it('given a unit with a published and an unpublished year, then anonymous callers see the published year, its officer both', async () => {
    const select = '{ unitHistory(unitId:"hue") { year group points index rank groupSize live status } }';
    expect((await fx.ok<{ unitHistory: unknown[] }>(select, null)).unitHistory).toEqual([
      { year: 2023, group: 'provinces', points: 15, index: 75, rank: 2, groupSize: 2, live: false, status: 'published' },
    ]);
    const own = (await fx.ok<{ unitHistory: { year: number; points: number; rank: number; live: boolean }[] }>(select, officer))
      .unitHistory;
    expect(own.map((y) => [y.year, y.points, y.rank, y.live])).toEqual([
      [2023, 15, 2, false],
      [2024, 14, 1, true],
    ]);
    const unknown = await api.gql('{ unitHistory(unitId:"atlantis") { year } }', null);
    expect(unknown.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('given filters, then units are listed by id with a cursor', async () => {
    const first = (
      await fx.ok<{
        units: { rows: { id: string; name: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean; totalCount: number } };
      }>('{ units(level:"province", name:"ha", first:1) { rows { id name } pageInfo { endCursor hasNextPage totalCount } } }', null)
    ).units;
    expect(first.rows).toEqual([{ id: 'haiphong', name: 'Hai Phong' }]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, totalCount: 2 });
    const next = (
      await fx.ok<{ units: { rows: { id: string }[]; pageInfo: { hasNextPage: boolean } } }>(
        `{ units(level:"province", name:"ha", first:1, after:"${first.pageInfo.endCursor}") { rows { id } pageInfo { hasNextPage } } }`,
        null,
      )
    ).units;
    expect(next).toEqual({ rows: [{ id: 'hanoi' }], pageInfo: { hasNextPage: false } });
    expect((await fx.ok<{ units: { rows: unknown[] } }>('{ units(region:"South") { rows { id } } }', null)).units.rows).toEqual([]);
  });

  it('given a year, then its groups are listed with assessed and published counts', async () => {
    expect((await fx.ok('{ groups(year:2024) { level group assessedUnits publishedUnits } }', null)).groups).toEqual([
      { level: 'province', group: 'provinces', assessedUnits: 3, publishedUnits: 1 },
    ]);
  });

  it('given criteria sets, then each version comes with its tree and maxima', async () => {
    const { criteriaSets } = await fx.ok<{ criteriaSets: { code: string; maxTotal: number; nodes: unknown[] }[] }>(
      '{ criteriaSets(year:2024) { code version maxTotal nodes { code max kind parentCode depth } } }',
      null,
    );
    expect(criteriaSets).toEqual([
      {
        code: 'PAR-2024-province',
        version: 1,
        maxTotal: 20,
        nodes: [
          { code: 'F1', max: 10, kind: 'group', parentCode: null, depth: 0 },
          { code: 'F1.1', max: 10, kind: 'group', parentCode: 'F1', depth: 1 },
          { code: 'L1', max: 5, kind: 'appraised', parentCode: 'F1.1', depth: 2 },
          { code: 'L2', max: 5, kind: 'appraised', parentCode: 'F1.1', depth: 2 },
          { code: 'F2', max: 10, kind: 'group', parentCode: null, depth: 0 },
          { code: 'F2.1', max: 10, kind: 'group', parentCode: 'F2', depth: 1 },
          { code: 'L3', max: 10, kind: 'appraised', parentCode: 'F2.1', depth: 2 },
        ],
      },
    ]);
  });

  it('given an objection decided by the council, then it is listed with its decision, to those who may read the unpublished year', async () => {
    const query =
      '{ objections(unitId:"hue", year:2024) { objectionId leafCode kind text evidenceRefs proposedScore outcome decisionReason correctedScore decidedBy } }';
    expect((await fx.ok(query, officer)).objections).toEqual([
      {
        objectionId: 'OBJ-1',
        leafCode: 'L3',
        kind: 'objection',
        text: 'records were on time',
        evidenceRefs: ['log-7'],
        proposedScore: 6,
        outcome: 'upheld',
        decisionReason: 'log verified',
        correctedScore: 6,
        decidedBy: 'e2e-council',
      },
    ]);
    expect((await fx.ok(query, null)).objections).toEqual([]);
  });
});
