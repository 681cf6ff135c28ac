import { ACTOR_ROLES } from '@par-index/domain';
import { officerOf, seedAuthorizationWorld, SET, TREE, UNIT_A, UNIT_B, UNIT_C } from './testing/authorization-fixture.test-support';
import { startRunningApi, type RunningApi, type TestActor } from './testing/running-api.test-support';
import { claimsFor, signHs256, unsignedToken } from './testing/test-tokens.test-support';

/**
 * The acceptance test of issue 7's authorization: every mutation and query × every role (+ anonymous)
 * × own/other unit, against the running API. The expected table is written out here, independently
 * of the API's OPERATION_ACCESS, and mirrors the README's "Roles" table.
 */
type Caller = 'anonymous' | 'admin' | 'officer_own' | 'officer_other' | 'appraiser' | 'council' | 'approver' | 'auditor';
const CALLERS: readonly Caller[] = ['anonymous', 'admin', 'officer_own', 'officer_other', 'appraiser', 'council', 'approver', 'auditor'];
const actorOf = (caller: Caller): TestActor | null =>
  caller === 'anonymous' ? null : caller === 'officer_own' ? officerOf(UNIT_A) : caller === 'officer_other' ? officerOf(UNIT_B) : caller;

const A = `unitId:"${UNIT_A}", year:2024`;
const SIDE_SET = 'AUTHZ-SIDE-2024';
/** The mutations, each acting on unit A (an officer of A is "own", an officer of B is "other"), and who may run them. */
const MUTATIONS: Record<string, { query: string; allowed: readonly Caller[] }> = {
  draftCriteriaSet: {
    query: `mutation { draftCriteriaSet(input:{code:"${SIDE_SET}", year:2024, level:"province", name:"side"}) { revision } }`,
    allowed: ['admin'],
  },
  replaceCriteriaTree: {
    query: `mutation { replaceCriteriaTree(input:{code:"${SIDE_SET}", fields:${TREE}}) { revision } }`,
    allowed: ['admin'],
  },
  publishCriteriaSet: { query: `mutation { publishCriteriaSet(code:"${SIDE_SET}") { revision } }`, allowed: ['admin'] },
  reviseCriteriaSet: {
    query: `mutation { reviseCriteriaSet(input:{code:"${SIDE_SET}", fields:${TREE.replace('Plan issued', 'Plan adopted')}}, reason:"wording") { revision } }`,
    allowed: ['admin'],
  },
  retireCriteriaSet: { query: `mutation { retireCriteriaSet(code:"${SIDE_SET}", reason:"replaced") { revision } }`, allowed: ['admin'] },
  registerUnit: {
    query: 'mutation { registerUnit(input:{unitId:"side-unit", name:"Side", level:"province", group:"provinces"}) { revision } }',
    allowed: ['admin'],
  },
  renameUnit: { query: 'mutation { renameUnit(unitId:"side-unit", name:"Side Unit") { revision } }', allowed: ['admin'] },
  moveUnitToGroup: { query: 'mutation { moveUnitToGroup(unitId:"side-unit", group:"others") { revision } }', allowed: ['admin'] },
  mergeUnit: { query: `mutation { mergeUnit(unitId:"side-unit", intoId:"${UNIT_B}") { revision } }`, allowed: ['admin'] },
  deactivateUnit: { query: 'mutation { deactivateUnit(unitId:"side-unit", reason:"merged") { revision } }', allowed: ['admin'] },
  openAssessment: { query: `mutation { openAssessment(${A}, criteriaSetCode:"${SET}") { revision } }`, allowed: ['admin', 'appraiser'] },
  recordSelfScore: { query: `mutation { recordSelfScore(${A}, leafCode:"F1.1.1", points:1.25) { revision } }`, allowed: ['officer_own'] },
  fileObjection: {
    query: `mutation { fileObjection(${A}, objectionId:"o-1", leafCode:"F1.1.1", kind:"explanation", text:"see annex") { revision } }`,
    allowed: ['officer_own'],
  },
  // an unknown leaf: authorization is passed or refused before the state rule (LEAF_NOT_FOUND), and nothing changes
  markLeafNotApplicable: {
    query: `mutation { markLeafNotApplicable(${A}, leafCode:"F9.9.9", reason:"no such activity") { revision } }`,
    allowed: ['officer_own', 'appraiser'],
  },
  markLeafApplicable: {
    query: `mutation { markLeafApplicable(${A}, leafCode:"F9.9.9", reason:"it applies") { revision } }`,
    allowed: ['officer_own', 'appraiser'],
  },
  submitSelfAssessment: { query: `mutation { submitSelfAssessment(${A}) { revision } }`, allowed: ['officer_own'] },
  recordAppraisalScore: {
    query: `mutation { recordAppraisalScore(${A}, leafCode:"F1.1.1", points:1, reason:"partial") { revision } }`,
    allowed: ['appraiser'],
  },
  decideObjection: {
    query: `mutation { decideObjection(${A}, objectionId:"o-1", outcome:"rejected", reason:"no evidence") { revision } }`,
    allowed: ['council'],
  },
  recordSurveyResult: {
    query: `mutation { recordSurveyResult(${A}, leafCode:"F1.1.1", rawValue:80, sampleSize:100, source:"SIPAS") { revision } }`,
    allowed: ['appraiser', 'admin'],
  },
  recordIndicatorResult: {
    query: `mutation { recordIndicatorResult(${A}, leafCode:"F1.1.1", rawValue:6, source:"GSO") { revision } }`,
    allowed: ['appraiser', 'admin'],
  },
  finaliseAppraisal: { query: `mutation { finaliseAppraisal(${A}) { revision } }`, allowed: ['appraiser'] },
  approveAssessment: { query: `mutation { approveAssessment(${A}, decisionReference:"QD-9") { revision } }`, allowed: ['approver'] },
  publishAssessment: { query: `mutation { publishAssessment(${A}) { revision } }`, allowed: ['approver', 'admin'] },
  reopenAssessment: { query: `mutation { reopenAssessment(${A}, reason:"inspection") { revision } }`, allowed: ['approver', 'admin'] },
  moveAssessmentToCriteriaVersion: {
    query: `mutation { moveAssessmentToCriteriaVersion(${A}, reason:"revision") { revision } }`,
    allowed: ['admin'],
  },
  moveAssessmentsToCriteriaVersion: {
    query: `mutation { moveAssessmentsToCriteriaVersion(criteriaSetCode:"${SIDE_SET}", reason:"revision") { moved { revision } failed { code } } }`,
    allowed: ['admin'],
  },
};

