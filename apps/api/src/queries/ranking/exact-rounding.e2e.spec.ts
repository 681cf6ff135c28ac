import { startRunningApi, type RunningApi } from '../../testing/running-api.test-support';
import { command, officerOf } from '../../testing/yearly-cycle.test-support';

const SET = 'PAR-2024-province';
/** 95 points: 65 appraised, and two surveys of 15 points each converted linearly from a percentage (0 → 100 %). */
const TREE = `[
  {code:"F1", name:"Direction", criteria:[{code:"F1.1", name:"Plan", leaves:[
    {code:"A1", name:"Plan issued", max:40, kind:"appraised"}, {code:"A2", name:"Plan implemented", max:25, kind:"appraised"}]}]},
  {code:"F8", name:"Impact", criteria:[{code:"F8.1", name:"Satisfaction", leaves:[
    {code:"S1", name:"SIPAS", max:15, kind:"survey", survey:"SIPAS", rule:{kind:"linear", from:0, to:100}},
    {code:"S2", name:"Leaders", max:15, kind:"survey", survey:"PAR-leaders", rule:{kind:"linear", from:0, to:100}}]}]}]`;

async function publish(api: RunningApi, unitId: string, appraised: [number, number], surveys: [number, number]): Promise<void> {
  const unit = `unitId:"${unitId}", year:2024`;
  for (const [i, leaf] of ['A1', 'A2'].entries()) {
    await command(
      api,
      `mutation { recordSelfScore(${unit}, leafCode:"${leaf}", points:${appraised[i]}, evidenceRefs:["doc-${leaf}"]) { revision } }`,
      officerOf(unitId),
    );
  }
  await command(api, `mutation { submitSelfAssessment(${unit}) { revision } }`, officerOf(unitId));
  for (const [i, leaf] of ['A1', 'A2'].entries()) {
    await command(api, `mutation { recordAppraisalScore(${unit}, leafCode:"${leaf}", points:${appraised[i]}) { revision } }`, 'appraiser');
  }
  for (const [i, leaf] of ['S1', 'S2'].entries()) {
    await command(
      api,
      `mutation { recordSurveyResult(${unit}, leafCode:"${leaf}", rawValue:${surveys[i]}, sampleSize:400, source:"survey 2024") { revision } }`,
      'appraiser',
    );
  }
  await command(api, `mutation { finaliseAppraisal(${unit}) { revision } }`, 'appraiser');
  await command(api, `mutation { approveAssessment(${unit}, decisionReference:"QD-1/UBND") { revision } }`, 'approver');
  await command(api, `mutation { publishAssessment(${unit}) { projected } }`, 'approver');
}

interface RankingAnswer {
  ranking: {
    rows: { unit: { id: string }; points: number; index: number; rank: number }[];
    statistics: { average: number; max: number; countAboveAverage: number; highestUnitIds: string[]; lowestUnitIds: string[] };
  };
}

describe('published totals are rounded once from exact parts, and ranks and statistics come from the exact values (real API, real PostgreSQL)', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startRunningApi();
    await command(api, `mutation { draftCriteriaSet(input:{code:"${SET}", year:2024, level:"province", name:"PAR 2024"}) { revision } }`);
    await command(api, `mutation { replaceCriteriaTree(input:{code:"${SET}", fields:${TREE}}) { revision } }`);
    await command(api, `mutation { publishCriteriaSet(code:"${SET}") { revision } }`);
    for (const unitId of ['an-giang', 'bac-kan']) {
      await command(
        api,
        `mutation { registerUnit(input:{unitId:"${unitId}", name:"${unitId}", level:"province", group:"provinces"}) { revision } }`,
      );
      await command(api, `mutation { openAssessment(unitId:"${unitId}", year:2024, criteriaSetCode:"${SET}") { revision } }`);
    }
    // bac-kan: 61.86 appraised; each survey at 93.64 % of 15 points is exactly 14.046 → total exactly 89.952
    await publish(api, 'bac-kan', [40, 21.86], [93.64, 93.64]);
    // an-giang: 61.87 appraised; each survey at 93.6 % is exactly 14.04 → total exactly 89.95
    await publish(api, 'an-giang', [40, 21.87], [93.6, 93.6]);
  }, 120_000);
  afterAll(() => api.stop());

  it('given a survey part converted from raw data, then the scorecard shows parts that do not add up to the total rounded once', async () => {
    const { scorecard } = await api
      .gql<{ scorecard: { total: number; percent: number; rank: number; bySource: { source: string; points: number }[] } }>(
        '{ scorecard(unitId:"bac-kan", year:2024) { total percent rank bySource { source points } } }',
      )
      .then((result) => result.data!);
    const parts = scorecard.bySource.map((part) => part.points).sort((a, b) => b - a);
    expect(parts).toEqual([61.86, 14.05, 14.05]);
    // 61.86 + 14.05 + 14.05 = 89.96 on display, but the exact parts sum to 89.952
    expect(scorecard).toMatchObject({ total: 89.95, percent: 94.69, rank: 1 });
    // the other unit shown with 89.95 points is exactly 89.95: 94.68 %, second (from the displayed totals they would tie)
    const other = await api.gql<{ scorecard: { total: number; percent: number; rank: number } }>(
      '{ scorecard(unitId:"an-giang", year:2024) { total percent rank } }',
    );
    expect(other.data!.scorecard).toEqual({ total: 89.95, percent: 94.68, rank: 2 });
  });

  it('given two units both shown with 89.95 points, then the ranking ranks on the exact totals (94.69 % before 94.68 %)', async () => {
    const { ranking } = (
      await api.gql<RankingAnswer>(
        '{ ranking(year:2024, level:"province", group:"provinces") { rows { unit { id } points index rank } statistics { average max countAboveAverage highestUnitIds lowestUnitIds } } }',
      )
    ).data!;
    // from the displayed totals both would be 89.95 / 95 = 94.68 % and share rank 1
    expect(ranking.rows).toEqual([
      { unit: { id: 'bac-kan' }, points: 89.95, index: 94.69, rank: 1 },
      { unit: { id: 'an-giang' }, points: 89.95, index: 94.68, rank: 2 },
    ]);
    // from the displayed totals: no unit above the average, and both the highest and the lowest
    expect(ranking.statistics).toEqual({
      average: 94.69,
      max: 94.69,
      countAboveAverage: 1,
      highestUnitIds: ['bac-kan'],
      lowestUnitIds: ['an-giang'],
    });
  });
});
