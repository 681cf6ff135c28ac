import { startRunningApi, type RunningApi } from './testing/running-api.test-support';

const LEAVES = Array.from({ length: 50 }, (_, i) => `L${String(i + 1).padStart(2, '0')}`);
const TREE = `[{code:"F1", name:"Everything", criteria:[{code:"C1", name:"Fifty leaves", leaves:[
  ${LEAVES.map((code) => `{code:"${code}", name:"Leaf ${code}", max:1, kind:"appraised"}`).join(',\n  ')}]}]}]`;
const OFFICER = { role: 'unit_officer', units: ['binh-duong'], sub: 'officer-1' };

interface Recorded {
  recordSelfScore?: { revision: string; replayed: boolean };
}

describe('a scoring form saving 50 leaves at once (real API process, real PostgreSQL)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startRunningApi();
    const setup = [
      'mutation { draftCriteriaSet(input:{code:"PAR-50", year:2024, level:"province", name:"Fifty"}) { revision } }',
      `mutation { replaceCriteriaTree(input:{code:"PAR-50", fields:${TREE}}) { revision } }`,
      'mutation { publishCriteriaSet(code:"PAR-50") { revision } }',
      'mutation { registerUnit(input:{unitId:"binh-duong", name:"Binh Duong", level:"province", group:"provinces"}) { revision } }',
      'mutation { openAssessment(unitId:"binh-duong", year:2024, criteriaSetCode:"PAR-50") { revision } }',
    ];
    for (const mutation of setup) expect((await api.gql(mutation)).errors).toBeUndefined();
  });
  afterAll(() => api.stop());

  const selfScore = (leafCode: string, extra = '') =>
    api.gql<Recorded>(
      `mutation { recordSelfScore(unitId:"binh-duong", year:2024, leafCode:"${leafCode}", points:1${extra}) { revision replayed } }`,
      OFFICER,
    );

  it('given 50 parallel self-scores on 50 leaves without expectedRevision, then all are applied with consecutive revisions', async () => {
    const before = await api.countEvents();
    const results = await Promise.all(LEAVES.map((leaf) => selfScore(leaf)));

    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    const revisions = results.map((result) => Number(result.data!.recordSelfScore!.revision)).sort((a, b) => a - b);
    // revision 0 is AssessmentOpened: the 50 scores are revisions 1..50, each exactly once
    expect(revisions).toEqual(LEAVES.map((_, i) => i + 1));
    expect(await api.countEvents()).toBe(before + 50);

    const history = await api.gql<{ assessmentHistory: { type: string; revision: string; data: { leafCode: string } }[] }>(
      '{ assessmentHistory(unitId:"binh-duong", year:2024) { type revision data } }',
    );
    const scored = history.data!.assessmentHistory.filter((event) => event.type === 'SelfScoreRecorded');
    expect(scored.map((event) => event.data.leafCode).sort()).toEqual(LEAVES);
    expect(history.data!.assessmentHistory.map((event) => Number(event.revision))).toEqual(Array.from({ length: 51 }, (_, i) => i));
  });

  it('given parallel writers that name the same expectedRevision, then exactly one is applied and the others get CONCURRENCY_CONFLICT', async () => {
    const { data } = await api.gql<{ assessmentHistory: { revision: string }[] }>(
      '{ assessmentHistory(unitId:"binh-duong", year:2024) { revision } }',
    );
    const head = data!.assessmentHistory[data!.assessmentHistory.length - 1]!.revision;
    const results = await Promise.all(
      LEAVES.slice(0, 5).map((leaf) => selfScore(leaf, `, note:"second pass", expectedRevision:"${head}"`)),
    );

    expect(results.filter((result) => result.errors === undefined)).toHaveLength(1);
    expect(results.flatMap((result) => result.errors ?? []).map((error) => error.extensions.code)).toEqual(
      Array(4).fill('CONCURRENCY_CONFLICT'),
    );
  });
});