const STREAM_A = `assessment-${UNIT_A}-2024`;
/** The queries on unit A, and who may run them (what they may see is checked below). */
const QUERIES: Record<string, { query: string; allowed: readonly Caller[] }> = {
  scorecard: { query: `{ scorecard(${A}) { unitId status } }`, allowed: CALLERS },
  ranking: { query: '{ ranking(year:2024, level:"province", group:"provinces") { rows { unit { id } } } }', allowed: CALLERS },
  'ranking (live)': {
    query: '{ ranking(year:2024, level:"province", group:"provinces", live:true) { live } }',
    allowed: ['admin', 'appraiser', 'council', 'approver', 'auditor'],
  },
  unitHistory: { query: `{ unitHistory(unitId:"${UNIT_A}") { year } }`, allowed: CALLERS },
  units: { query: '{ units { rows { id } } }', allowed: CALLERS },
  groups: { query: '{ groups(year:2024) { group } }', allowed: CALLERS },
  criteriaSets: { query: '{ criteriaSets { code } }', allowed: CALLERS },
  objections: { query: `{ objections(${A}) { objectionId } }`, allowed: CALLERS },
  assessmentHistory: {
    query: `{ assessmentHistory(${A}) { type actorId } }`,
    allowed: ['admin', 'officer_own', 'appraiser', 'council', 'approver', 'auditor'],
  },
  auditTimeline: {
    query: `{ auditTimeline(${A}) { eventType actorId } }`,
    allowed: ['admin', 'officer_own', 'appraiser', 'council', 'approver', 'auditor'],
  },
  scorecardAsOf: { query: `{ scorecardAsOf(${A}, asOf:"2099-01-01T00:00:00+07:00") { unitId status } }`, allowed: CALLERS },
  rankingAsOf: {
    query: '{ rankingAsOf(year:2024, level:"province", group:"provinces", asOf:"2099-01-01T00:00:00Z") { unitId } }',
    allowed: CALLERS,
  },
  verifyAuditTrail: {
    query: `{ verifyAuditTrail(streamName:"${STREAM_A}") { ok } }`,
    allowed: ['admin', 'appraiser', 'council', 'approver', 'auditor'],
  },
  'verifyAuditTrail (whole store)': { query: '{ verifyAuditTrail { ok } }', allowed: ['admin', 'auditor'] },
};

