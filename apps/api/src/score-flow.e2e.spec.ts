import { startRunningApi, type RunningApi } from './testing/running-api.test-support';

const SET = 'PAR-2024-province';
const TREE = `[
  {code:"F1", name:"Direction of PAR", criteria:[{code:"F1.1", name:"PAR plan", leaves:[
    {code:"F1.1.1", name:"Plan issued on time", max:1.5, kind:"appraised"},
    {code:"F1.1.2", name:"Plan implemented", max:2, kind:"appraised"}]}]},
  {code:"F8", name:"Impact", criteria:[{code:"F8.1", name:"SIPAS", leaves:[
    {code:"F8.1.1", name:"Satisfaction", max:10, kind:"survey", survey:"SIPAS", rule:{kind:"linear", from:50, to:100}}]}]}]`;

describe('a score flowing end to end through GraphQL (real API process, real PostgreSQL)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startRunningApi();
    const setup = [
      `mutation { draftCriteriaSet(input:{code:"${SET}", year:2024, level:"province", name:"PAR 2024"}) { revision } }`,
      `mutation { replaceCriteriaTree(input:{code:"${SET}", fields:${TREE}}) { revision } }`,
      `mutation { publishCriteriaSet(code:"${SET}") { revision } }`,
      ...['binh-duong', 'lang-son', 'ha-tinh'].map(
        (id) => `mutation { registerUnit(input:{unitId:"${id}", name:"${id}", level:"province", group:"provinces"}) { revision } }`,
      ),
      ...['binh-duong', 'lang-son', 'ha-tinh'].map(
        (id) => `mutation { openAssessment(unitId:"${id}", year:2024, criteriaSetCode:"${SET}") { revision } }`,
      ),
    ];
    for (const mutation of setup) expect((await api.gql(mutation)).errors).toBeUndefined();
  });
  afterAll(() => api.stop());

  const selfScore = (unitId: string, points: number, leaf = 'F1.1.1') =>
    api.gql(
      `mutation { recordSelfScore(unitId:"${unitId}", year:2024, leafCode:"${leaf}", points:${points}) { revision projected eventTypes } }`,
      officerOf(unitId),
    );

  it('given recorded scores, when the ranking is queried, then totals and competition ranks are returned', async () => {
    await selfScore('binh-duong', 1.5);
    await selfScore('lang-son', 1.25);
    const tie = await selfScore('ha-tinh', 1.25);
    expect(tie.data).toEqual({ recordSelfScore: { revision: '1', projected: true, eventTypes: ['SelfScoreRecorded'] } });

    const { data } = await api.gql<{ ranking: { live: boolean; rows: { unit: { id: string }; points: number; rank: number }[] } }>(
      '{ ranking(year:2024, level:"province", group:"provinces", live:true) { live rows { unit { id } points rank } } }',
      'auditor',
    );
    expect(data!.ranking.live).toBe(true);
    expect(data!.ranking.rows.map((row) => ({ unitId: row.unit.id, total: row.points, rank: row.rank }))).toEqual([
      { unitId: 'binh-duong', total: 1.5, rank: 1 },
      { unitId: 'ha-tinh', total: 1.25, rank: 2 },
      { unitId: 'lang-son', total: 1.25, rank: 2 },
    ]);
  });

  it('given a score above the leaf maximum, then a typed error is returned and no event is appended', async () => {
    const before = await api.countEvents();
    const result = await selfScore('lang-son', 9);
    expect(result.errors?.[0]?.extensions.code).toBe('SCORE_ABOVE_MAXIMUM');
    expect(await api.countEvents()).toBe(before);
  });

  it('given invalid input at the edge, then BAD_USER_INPUT names every problem', async () => {
    const result = await api.gql('mutation { registerUnit(input:{unitId:"bad id!", name:"", level:"galaxy", group:"x"}) { revision } }');
    expect(result.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/unitId.*name.*level/);
  });

  it('given no bearer token, then a command is refused as UNAUTHENTICATED with HTTP 401', async () => {
    const { status, body } = await api.gqlWithStatus(
      'mutation { submitSelfAssessment(unitId:"binh-duong", year:2024) { revision } }',
      null,
    );
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('given the same idempotency key twice, then the command is applied once', async () => {
    const mutation = 'mutation { recordSelfScore(unitId:"ha-tinh", year:2024, leafCode:"F1.1.2", points:2) { revision replayed } }';
    const headers = { 'idempotency-key': 'retry-42' };
    const first = await api.gql(mutation, officerOf('ha-tinh'), headers);
    const second = await api.gql(mutation, officerOf('ha-tinh'), headers);
    expect(first.data).toEqual({ recordSelfScore: { revision: '2', replayed: false } });
    expect(second.data).toEqual({ recordSelfScore: { revision: '2', replayed: true } });
  });

  it('given a stale expected revision, then CONCURRENCY_CONFLICT is returned', async () => {
    const result = await api.gql(
      'mutation { recordSelfScore(unitId:"binh-duong", year:2024, leafCode:"F1.1.2", points:1, expectedRevision:"0") { revision } }',
      officerOf('binh-duong'),
    );
    expect(result.errors?.[0]?.extensions.code).toBe('CONCURRENCY_CONFLICT');
  });

  it('given the audit trail, then every event shows who and when, and the hash chain verifies', async () => {
    const { data } = await api.gql<{
      assessmentHistory: { type: string; actorId: string; actorRole: string }[];
      verifyAuditTrail: { ok: boolean };
    }>(
      '{ assessmentHistory(unitId:"binh-duong", year:2024) { type actorId actorRole occurredAt } verifyAuditTrail { ok eventsChecked } }',
      'auditor',
    );
    expect(data!.assessmentHistory.map((e) => e.type)).toEqual(['AssessmentOpened', 'SelfScoreRecorded']);
    expect(data!.assessmentHistory[1]).toMatchObject({ actorId: 'officer-of-binh-duong', actorRole: 'unit_officer' });
    expect(data!.verifyAuditTrail.ok).toBe(true);
  });
});

function officerOf(unitId: string) {
  return { role: 'unit_officer', units: [unitId], sub: `officer-of-${unitId}` };
}
