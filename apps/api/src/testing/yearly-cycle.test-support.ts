import type { RunningApi, TestActor } from './running-api.test-support';

export const CYCLE_SET = 'PAR-2024-province';
/** F1 appraised (1.5 + 2 points), F8 SIPAS survey (10 points, linear 50 → 100 %): 13.5 points. */
export const CYCLE_TREE = `[
  {code:"F1", name:"Direction of PAR", criteria:[{code:"F1.1", name:"PAR plan", leaves:[
    {code:"F1.1.1", name:"Plan issued on time", max:1.5, kind:"appraised"},
    {code:"F1.1.2", name:"Plan implemented", max:2, kind:"appraised"}]}]},
  {code:"F8", name:"Impact", criteria:[{code:"F8.1", name:"SIPAS", leaves:[
    {code:"F8.1.1", name:"Satisfaction", max:10, kind:"survey", survey:"SIPAS", rule:{kind:"linear", from:50, to:100}}]}]}]`;

export const officerOf = (unitId: string): TestActor => ({ role: 'unit_officer', units: [unitId], sub: `officer-of-${unitId}` });

export interface CommandAnswer {
  revision: string;
  position: string;
  projected: boolean;
}

/** Runs a mutation and fails the test with the errors when it is refused; answers the command result. */
export async function command(api: RunningApi, mutation: string, actor: TestActor = 'admin'): Promise<CommandAnswer> {
  const result = await api.gql<Record<string, CommandAnswer>>(mutation, actor);
  if (result.errors) throw new Error(`${mutation}\n→ ${JSON.stringify(result.errors)}`);
  return Object.values(result.data!)[0]!;
}

/** Drafts, fills and publishes the cycle's criteria set, registers the units and opens their 2024 assessments. */
export async function setUpYear(api: RunningApi, unitIds: readonly string[], tree = CYCLE_TREE): Promise<void> {
  await command(
    api,
    `mutation { draftCriteriaSet(input:{code:"${CYCLE_SET}", year:2024, level:"province", name:"PAR 2024"}) { revision } }`,
  );
  await command(api, `mutation { replaceCriteriaTree(input:{code:"${CYCLE_SET}", fields:${tree}}) { revision } }`);
  await command(api, `mutation { publishCriteriaSet(code:"${CYCLE_SET}") { revision } }`);
  for (const id of unitIds) {
    await command(api, `mutation { registerUnit(input:{unitId:"${id}", name:"${id}", level:"province", group:"provinces"}) { revision } }`);
    await command(api, `mutation { openAssessment(unitId:"${id}", year:2024, criteriaSetCode:"${CYCLE_SET}") { revision } }`);
  }
}

const RESULT = '{ revision position projected }';

/** A whole cycle up to publication: self-scores, appraisal (agreeing), SIPAS result, finalise, approve, publish. */
export async function runToPublished(
  api: RunningApi,
  unitId: string,
  scores: { a: number; b: number; sipas: number },
): Promise<CommandAnswer> {
  const unit = `unitId:"${unitId}", year:2024`;
  await command(
    api,
    `mutation { recordSelfScore(${unit}, leafCode:"F1.1.1", points:${scores.a}, evidenceRefs:["doc-1"]) ${RESULT} }`,
    officerOf(unitId),
  );
  await command(api, `mutation { recordSelfScore(${unit}, leafCode:"F1.1.2", points:${scores.b}) ${RESULT} }`, officerOf(unitId));
  await command(api, `mutation { submitSelfAssessment(${unit}) ${RESULT} }`, officerOf(unitId));
  await command(api, `mutation { recordAppraisalScore(${unit}, leafCode:"F1.1.1", points:${scores.a}) ${RESULT} }`, 'appraiser');
  await command(api, `mutation { recordAppraisalScore(${unit}, leafCode:"F1.1.2", points:${scores.b}) ${RESULT} }`, 'appraiser');
  await command(
    api,
    `mutation { recordSurveyResult(${unit}, leafCode:"F8.1.1", rawValue:${scores.sipas}, sampleSize:400, source:"SIPAS 2024") ${RESULT} }`,
    'appraiser',
  );
  await command(api, `mutation { finaliseAppraisal(${unit}) ${RESULT} }`, 'appraiser');
  await command(api, `mutation { approveAssessment(${unit}, decisionReference:"QD-1/UBND") ${RESULT} }`, 'approver');
  return command(api, `mutation { publishAssessment(${unit}) ${RESULT} }`, 'approver');
}
