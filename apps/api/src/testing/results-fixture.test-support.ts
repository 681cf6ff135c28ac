import type { RunningApi, TestActor } from './running-api.test-support';

/** Two years of one province group, scored through the real workflow (self → appraisal → approval → publication). */
export const GROUP = 'provinces';
const tree = `[
  {code:"F1", name:"Direction", criteria:[{code:"F1.1", name:"Plan", leaves:[
    {code:"L1", name:"Plan issued", max:5, kind:"appraised"}, {code:"L2", name:"Plan implemented", max:5, kind:"appraised"}]}]},
  {code:"F2", name:"Services", criteria:[{code:"F2.1", name:"One-stop shop", leaves:[
    {code:"L3", name:"Records on time", max:10, kind:"appraised"}]}]}]`;

export type LeafScores = [l1: number, l2: number, l3: number];

export function resultsFixture(api: RunningApi) {
  const ok = async <T = Record<string, unknown>>(query: string, actor: TestActor | null = 'admin'): Promise<T> => {
    const result = await api.gql<T>(query, actor);
    if (result.errors) throw new Error(`${query}\n→ ${JSON.stringify(result.errors)}`);
    return result.data!;
  };
  const setCode = (year: number) => `PAR-${year}-province`;
  return {
    ok,
    async criteriaSet(year: number) {
      await ok(
        `mutation { draftCriteriaSet(input:{code:"${setCode(year)}", year:${year}, level:"province", name:"PAR ${year}"}) { revision } }`,
      );
      await ok(`mutation { replaceCriteriaTree(input:{code:"${setCode(year)}", fields:${tree}}) { revision } }`);
      await ok(`mutation { publishCriteriaSet(code:"${setCode(year)}") { revision } }`);
    },
    async unit(unitId: string, name = unitId) {
      await ok(
        `mutation { registerUnit(input:{unitId:"${unitId}", name:"${name}", level:"province", group:"${GROUP}", region:"North"}) { revision } }`,
      );
    },
    async open(unitId: string, year: number) {
      await ok(`mutation { openAssessment(unitId:"${unitId}", year:${year}, criteriaSetCode:"${setCode(year)}") { revision } }`);
    },
    /** self-scores with evidence and appraisal scores equal to them, then the workflow up to `until` */
    async score(unitId: string, year: number, scores: LeafScores, until: 'appraisal' | 'final' | 'published' = 'published') {
      const officer = { role: 'unit_officer', units: [unitId] };
      const leaves = ['L1', 'L2', 'L3'];
      for (const [i, leaf] of leaves.entries()) {
        await ok(
          `mutation { recordSelfScore(unitId:"${unitId}", year:${year}, leafCode:"${leaf}", points:${scores[i]}, evidenceRefs:["doc-${unitId}-${leaf}"]) { revision } }`,
          officer,
        );
      }
      await ok(`mutation { submitSelfAssessment(unitId:"${unitId}", year:${year}) { revision } }`, officer);
      for (const [i, leaf] of leaves.entries()) {
        await ok(
          `mutation { recordAppraisalScore(unitId:"${unitId}", year:${year}, leafCode:"${leaf}", points:${scores[i]}) { revision } }`,
          'appraiser',
        );
      }
      if (until === 'appraisal') return;
      await ok(`mutation { finaliseAppraisal(unitId:"${unitId}", year:${year}) { revision } }`, 'appraiser');
      if (until === 'final') return;
      await ok(
        `mutation { approveAssessment(unitId:"${unitId}", year:${year}, decisionReference:"QD-${year}/UBND") { revision } }`,
        'approver',
      );
      await ok(`mutation { publishAssessment(unitId:"${unitId}", year:${year}) { revision } }`, 'approver');
    },
  };
}