const AUTH_CODES = ['UNAUTHENTICATED', 'FORBIDDEN_FOR_ROLE', 'FORBIDDEN_FOR_UNIT', 'SEPARATION_OF_DUTIES'];

/** The refusal a caller not in `allowed` gets: 401 anonymous, 403 for the wrong unit (the role fits) or the wrong role. */
function expectedRefusal(caller: Caller, allowed: readonly Caller[]): { status: number; code: string } {
  if (caller === 'anonymous') return { status: 401, code: 'UNAUTHENTICATED' };
  if (caller === 'officer_other' && allowed.includes('officer_own')) return { status: 403, code: 'FORBIDDEN_FOR_UNIT' };
  return { status: 403, code: 'FORBIDDEN_FOR_ROLE' };
}

const cases = (table: Record<string, { query: string; allowed: readonly Caller[] }>) =>
  Object.entries(table).flatMap(([name, { query, allowed }]) =>
    CALLERS.map((caller) => ({ name, caller, query, allowed: allowed.includes(caller), refusal: expectedRefusal(caller, allowed) })),
  );

describe('authorization: every operation × every role, against the running API', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startRunningApi();
    await seedAuthorizationWorld(api);
  });
  afterAll(() => api.stop());

  it('the tables cover every mutation and query of the schema, and every role', async () => {
    const { data } = await api.gql<{
      __schema: { mutationType: { fields: { name: string }[] }; queryType: { fields: { name: string }[] } };
    }>('{ __schema { mutationType { fields { name } } queryType { fields { name } } } }', null);
    expect(data!.__schema.mutationType.fields.map((f) => f.name).sort()).toEqual(Object.keys(MUTATIONS).sort());
    expect(data!.__schema.queryType.fields.map((f) => f.name).sort()).toEqual(
      [...new Set(Object.keys(QUERIES).map((q) => q.split(' ')[0]))].sort(),
    );
    const roles: string[] = [...CALLERS.filter((c) => c !== 'anonymous' && !c.startsWith('officer')), 'unit_officer'];
    expect(roles.sort()).toEqual([...ACTOR_ROLES].sort());
  });

  describe.each(cases(MUTATIONS))('mutation $name by $caller', ({ caller, query, allowed, refusal }) => {
    it(allowed ? 'passes authorization' : `is refused with ${refusal.code} and appends nothing`, async () => {
      const before = await api.countEvents();
      const { status, body } = await api.gqlWithStatus(query, actorOf(caller));
      const code = body.errors?.[0]?.extensions.code;
      if (allowed) {
        // allowed: applied, or refused by a state rule of the lifecycle, never by identity or role
        expect(AUTH_CODES).not.toContain(code);
        expect([401, 403]).not.toContain(status);
      } else {
        expect({ status, code }).toEqual(refusal);
        expect(body.data ?? null).toBeNull();
        expect(await api.countEvents()).toBe(before);
      }
    });
  });

  describe.each(cases(QUERIES))('query $name by $caller', ({ caller, query, allowed, refusal }) => {
    it(allowed ? 'answers' : `is refused with ${refusal.code}`, async () => {
      const { status, body } = await api.gqlWithStatus(query, actorOf(caller));
      if (allowed) {
        expect(body.errors).toBeUndefined();
        expect(status).toBe(200);
      } else {
        expect({ status, code: body.errors?.[0]?.extensions.code }).toEqual(refusal);
      }
    });
  });

  describe('what each caller may see', () => {
    const ranking = (live: boolean) =>
      `{ ranking(year:2024, level:"province", group:"provinces", live:${live}) { rows { unit { id } status } } }`;
    const unitsIn = async (actor: TestActor | null, live = false) =>
      (await api.gql<{ ranking: { rows: { unit: { id: string } }[] } }>(ranking(live), actor))
        .data!.ranking.rows.map((r) => r.unit.id)
        .sort();
    const scorecardOf = async (unitId: string, actor: TestActor | null) =>
      (await api.gql<{ scorecard: { unitId: string } | null }>(`{ scorecard(unitId:"${unitId}", year:2024) { unitId } }`, actor)).data!
        .scorecard;

    it('anonymous callers see published results only', async () => {
      expect(await unitsIn(null)).toEqual([UNIT_C]);
      expect(await scorecardOf(UNIT_C, null)).toEqual({ unitId: UNIT_C });
      expect(await scorecardOf(UNIT_A, null)).toBeNull();
    });
    it('a unit officer sees published results in the ranking, and its own unit’s drafts as scorecards', async () => {
      expect(await unitsIn(officerOf(UNIT_A))).toEqual([UNIT_C]);
      expect(await scorecardOf(UNIT_A, officerOf(UNIT_A))).toEqual({ unitId: UNIT_A });
      expect(await scorecardOf(UNIT_A, officerOf(UNIT_B))).toBeNull();
    });
    it.each(['auditor', 'admin', 'appraiser', 'council', 'approver'])('%s sees every result in the live ranking', async (role) => {
      expect(await unitsIn(role)).toEqual([UNIT_C]);
      expect(await unitsIn(role, true)).toEqual([UNIT_A, UNIT_B, UNIT_C].sort());
    });
    it('ranks say nothing about results the caller may not see', async () => {
      const ranks = async (actor: TestActor | null, live = false) => {
        const { ranking } = (
          await api.gql<{ ranking: { rows: { unit: { id: string }; rank: number }[]; statistics: { count: number } } }>(
            `{ ranking(year:2024, level:"province", group:"provinces", live:${live}) { rows { unit { id } rank } statistics { count } } }`,
            actor,
          )
        ).data!;
        return ranking.rows.map((row) => ({ unitId: row.unit.id, rank: row.rank, groupSize: ranking.statistics.count }));
      };
      expect(await ranks('auditor', true)).toEqual([
        { unitId: UNIT_A, rank: 1, groupSize: 3 },
        { unitId: UNIT_C, rank: 2, groupSize: 3 },
        { unitId: UNIT_B, rank: 3, groupSize: 3 },
      ]);
      expect(await ranks(null)).toEqual([{ unitId: UNIT_C, rank: 1, groupSize: 1 }]);
      expect(await ranks(officerOf(UNIT_A))).toEqual([{ unitId: UNIT_C, rank: 1, groupSize: 1 }]);
      const ownScorecard = await api.gql<{ scorecard: { rank: number; groupSize: number; live: boolean } }>(
        `{ scorecard(unitId:"${UNIT_A}", year:2024) { rank groupSize live } }`,
        officerOf(UNIT_A),
      );
      expect(ownScorecard.data!.scorecard).toEqual({ rank: 1, groupSize: 2, live: true });
      const anonymousScorecard = await api.gql<{ scorecard: { rank: number; groupSize: number; fields: { rank: number }[] } }>(
        `{ scorecard(unitId:"${UNIT_C}", year:2024) { rank groupSize fields { rank } } }`,
        null,
      );
      expect(anonymousScorecard.data!.scorecard).toEqual({ rank: 1, groupSize: 1, fields: [{ rank: 1 }] });
    });
  });

  describe('time travel to the present shows each caller what the live ranking shows', () => {
    type Fields = { code: string; rank: number | null }[];
    type LiveRow = { unit: { id: string }; rank: number; status: string; points: number; index: number; fields: Fields };
    type AsOfRow = { unitId: string; rank: number; status: string; total: number; percent: number; fields: Fields };
    it.each([
      ['anonymous', null],
      ['an officer of A', officerOf(UNIT_A)],
      ['the auditor', 'auditor'],
    ] as const)('for %s', async (_, actor) => {
      const live = await api.gql<{ ranking: { rows: LiveRow[] } }>(
        '{ ranking(year:2024, level:"province", group:"provinces") { rows { unit { id } rank status points index fields { code rank } } } }',
        actor,
      );
      const now = await api.gql<{ rankingAsOf: AsOfRow[] }>(
        '{ rankingAsOf(year:2024, level:"province", group:"provinces", asOf:"2099-01-01T00:00:00Z") { unitId rank status total percent fields { code rank } } }',
        actor,
      );
      const liveRows = live.data!.ranking.rows.map((r) => [r.unit.id, r.rank, r.status, r.points, r.index, r.fields]);
      expect(now.data!.rankingAsOf.map((r) => [r.unitId, r.rank, r.status, r.total, r.percent, r.fields])).toEqual(liveRows);
    });
    it('for the auditor asking for the live (unpublished) view, and an officer refused it', async () => {
      const live = await api.gql<{ ranking: { rows: LiveRow[] } }>(
        '{ ranking(year:2024, level:"province", group:"provinces", live:true) { rows { unit { id } rank status points index fields { code rank } } } }',
        'auditor',
      );
      const now = await api.gql<{ rankingAsOf: AsOfRow[] }>(
        '{ rankingAsOf(year:2024, level:"province", group:"provinces", asOf:"2099-01-01T00:00:00Z", live:true) { unitId rank status total percent fields { code rank } } }',
        'auditor',
      );
      expect(now.data!.rankingAsOf.map((r) => [r.unitId, r.rank, r.status, r.total, r.percent, r.fields])).toEqual(
        live.data!.ranking.rows.map((r) => [r.unit.id, r.rank, r.status, r.points, r.index, r.fields]),
      );
      const refused = await api.gqlWithStatus(
        '{ rankingAsOf(year:2024, level:"province", group:"provinces", asOf:"2099-01-01T00:00:00Z", live:true) { unitId } }',
        officerOf(UNIT_A),
      );
      expect([refused.status, refused.body.errors?.[0]?.extensions.code]).toEqual([403, 'FORBIDDEN_FOR_ROLE']);
    });
  });

  describe('tokens that do not verify are refused (HTTP 401), never downgraded to anonymous', () => {
    const officer = officerOf(UNIT_A);
    const selfScore = `mutation { recordSelfScore(${A}, leafCode:"F1.1.2", points:1) { revision } }`;
    const badHeaders: Array<[string, () => Record<string, string>]> = [
      ['a token signed with another secret', () => ({ authorization: `Bearer ${signHs256(claimsFor(officer), 'f'.repeat(64))}` })],
      ['an expired token', () => ({ authorization: `Bearer ${signHs256(claimsFor(officer, -60), api.secret)}` })],
      ['an unsigned token (alg: none)', () => ({ authorization: `Bearer ${unsignedToken(claimsFor(officer))}` })],
      [
        'a token signed with another algorithm (HS512 header)',
        () => ({ authorization: `Bearer ${signHs256(claimsFor(officer), api.secret, { alg: 'HS512', typ: 'JWT' })}` }),
      ],
      [
        'a token without a subject',
        () => ({ authorization: `Bearer ${signHs256({ ...claimsFor(officer), sub: undefined }, api.secret)}` }),
      ],
      [
        'a token with no known role',
        () => ({ authorization: `Bearer ${signHs256({ ...claimsFor(officer), roles: ['superuser'] }, api.secret)}` }),
      ],
      [
        'a token whose roles are not a list',
        () => ({ authorization: `Bearer ${signHs256({ ...claimsFor(officer), roles: 'admin' }, api.secret)}` }),
      ],
      [
        'a token without an expiry',
        () => ({ authorization: `Bearer ${signHs256({ ...claimsFor(officer), exp: undefined }, api.secret)}` }),
      ],
      ['a Basic Authorization header', () => ({ authorization: 'Basic YWRtaW46YWRtaW4=' })],
      ['the old x-actor headers alone', () => ({ 'x-actor-id': 'minister-of-home-affairs', 'x-actor-role': 'admin' })],
    ];

    it.each(badHeaders)('a command with %s → 401 UNAUTHENTICATED, 0 events', async (_, headers) => {
      const before = await api.countEvents();
      const { status, body } = await api.gqlWithStatus(selfScore, null, headers());
      expect({ status, code: body.errors?.[0]?.extensions.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
      expect(await api.countEvents()).toBe(before);
    });

    it.each(badHeaders.slice(0, 4))('a public query with %s → 401 as well', async (_, headers) => {
      const { status } = await api.gqlWithStatus('{ ranking(year:2024, level:"province", group:"provinces") { live } }', null, headers());
      expect(status).toBe(401);
    });
  });

  describe('separation of duties through the API', () => {
    const b = `unitId:"${UNIT_B}", year:2024`;
    const dual: TestActor = { role: ['appraiser', 'approver'], sub: 'dual-hat' };
    const run = async (query: string, actor: TestActor) => api.gqlWithStatus(query, actor);

    it('the actor who appraised cannot approve, even holding the approver role; another approver can', async () => {
      for (const [query, actor] of [
        [`mutation { recordSelfScore(${b}, leafCode:"F1.1.1", points:1) { revision } }`, officerOf(UNIT_B)],
        [`mutation { recordSelfScore(${b}, leafCode:"F1.1.2", points:1) { revision } }`, officerOf(UNIT_B)],
        [`mutation { submitSelfAssessment(${b}) { revision } }`, officerOf(UNIT_B)],
        [`mutation { recordAppraisalScore(${b}, leafCode:"F1.1.1", points:1) { revision } }`, dual],
        [`mutation { recordAppraisalScore(${b}, leafCode:"F1.1.2", points:1) { revision } }`, 'appraiser'],
        [`mutation { finaliseAppraisal(${b}) { revision } }`, 'appraiser'],
      ] as const)
        expect((await run(query, actor)).body.errors).toBeUndefined();

      const approve = `mutation { approveAssessment(${b}, decisionReference:"QD-B") { revision } }`;
      const before = await api.countEvents();
      for (const appraiser of [dual, { role: 'approver', sub: 'e2e-appraiser' }]) {
        const { status, body } = await run(approve, appraiser);
        expect({ status, code: body.errors?.[0]?.extensions.code }).toEqual({ status: 403, code: 'SEPARATION_OF_DUTIES' });
      }
      expect(await api.countEvents()).toBe(before);
      expect((await run(approve, { role: 'approver', sub: 'independent-approver' })).body.errors).toBeUndefined();
      const history = await api.gql<{ assessmentHistory: { type: string; actorId: string }[] }>(
        `{ assessmentHistory(${b}) { type actorId } }`,
        'auditor',
      );
      expect(history.data!.assessmentHistory.at(-1)).toEqual({ type: 'AssessmentApproved', actorId: 'independent-approver' });
    });
  });
});
