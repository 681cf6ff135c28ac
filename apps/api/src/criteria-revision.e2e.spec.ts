import { startRunningApi, type RunningApi, type TestActor } from './testing/running-api.test-support';

const SET = 'PAR-2024-province';
const leaf = (code: string, max: number) => `{code:"${code}", name:"Leaf ${code}", max:${max}, kind:"appraised"}`;
const tree = (leaves: string[]) =>
  `[{code:"F1", name:"Direction of PAR", criteria:[{code:"F1.1", name:"PAR plan", leaves:[${leaves.join(',')}]}]}]`;
const V1 = tree([leaf('L1', 2), leaf('L2', 3), leaf('L3', 5)]);
// v2: L1 removed, L2's maximum lowered below recorded scores (3 → 1.5), L4 added
const V2 = tree([leaf('L2', 1.5), leaf('L3', 5), leaf('L4', 3.5)]);
const UNITS = ['an-giang', 'binh-thuan'];

interface Row {
  unitId: string;
  total: number;
  rank: number;
  status: string;
  criteriaSetVersion: number;
  mixedCriteriaVersions: boolean;
}

describe('a criteria revision applied on purpose, end to end (real API, real PostgreSQL)', () => {
  let api: RunningApi;
  const ok = async (query: string, role: TestActor) => {
    const result = await api.gql(query, role);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  // the live ranking: a revision reopens published assessments, which the published ranking would drop
  const ranking = async () => {
    const data = (await ok(
      '{ ranking(year:2024, level:"province", group:"provinces", live:true) { rows { unit { id } points rank status criteriaSetVersion mixedCriteriaVersions } } }',
      'admin',
    )) as {
      ranking: { rows: (Omit<Row, 'unitId' | 'total'> & { unit: { id: string }; points: number })[] };
    };
    return data.ranking.rows.map(({ unit, points, ...rest }): Row => ({ unitId: unit.id, total: points, ...rest }));
  };
  const cycle = async (unitId: string, scores: [string, number][]) => {
    for (const [code, points] of scores)
      await ok(`mutation { recordSelfScore(unitId:"${unitId}", year:2024, leafCode:"${code}", points:${points}) { revision } }`, {
        role: 'unit_officer',
        units: [unitId],
      });
    await ok(`mutation { submitSelfAssessment(unitId:"${unitId}", year:2024) { revision } }`, { role: 'unit_officer', units: [unitId] });
    for (const [code, points] of scores)
      await ok(
        `mutation { recordAppraisalScore(unitId:"${unitId}", year:2024, leafCode:"${code}", points:${points}) { revision } }`,
        'appraiser',
      );
    await ok(`mutation { finaliseAppraisal(unitId:"${unitId}", year:2024) { revision } }`, 'appraiser');
    await ok(`mutation { approveAssessment(unitId:"${unitId}", year:2024, decisionReference:"QD-1/UBND") { revision } }`, 'approver');
    await ok(`mutation { publishAssessment(unitId:"${unitId}", year:2024) { revision } }`, 'approver');
  };

  beforeAll(async () => {
    api = await startRunningApi();
    await ok(
      `mutation { draftCriteriaSet(input:{code:"${SET}", year:2024, level:"province", name:"PAR 2024 provinces"}) { revision } }`,
      'admin',
    );
    await ok(`mutation { replaceCriteriaTree(input:{code:"${SET}", fields:${V1}}) { revision } }`, 'admin');
    await ok(`mutation { publishCriteriaSet(code:"${SET}") { revision } }`, 'admin');
    for (const unitId of UNITS) {
      await ok(
        `mutation { registerUnit(input:{unitId:"${unitId}", name:"${unitId}", level:"province", group:"provinces"}) { revision } }`,
        'admin',
      );
      await ok(`mutation { openAssessment(unitId:"${unitId}", year:2024, criteriaSetCode:"${SET}") { revision } }`, 'admin');
    }
    await cycle('an-giang', [
      ['L1', 2],
      ['L2', 3],
      ['L3', 4],
    ]);
    await cycle('binh-thuan', [
      ['L1', 1],
      ['L2', 1],
      ['L3', 5],
    ]);
  }, 60_000);
  afterAll(() => api.stop());

  it('given a published year on v1, then the ranking says v1 and is not mixed', async () => {
    expect(await ranking()).toEqual([
      { unitId: 'an-giang', total: 9, rank: 1, status: 'published', criteriaSetVersion: 1, mixedCriteriaVersions: false },
      { unitId: 'binh-thuan', total: 7, rank: 2, status: 'published', criteriaSetVersion: 1, mixedCriteriaVersions: false },
    ]);
  });

  it('given a revision to v2, when one unit is moved, then its inputs follow v2 and the group is flagged as mixed', async () => {
    await ok(
      `mutation { reviseCriteriaSet(input:{code:"${SET}", fields:${V2}}, reason:"Decision 77: plan criteria reweighted") { revision } }`,
      'admin',
    );
    await ok('mutation { moveAssessmentToCriteriaVersion(unitId:"an-giang", year:2024, reason:"Decision 77") { eventTypes } }', 'admin');
    const rows = await ranking();
    // L1 (2) dropped, L2 (3 > 1.5) flagged and cleared: only L3's 4 points remain, out of 10
    expect(rows.find((r) => r.unitId === 'an-giang')).toMatchObject({
      total: 4,
      status: 'appraisal',
      criteriaSetVersion: 2,
      mixedCriteriaVersions: true,
    });
    expect(rows.find((r) => r.unitId === 'binh-thuan')).toMatchObject({ criteriaSetVersion: 1, mixedCriteriaVersions: true });
  });

  it('then the audit trail tells what the revision dropped and flagged, and the appraiser re-scores within the new maximum', async () => {
    const { assessmentHistory } = (await ok('{ assessmentHistory(unitId:"an-giang", year:2024) { type data storedData } }', 'admin')) as {
      assessmentHistory: { type: string; data: Record<string, unknown>; storedData: Record<string, unknown> }[];
    };
    const change = assessmentHistory.find((event) => event.type === 'AssessmentCriteriaVersionChanged')!;
    expect(change.data).toMatchObject({
      fromVersion: 1,
      toVersion: 2,
      fromStatus: 'published',
      reason: 'Decision 77',
      droppedLeaves: [{ leafCode: 'L1', why: 'removed', selfScore: 2, appraisalScore: 2 }],
      flaggedLeaves: [{ leafCode: 'L2', max: 1.5, selfScore: 3, appraisalScore: 3 }],
      addedLeaves: ['L4'],
    });
    expect(change.storedData).toMatchObject({ flaggedLeaves: [{ leafCode: 'L2', max: 150, selfScore: 300, appraisalScore: 300 }] });
    const above = await api.gql(
      'mutation { recordAppraisalScore(unitId:"an-giang", year:2024, leafCode:"L2", points:3, reason:"as before") { revision } }',
      'appraiser',
    );
    expect(above.errors?.[0]?.extensions.code).toBe('SCORE_ABOVE_MAXIMUM');
    await ok(
      'mutation { recordAppraisalScore(unitId:"an-giang", year:2024, leafCode:"L2", points:1.5, reason:"new maximum") { revision } }',
      'appraiser',
    );
    const early = await api.gql('mutation { finaliseAppraisal(unitId:"an-giang", year:2024) { revision } }', 'appraiser');
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'APPRAISAL_INCOMPLETE', details: { missingAppraisals: ['L4'] } });
  });

  it('when every remaining assessment is moved in bulk, then the group is on v2 and no longer mixed; a second run moves nothing', async () => {
    const moved = (await ok(
      `mutation { moveAssessmentsToCriteriaVersion(criteriaSetCode:"${SET}", reason:"Decision 77") { moved { streamName } failed { unitId code } } }`,
      'admin',
    )) as {
      moveAssessmentsToCriteriaVersion: { moved: { streamName: string }[]; failed: unknown[] };
    };
    expect(moved.moveAssessmentsToCriteriaVersion).toEqual({ moved: [{ streamName: 'assessment-binh-thuan-2024' }], failed: [] });
    expect((await ranking()).map((r) => [r.unitId, r.criteriaSetVersion, r.mixedCriteriaVersions])).toEqual([
      ['binh-thuan', 2, false],
      ['an-giang', 2, false],
    ]);
    const again = (await ok(
      `mutation { moveAssessmentsToCriteriaVersion(criteriaSetCode:"${SET}", reason:"Decision 77") { moved { streamName } } }`,
      'admin',
    )) as {
      moveAssessmentsToCriteriaVersion: { moved: unknown[] };
    };
    expect(again.moveAssessmentsToCriteriaVersion.moved).toEqual([]);
  });

  it('given a retired set, then corrections of assessments bound to it go on, and only admins move assessments', async () => {
    await ok(`mutation { retireCriteriaSet(code:"${SET}", reason:"superseded by the 2025 set") { revision } }`, 'admin');
    await ok(
      'mutation { recordAppraisalScore(unitId:"an-giang", year:2024, leafCode:"L4", points:3, reason:"initiatives verified") { revision } }',
      'appraiser',
    );
    await ok('mutation { finaliseAppraisal(unitId:"an-giang", year:2024) { revision } }', 'appraiser');
    const forbidden = await api.gql(
      'mutation { moveAssessmentToCriteriaVersion(unitId:"an-giang", year:2024, reason:"x") { revision } }',
      'appraiser',
    );
    expect(forbidden.errors?.[0]?.extensions.code).toBe('FORBIDDEN_FOR_ROLE');
  });
});
