import { startRunningApi, type RunningApi, type TestActor } from '../../testing/running-api.test-support';

const TREE =
  '[{code:"F1", name:"Direction of PAR", criteria:[{code:"F1.1", name:"PAR plan", leaves:[{code:"L1", name:"Plan issued", max:10, kind:"appraised"}]}]}]';
type Change = { previousRank: number; rankChange: string; scoreChange: string } | null;
const UNITS = ['an-giang', 'binh-thuan', 'ca-mau'];

/** Scorecard.change answers under the scorecard queries' visibility: no hint of an unpublished year. */
describe('Scorecard.change (real API, real PostgreSQL)', () => {
  let api: RunningApi;
  const ok = async (query: string, actor: TestActor | null) => {
    const result = await api.gql(query, actor);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const officer = (unitId: string): TestActor => ({ role: 'unit_officer', units: [unitId], sub: `officer-${unitId}` });
  const assess = async (unitId: string, year: number, points: number, publish: boolean) => {
    await ok(`mutation { openAssessment(unitId:"${unitId}", year:${year}, criteriaSetCode:"PAR-${year}-province") { revision } }`, 'admin');
    await ok(
      `mutation { recordSelfScore(unitId:"${unitId}", year:${year}, leafCode:"L1", points:${points}) { revision } }`,
      officer(unitId),
    );
    await ok(`mutation { submitSelfAssessment(unitId:"${unitId}", year:${year}) { revision } }`, officer(unitId));
    await ok(
      `mutation { recordAppraisalScore(unitId:"${unitId}", year:${year}, leafCode:"L1", points:${points}) { revision } }`,
      'appraiser',
    );
    if (!publish) return;
    await ok(`mutation { finaliseAppraisal(unitId:"${unitId}", year:${year}) { revision } }`, 'appraiser');
    await ok(`mutation { approveAssessment(unitId:"${unitId}", year:${year}, decisionReference:"QD-${year}") { revision } }`, 'approver');
    await ok(`mutation { publishAssessment(unitId:"${unitId}", year:${year}) { revision } }`, 'approver');
  };
  /** each unit's 2024 scorecard change, as this caller sees it (live: ranked among every opened assessment) */
  const changes = async (actor: TestActor | null, live = false) =>
    new Map(
      await Promise.all(
        UNITS.map(async (unitId) => {
          const data = (await ok(
            `{ scorecard(unitId:"${unitId}", year:2024, live:${live}) { change { previousRank rankChange scoreChange } } }`,
            actor,
          )) as { scorecard: { change: Change } };
          return [unitId, data.scorecard.change] as const;
        }),
      ),
    );

  beforeAll(async () => {
    api = await startRunningApi();
    for (const year of [2023, 2024]) {
      await ok(
        `mutation { draftCriteriaSet(input:{code:"PAR-${year}-province", year:${year}, level:"province", name:"PAR ${year}"}) { revision } }`,
        'admin',
      );
      await ok(`mutation { replaceCriteriaTree(input:{code:"PAR-${year}-province", fields:${TREE}}) { revision } }`, 'admin');
      await ok(`mutation { publishCriteriaSet(code:"PAR-${year}-province") { revision } }`, 'admin');
    }
    for (const unitId of ['an-giang', 'binh-thuan', 'ca-mau']) {
      await ok(
        `mutation { registerUnit(input:{unitId:"${unitId}", name:"${unitId}", level:"province", group:"provinces"}) { revision } }`,
        'admin',
      );
    }
    // 2023: an-giang 9 (published), binh-thuan 10 (not published), ca-mau 6 (published)
    await assess('an-giang', 2023, 9, true);
    await assess('binh-thuan', 2023, 10, false);
    await assess('ca-mau', 2023, 6, true);
    // 2024, all published: ca-mau 10, an-giang 8, binh-thuan 7
    await assess('an-giang', 2024, 8, true);
    await assess('binh-thuan', 2024, 7, true);
    await assess('ca-mau', 2024, 10, true);
  }, 180_000);

  afterAll(() => api?.stop());

  it('an admin asking live sees every change against the full 2023 ranking', async () => {
    const rows = await changes('admin', true);
    expect(rows.get('ca-mau')).toEqual({ previousRank: 3, rankChange: 'up 2 places, from 3rd to 1st', scoreChange: 'up 40.00 points' });
    expect(rows.get('an-giang')).toEqual({ previousRank: 2, rankChange: 'unchanged at 2nd', scoreChange: 'down 10.00 points' });
    expect(rows.get('binh-thuan')).toMatchObject({ previousRank: 1, rankChange: 'down 2 places, from 1st to 3rd' });
  });

  it('an anonymous caller gets no change for the unpublished year, and previous ranks among published results only', async () => {
    const rows = await changes(null);
    expect(rows.get('binh-thuan')).toBeNull();
    expect(rows.get('an-giang')).toMatchObject({ previousRank: 1, rankChange: 'down 1 place, from 1st to 2nd' });
    expect(rows.get('ca-mau')).toMatchObject({ previousRank: 2, rankChange: 'up 1 place, from 2nd to 1st' });
  });

  it("a unit officer sees its own unpublished year, not another unit's", async () => {
    const own = await changes(officer('binh-thuan'));
    expect(own.get('binh-thuan')).toMatchObject({ previousRank: 1 });
    const other = await changes(officer('ca-mau'));
    expect(other.get('binh-thuan')).toBeNull();
  });
});
