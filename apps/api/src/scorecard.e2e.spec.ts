import { resultsFixture } from './testing/results-fixture.test-support';
import { startRunningApi, type RunningApi } from './testing/running-api.test-support';

const CARD = `unitName total percent live rank groupSize zeroLeaves fields { code points rank }
  leaves { code fieldCode kind max applicableMax selfScore appraisedScore effectiveScore origin evidenceRefs zero }
  change { previousYear pointsChange percentChange previousRank placesUp rankChange scoreChange
    fieldContributions { code pointsChange } leaves { code status pointsChange points previousPoints indexContribution }
    fields { code direction pointsChange rank previousRank } fieldsHigher fieldsLower }`;

describe('scorecard: leaves, evidence and the explanation of a change against the previous year (real API, real PostgreSQL)', () => {
  let api: RunningApi;
  let fx: ReturnType<typeof resultsFixture>;
  const scorecard = async (unitId: string, year: number, actor: Parameters<RunningApi['gql']>[1] = null) =>
    (await fx.ok<{ scorecard: Record<string, any> | null }>(`{ scorecard(unitId:"${unitId}", year:${year}) { ${CARD} } }`, actor))
      .scorecard;

  beforeAll(async () => {
    api = await startRunningApi();
    fx = resultsFixture(api);
    await fx.criteriaSet(2023);
    await fx.criteriaSet(2024);
    for (const unitId of ['an-giang', 'ca-mau', 'dak-lak']) {
      await fx.unit(unitId, `Province ${unitId}`);
      await fx.open(unitId, 2023);
      await fx.open(unitId, 2024);
    }
    await fx.score('an-giang', 2023, [5, 5, 8]);
    await fx.score('ca-mau', 2023, [3, 3, 6]);
    await fx.score('an-giang', 2024, [5, 0, 4]);
    await fx.score('ca-mau', 2024, [4, 4, 8]);
    await fx.score('dak-lak', 2024, [5, 5, 10], 'final');
  }, 120_000);
  afterAll(() => api.stop());

  it('given a unit that rose, then the explanation names the leaves and fields that moved its total and its rank', async () => {
    const card = (await scorecard('ca-mau', 2024))!;
    expect(card).toMatchObject({ unitName: 'Province ca-mau', total: 16, percent: 80, live: false, rank: 1, groupSize: 2 });
    expect(card.change).toEqual({
      previousYear: 2023,
      pointsChange: 4,
      percentChange: 20,
      previousRank: 2,
      placesUp: 1,
      rankChange: 'up 1 place, from 2nd to 1st',
      scoreChange: 'up 20.00 points',
      fieldContributions: [
        { code: 'F1', pointsChange: 2 },
        { code: 'F2', pointsChange: 2 },
      ],
      leaves: [
        { code: 'L3', status: 'changed', pointsChange: 2, points: 8, previousPoints: 6, indexContribution: 10 },
        { code: 'L1', status: 'changed', pointsChange: 1, points: 4, previousPoints: 3, indexContribution: 5 },
        { code: 'L2', status: 'changed', pointsChange: 1, points: 4, previousPoints: 3, indexContribution: 5 },
      ],
      fields: [
        { code: 'F1', direction: 'higher', pointsChange: 2, rank: 1, previousRank: 2 },
        { code: 'F2', direction: 'higher', pointsChange: 2, rank: 1, previousRank: 2 },
      ],
      fieldsHigher: 2,
      fieldsLower: 0,
    });
  });

  it('given a zero-score leaf, then the leaf shows self, appraised and effective scores, its maxima and its evidence', async () => {
    const card = (await scorecard('an-giang', 2024))!;
    expect(card.zeroLeaves).toEqual(['L2']);
    expect(card.leaves[1]).toEqual({
      code: 'L2',
      fieldCode: 'F1',
      kind: 'appraised',
      max: 5,
      applicableMax: 5,
      selfScore: 0,
      appraisedScore: 0,
      effectiveScore: 0,
      origin: 'appraised',
      evidenceRefs: ['doc-an-giang-L2'],
      zero: true,
    });
    expect(card.change).toMatchObject({
      pointsChange: -9,
      percentChange: -45,
      previousRank: 1,
      placesUp: -1,
      rankChange: 'down 1 place, from 1st to 2nd',
    });
    expect(card.change.leaves.map((leaf: { code: string }) => leaf.code)).toEqual(['L2', 'L3']);
    expect(card.fields).toEqual([
      { code: 'F1', points: 5, rank: 2 },
      { code: 'F2', points: 4, rank: 2 },
    ]);
  });

  it('given an unpublished result, then anonymous callers see nothing and an appraiser sees it ranked live', async () => {
    expect(await scorecard('dak-lak', 2024)).toBeNull();
    const card = (await scorecard('dak-lak', 2024, 'appraiser'))!;
    // its 2023 assessment was opened and never scored: 0 points, 3rd in the live ranking of 2023
    expect(card).toMatchObject({ live: true, rank: 1, groupSize: 3, change: { pointsChange: 20, previousRank: 3, placesUp: 2 } });
    const live = await fx.ok<{ scorecard: { live: boolean; rank: number } }>(
      '{ scorecard(unitId:"ca-mau", year:2024, live:true) { live rank } }',
      'council',
    );
    expect(live.scorecard).toEqual({ live: true, rank: 2 });
  });

  it('given live asked anonymously or by a unit officer, then UNAUTHENTICATED or FORBIDDEN_FOR_ROLE', async () => {
    const query = '{ scorecard(unitId:"ca-mau", year:2024, live:true) { rank } }';
    expect((await api.gql(query, null)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect((await api.gql(query, { role: 'unit_officer', units: ['ca-mau'] })).errors?.[0]?.extensions.code).toBe('FORBIDDEN_FOR_ROLE');
  });
});
