import type { RunningApi, TestActor } from './running-api.test-support';

/** The criteria set and units the authorization test acts on; C goes through the whole cycle to published. */
export const SET = 'AUTHZ-2024-province';
export const UNIT_A = 'binh-duong';
export const UNIT_B = 'lang-son';
export const UNIT_C = 'ha-tinh';
export const TREE = `[{code:"F1", name:"Direction", criteria:[{code:"F1.1", name:"Plan", leaves:[
  {code:"F1.1.1", name:"Plan issued", max:1.5, kind:"appraised"}, {code:"F1.1.2", name:"Plan done", max:2, kind:"appraised"}]}]}]`;

export const officerOf = (unitId: string): TestActor => ({ role: 'unit_officer', units: [unitId], sub: `officer-of-${unitId}` });

async function ok(api: RunningApi, query: string, actor: TestActor): Promise<void> {
  const result = await api.gql(query, actor);
  if (result.errors) throw new Error(`setup step failed: ${query}\n${JSON.stringify(result.errors)}`);
}

/** Published set; units A, B, C with open assessments; C self-scored, appraised, approved and published; A self-scored above C. */
export async function seedAuthorizationWorld(api: RunningApi): Promise<void> {
  await ok(
    api,
    `mutation { draftCriteriaSet(input:{code:"${SET}", year:2024, level:"province", name:"Authz 2024"}) { revision } }`,
    'admin',
  );
  await ok(api, `mutation { replaceCriteriaTree(input:{code:"${SET}", fields:${TREE}}) { revision } }`, 'admin');
  await ok(api, `mutation { publishCriteriaSet(code:"${SET}") { revision } }`, 'admin');
  for (const unitId of [UNIT_A, UNIT_B, UNIT_C]) {
    await ok(
      api,
      `mutation { registerUnit(input:{unitId:"${unitId}", name:"${unitId}", level:"province", group:"provinces"}) { revision } }`,
      'admin',
    );
    await ok(api, `mutation { openAssessment(unitId:"${unitId}", year:2024, criteriaSetCode:"${SET}") { revision } }`, 'admin');
  }
  const c = `unitId:"${UNIT_C}", year:2024`;
  await ok(api, `mutation { recordSelfScore(${c}, leafCode:"F1.1.1", points:1.5) { revision } }`, officerOf(UNIT_C));
  await ok(api, `mutation { recordSelfScore(${c}, leafCode:"F1.1.2", points:2) { revision } }`, officerOf(UNIT_C));
  await ok(api, `mutation { submitSelfAssessment(${c}) { revision } }`, officerOf(UNIT_C));
  await ok(api, `mutation { recordAppraisalScore(${c}, leafCode:"F1.1.1", points:1.5) { revision } }`, 'appraiser');
  await ok(api, `mutation { recordAppraisalScore(${c}, leafCode:"F1.1.2", points:1, reason:"partly done") { revision } }`, 'appraiser');
  await ok(api, `mutation { finaliseAppraisal(${c}) { revision } }`, 'appraiser');
  await ok(api, `mutation { approveAssessment(${c}, decisionReference:"QD-1") { revision } }`, 'approver');
  await ok(api, `mutation { publishAssessment(${c}) { revision } }`, 'approver');
  // A (a draft) outscores C (published): restricted callers must not learn that from C's rank
  await ok(api, `mutation { recordSelfScore(unitId:"${UNIT_A}", year:2024, leafCode:"F1.1.1", points:1) { revision } }`, officerOf(UNIT_A));
  await ok(api, `mutation { recordSelfScore(unitId:"${UNIT_A}", year:2024, leafCode:"F1.1.2", points:2) { revision } }`, officerOf(UNIT_A));
}
