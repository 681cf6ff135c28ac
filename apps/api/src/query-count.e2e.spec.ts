import { resultsFixture } from './testing/results-fixture.test-support';
import { SQL_STATEMENTS_PRELOAD, startRunningApi, type RunningApi } from './testing/running-api.test-support';

const UNITS = Array.from({ length: 200 }, (_, i) => `unit-${String(i + 1).padStart(3, '0')}`);

/** Runs `task` over `items`, `concurrency` at a time. */
async function inParallel<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<unknown>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
    }),
  );
}

describe('no N+1: SQL statements per request do not grow with the rows (real API, real PostgreSQL)', () => {
  let api: RunningApi;
  let fx: ReturnType<typeof resultsFixture>;
  const statements = async (query: string, actor: Parameters<RunningApi['gql']>[1] = null) => {
    const { body, headers } = await api.gqlWithHeaders(query, actor);
    expect(body.errors).toBeUndefined();
    return Number(headers.get('x-sql-statements'));
  };

  beforeAll(async () => {
    // a 200-row page with every field of every row is priced ~16,000 (query-cost.ts): within the default budget of 25,000
    api = await startRunningApi({ nodeArgs: ['--require', SQL_STATEMENTS_PRELOAD] });
    fx = resultsFixture(api);
    await fx.criteriaSet(2023);
    await fx.criteriaSet(2024);
    // concurrent commands let the projector rescore the group once per batch instead of once per event
    await inParallel(UNITS, 32, async (unitId) => {
      await fx.unit(unitId, `Unit ${unitId}`);
      await fx.open(unitId, 2023);
      await fx.open(unitId, 2024);
      const i = Number(unitId.slice(-3));
      const officer = { role: 'unit_officer', units: [unitId] };
      await fx.ok(
        `mutation { recordSelfScore(unitId:"${unitId}", year:2024, leafCode:"L3", points:${(i % 40) / 4}) { revision } }`,
        officer,
      );
    });
  }, 300_000);
  afterAll(() => api.stop());

  const ranking = (first: number) =>
    `{ ranking(year:2024, level:"province", group:"provinces", live:true, first:${first}) { live statistics { average median bands { count } }
       rows { unit { id name } points index rank previousRank rankChange scoreChange status fields { code points percent rank } } } }`;

  it('given a 200-unit group, then the ranking with names, field scores, previous ranks and statistics costs the same two statements as a 1-row page', async () => {
    const { body } = await api.gqlWithStatus<{ ranking: { rows: { unit: { name: string }; fields: unknown[]; previousRank: number }[] } }>(
      ranking(200),
      'admin',
    );
    expect(body.data!.ranking.rows).toHaveLength(200);
    expect(
      body.data!.ranking.rows.every((row) => row.unit.name.startsWith('Unit ') && row.fields.length === 2 && row.previousRank !== null),
    ).toBe(true);
    // the first request of each: the read-model state (response cache key) and the ranking itself
    const all = await statements(ranking(200), 'appraiser');
    const one = await statements(ranking(1), 'appraiser');
    expect({ all, one }).toEqual({ all: 2, one: 2 });
  });

  it('given the same query again while nothing was projected, then it is answered from the response cache (one statement), and a write shows at once', async () => {
    expect(await statements(ranking(200), 'appraiser')).toBe(1);
    const points = async () => {
      const { body } = await api.gqlWithHeaders<{ ranking: { rows: { unit: { id: string }; points: number }[] } }>(
        ranking(200),
        'appraiser',
      );
      return body.data!.ranking.rows.find((row) => row.unit.id === 'unit-001')!.points;
    };
    expect(await points()).toBe(0.25);
    await fx.ok('mutation { recordSelfScore(unitId:"unit-001", year:2024, leafCode:"L3", points:9.5) { projected } }', {
      role: 'unit_officer',
      units: ['unit-001'],
    });
    expect(await points()).toBe(9.5);
  });

  it('given a kept answer, then it is sent as Apollo sent it the first time, and only to callers of the same scope and variables', async () => {
    const query = ranking(150);
    const first = await api.gqlWithHeaders(query, 'appraiser');
    const kept = await api.gqlWithHeaders(query, 'appraiser');
    // a miss reads the state and the rows (and exact scores when an assessment moved meanwhile); a hit only the state
    const missed = (count: string | null) => Number(count) >= 2;
    expect([missed(first.headers.get('x-sql-statements')), kept.headers.get('x-sql-statements')]).toEqual([true, '1']);
    expect({ status: kept.status, type: kept.headers.get('content-type'), body: kept.body }).toEqual({
      status: first.status,
      type: first.headers.get('content-type'),
      body: first.body,
    });
    // another role is another scope; other variables are another answer; a bad token is refused as ever
    expect(await statements(query, 'admin')).toBe(2);
    expect((await api.gqlWithStatus(query, null, { authorization: 'Bearer not.a.token' })).status).toBe(401);
    const withVariables = async (first: number) => {
      const response = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${api.tokenFor('appraiser')}` },
        body: JSON.stringify({
          query:
            'query($first: Int) { ranking(year:2024, level:"province", group:"provinces", live:true, first:$first) { rows { unit { id } } } }',
          variables: { first },
        }),
      });
      const body = (await response.json()) as { data: { ranking: { rows: unknown[] } } };
      return [missed(response.headers.get('x-sql-statements')), body.data.ranking.rows.length];
    };
    expect([await withVariables(3), await withVariables(3), await withVariables(4)]).toEqual([
      [true, 3],
      [false, 3],
      [true, 4],
    ]);
  });

  it('given the other read queries, then their statement counts do not depend on the group size either', async () => {
    // read-model state (response cache key) + the query
    expect(await statements('{ unitHistory(unitId:"unit-007") { year rank } }', 'admin')).toBe(2);
    expect(await statements('{ units(group:"provinces", first:200) { rows { id name } pageInfo { totalCount } } }', 'admin')).toBe(2);
    expect(await statements('{ groups(year:2024) { group assessedUnits } }', 'admin')).toBe(2);
    // the scorecard row, its group, its scoring inputs, and the assessment stream (evidence, reasons)
    const scorecard = await statements(
      '{ scorecard(unitId:"unit-007", year:2024) { rank leaves { code evidenceRefs } change { placesUp } } }',
      'admin',
    );
    expect(scorecard).toBeLessThanOrEqual(5);
  });
});
