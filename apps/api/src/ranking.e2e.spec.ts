import { resultsFixture } from './testing/results-fixture.test-support';
import { startRunningApi, type RunningApi } from './testing/running-api.test-support';

interface Row {
  unit: { id: string; name: string };
  points: number;
  index: number;
  rank: number;
  previousRank: number | null;
  rankChange: number | null;
  scoreChange: number | null;
  status: string;
}
interface Page {
  live: boolean;
  rows: Row[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null; totalCount: number };
  statistics: Record<string, unknown>;
}

const ROW = 'unit { id name } points index rank previousRank rankChange scoreChange status';

describe('ranking: published and live views, year over year, ties and pagination (real API, real PostgreSQL)', () => {
  let api: RunningApi;
  let fx: ReturnType<typeof resultsFixture>;
  const ranking = async (
    args: string,
    actor: Parameters<RunningApi['gql']>[1] = null,
    select = `live rows { ${ROW} } pageInfo { hasNextPage endCursor totalCount }`,
  ) => (await fx.ok<{ ranking: Page }>(`{ ranking(year:2024, level:"province", group:"provinces"${args}) { ${select} } }`, actor)).ranking;

  beforeAll(async () => {
    api = await startRunningApi();
    fx = resultsFixture(api);
    await fx.criteriaSet(2023);
    await fx.criteriaSet(2024);
    for (const unitId of ['an-giang', 'bac-ninh', 'ca-mau', 'da-nang']) {
      await fx.unit(unitId, `Province ${unitId}`);
      await fx.open(unitId, 2023);
      await fx.open(unitId, 2024);
    }
    // 2023: 18, 16, 12, 10 of 20 → ranks 1..4
    await fx.score('an-giang', 2023, [5, 5, 8]);
    await fx.score('bac-ninh', 2023, [4, 4, 8]);
    await fx.score('ca-mau', 2023, [3, 3, 6]);
    await fx.score('da-nang', 2023, [2, 2, 6]);
    // 2024: an-giang falls to 14, bac-ninh and ca-mau tie on 16, da-nang's 19 is not published
    await fx.score('an-giang', 2024, [5, 5, 4]);
    await fx.score('bac-ninh', 2024, [5, 5, 6]);
    await fx.score('ca-mau', 2024, [4, 4, 8]);
    await fx.score('da-nang', 2024, [5, 5, 9], 'final');
  }, 120_000);
  afterAll(() => api.stop());

  it("given an anonymous caller, then only published results are ranked, among themselves, with last year's ranks and changes", async () => {
    const page = await ranking('', null);
    expect(page.live).toBe(false);
    expect(page.rows).toEqual([
      {
        unit: { id: 'bac-ninh', name: 'Province bac-ninh' },
        points: 16,
        index: 80,
        rank: 1,
        previousRank: 2,
        rankChange: 1,
        scoreChange: 0,
        status: 'published',
      },
      {
        unit: { id: 'ca-mau', name: 'Province ca-mau' },
        points: 16,
        index: 80,
        rank: 1,
        previousRank: 3,
        rankChange: 2,
        scoreChange: 4,
        status: 'published',
      },
      {
        unit: { id: 'an-giang', name: 'Province an-giang' },
        points: 14,
        index: 70,
        rank: 3,
        previousRank: 1,
        rankChange: -2,
        scoreChange: -4,
        status: 'published',
      },
    ]);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, totalCount: 3 });
  });

  it('given the published view, then the statistics are those of the published rows, with the default bands', async () => {
    const { statistics } = await ranking(
      '',
      null,
      'statistics { count average median min max countAboveAverage highestUnitIds bands { label count } }',
    );
    expect(statistics).toEqual({
      count: 3,
      average: 76.67,
      median: 80,
      min: 70,
      max: 80,
      countAboveAverage: 2,
      highestUnitIds: ['bac-ninh', 'ca-mau'],
      bands: [
        { label: '≥ 90%', count: 0 },
        { label: '80–90%', count: 2 },
        { label: '< 80%', count: 1 },
      ],
    });
    const custom = await ranking(', bands:[75]', null, 'statistics { bands { label from to count } }');
    expect(custom.statistics).toEqual({
      bands: [
        { label: '≥ 75%', from: 75, to: null, count: 2 },
        { label: '< 75%', from: null, to: 75, count: 1 },
      ],
    });
  });

  it('given an appraiser asking for live, then the unpublished result is ranked too and the response says live', async () => {
    const page = await ranking(', live:true', 'appraiser');
    expect(page.live).toBe(true);
    expect(page.rows.map((row) => [row.unit.id, row.rank, row.status])).toEqual([
      ['da-nang', 1, 'appraisal_final'],
      ['bac-ninh', 2, 'published'],
      ['ca-mau', 2, 'published'],
      ['an-giang', 4, 'published'],
    ]);
    expect(page.rows[0]).toMatchObject({ previousRank: 4, rankChange: 3, scoreChange: 9 });
  });

  it('given live asked by an anonymous caller or a unit officer, then it is refused (401 / 403), not silently downgraded', async () => {
    const query = '{ ranking(year:2024, level:"province", group:"provinces", live:true) { live } }';
    const anonymous = await api.gqlWithStatus(query, null);
    expect({ status: anonymous.status, code: anonymous.body.errors?.[0]?.extensions.code }).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
    const officer = await api.gqlWithStatus(query, { role: 'unit_officer', units: ['da-nang'] });
    expect({ status: officer.status, code: officer.body.errors?.[0]?.extensions.code }).toEqual({
      status: 403,
      code: 'FORBIDDEN_FOR_ROLE',
    });
  });

  it('given pages of one row, then paging walks through the tie without skipping or repeating a unit', async () => {
    const seen: string[] = [];
    let after = '';
    for (;;) {
      const page = await ranking(`, first:1${after}`, null);
      seen.push(...page.rows.map((row) => `${row.rank}:${row.unit.id}`));
      if (!page.pageInfo.hasNextPage) break;
      after = `, after:"${page.pageInfo.endCursor}"`;
    }
    expect(seen).toEqual(['1:bac-ninh', '1:ca-mau', '3:an-giang']);
  });

  it('given a field, then the ranking is of that component index, with its own previous ranks', async () => {
    const page = await ranking(', field:"F2"', null);
    expect(page.rows.map((row) => [row.unit.id, row.points, row.index, row.rank, row.previousRank])).toEqual([
      ['ca-mau', 8, 80, 1, 3],
      ['bac-ninh', 6, 60, 2, 1],
      ['an-giang', 4, 40, 3, 1],
    ]);
  });

  it('given field scores on every row, then each field is ranked among the same rows', async () => {
    // a page is priced at first × its row (query-cost.ts): ask for the rows there are
    const page = await ranking(', first:10', null, 'rows { unit { id } fields { code points max percent rank } }');
    expect(page.rows[2]).toEqual({
      unit: { id: 'an-giang' },
      fields: [
        { code: 'F1', points: 10, max: 10, percent: 100, rank: 1 },
        { code: 'F2', points: 4, max: 10, percent: 40, rank: 3 },
      ],
    });
  });

  it('given an unknown year, group or field, then NOT_FOUND (HTTP 404), not an empty list', async () => {
    for (const query of [
      '{ ranking(year:2031, level:"province", group:"provinces") { live } }',
      '{ ranking(year:2024, level:"province", group:"nowhere") { live } }',
      '{ ranking(year:2024, level:"district", group:"provinces") { live } }',
      '{ ranking(year:2024, level:"province", group:"provinces", field:"F9") { live } }',
    ]) {
      const { status, body } = await api.gqlWithStatus(query, null);
      expect(body.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
      expect(status).toBe(404);
    }
  });

  it('given a bad cursor or band, then BAD_USER_INPUT', async () => {
    for (const args of [', after:"nonsense"', ', bands:[120]', ', bands:[80.555]']) {
      const result = await api.gql(`{ ranking(year:2024, level:"province", group:"provinces"${args}) { live } }`, null);
      expect(result.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('given a unit deactivated after its results were published, then it keeps its rank and the row says it is inactive', async () => {
    await fx.ok('mutation { deactivateUnit(unitId:"an-giang", reason:"merged into a new province") { revision } }');
    const page = await ranking('', null, 'rows { unit { id status } rank }');
    expect(page.rows).toEqual([
      { unit: { id: 'bac-ninh', status: 'active' }, rank: 1 },
      { unit: { id: 'ca-mau', status: 'active' }, rank: 1 },
      { unit: { id: 'an-giang', status: 'inactive' }, rank: 3 },
    ]);
  });
});
