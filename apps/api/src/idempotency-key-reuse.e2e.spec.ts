import { startRunningApi, type RunningApi } from './testing/running-api.test-support';

const OFFICER = { role: 'unit_officer', units: ['ha-tinh'], sub: 'officer-7' };

describe('idempotency keys (real API process, real PostgreSQL)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startRunningApi();
    const setup = [
      'mutation { draftCriteriaSet(input:{code:"PAR-IK", year:2024, level:"province", name:"IK"}) { revision } }',
      `mutation { replaceCriteriaTree(input:{code:"PAR-IK", fields:[{code:"F1", name:"F", criteria:[{code:"C1", name:"C", leaves:[
        {code:"A1", name:"A1", max:2, kind:"appraised"}, {code:"A2", name:"A2", max:2, kind:"appraised"}]}]}]}) { revision } }`,
      'mutation { publishCriteriaSet(code:"PAR-IK") { revision } }',
      'mutation { registerUnit(input:{unitId:"ha-tinh", name:"Ha Tinh", level:"province", group:"provinces"}) { revision } }',
      'mutation { openAssessment(unitId:"ha-tinh", year:2024, criteriaSetCode:"PAR-IK") { revision } }',
    ];
    for (const mutation of setup) expect((await api.gql(mutation)).errors).toBeUndefined();
  });
  afterAll(() => api.stop());

  const selfScore = (leafCode: string, points: number, key: string) =>
    api.gqlWithStatus<{ recordSelfScore: { revision: string; replayed: boolean } }>(
      `mutation { recordSelfScore(unitId:"ha-tinh", year:2024, leafCode:"${leafCode}", points:${points}) { revision replayed } }`,
      OFFICER,
      { 'idempotency-key': key },
    );

  it('given the same key and the same command, then the retry replays the first result', async () => {
    const first = await selfScore('A1', 1, 'form-save-1');
    const before = await api.countEvents();
    const retry = await selfScore('A1', 1, 'form-save-1');
    expect(first.body.data).toEqual({ recordSelfScore: { revision: '1', replayed: false } });
    expect(retry).toEqual({ status: 200, body: { data: { recordSelfScore: { revision: '1', replayed: true } } } });
    expect(await api.countEvents()).toBe(before);
  });

  it.each([
    ['other points on the same leaf', 'A1', 2],
    ['the same points on another leaf', 'A2', 1],
  ])(
    'given the same key with a different command (%s), then IDEMPOTENCY_KEY_REUSED (409) and nothing is appended',
    async (_, leafCode, points) => {
      const before = await api.countEvents();
      const reused = await selfScore(leafCode, points, 'form-save-1');
      expect(reused.status).toBe(409);
      expect(reused.body.errors?.[0]?.extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await api.countEvents()).toBe(before);
    },
  );

  it('given a new key for the changed command, then it is applied', async () => {
    const applied = await selfScore('A1', 2, 'form-save-2');
    expect(applied.body.data).toEqual({ recordSelfScore: { revision: '2', replayed: false } });
  });
});
