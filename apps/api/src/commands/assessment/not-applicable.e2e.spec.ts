import { startRunningApi, type RunningApi } from '../../testing/running-api.test-support';
import { command, officerOf, setUpYear } from '../../testing/yearly-cycle.test-support';

const TREE = `[{code:"F1", name:"Institutional reform", criteria:[{code:"F1.1", name:"Legal documents", leaves:[
  {code:"A", name:"Documents issued", max:50, kind:"appraised"},
  {code:"B", name:"Documents implemented", max:34, kind:"appraised"},
  {code:"C", name:"Border-gate procedures", max:16, kind:"appraised"}]}]}]`;
const unit = 'unitId:"lang-son", year:2024';
const CARD = `{ scorecard(${unit}) { total applicableMax percent status } }`;

describe('a leaf not applicable to a unit (real API process, real PostgreSQL)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startRunningApi();
    await setUpYear(api, ['lang-son'], TREE);
  });
  afterAll(() => api.stop());

  it('given a proposal confirmed in appraisal, then the index is points ÷ the applicable maximum (68.32 of 84 → 81.33 %)', async () => {
    await command(api, `mutation { recordSelfScore(${unit}, leafCode:"A", points:40) { revision } }`, officerOf('lang-son'));
    await command(api, `mutation { recordSelfScore(${unit}, leafCode:"B", points:28.32) { revision } }`, officerOf('lang-son'));
    const proposal = await api.gql<{ markLeafNotApplicable: { eventTypes: string[] } }>(
      `mutation { markLeafNotApplicable(${unit}, leafCode:"C", reason:"the province has no border gate") { eventTypes } }`,
      officerOf('lang-son'),
    );
    expect(proposal.data!.markLeafNotApplicable.eventTypes).toEqual(['LeafNotApplicableProposed']);
    await command(api, `mutation { submitSelfAssessment(${unit}) { revision } }`, officerOf('lang-son'));
    expect((await api.gql(CARD, 'auditor')).data).toEqual({
      scorecard: { total: 68.32, applicableMax: 100, percent: 68.32, status: 'appraisal' },
    });

    const confirmation = await api.gql<{ markLeafNotApplicable: { eventTypes: string[] } }>(
      `mutation { markLeafNotApplicable(${unit}, leafCode:"C", reason:"confirmed: no border gate in 2024") { eventTypes } }`,
      'appraiser',
    );
    expect(confirmation.data!.markLeafNotApplicable.eventTypes).toEqual(['LeafMarkedNotApplicable']);
    expect((await api.gql(CARD, 'auditor')).data).toEqual({
      scorecard: { total: 68.32, applicableMax: 84, percent: 81.33, status: 'appraisal' },
    });

    await command(api, `mutation { recordAppraisalScore(${unit}, leafCode:"A", points:40) { revision } }`, 'appraiser');
    await command(api, `mutation { recordAppraisalScore(${unit}, leafCode:"B", points:28.32) { revision } }`, 'appraiser');
    await command(api, `mutation { finaliseAppraisal(${unit}) { revision } }`, 'appraiser');
    expect((await api.gql(CARD, 'auditor')).data).toEqual({
      scorecard: { total: 68.32, applicableMax: 84, percent: 81.33, status: 'appraisal_final' },
    });
  });

  it('given the leaf marked, then its timeline shows the proposal and the applicable maximum 16 → 0 with both reasons', async () => {
    const { data } = await api.gql<{
      auditTimeline: { eventType: string; actorRole: string; reason: string; changes: { field: string; from: number; to: number }[] }[];
    }>(`{ auditTimeline(${unit}, leafCode:"C") { eventType actorRole reason changes { field from to } } }`, 'auditor');
    const leafSteps = data!.auditTimeline.filter((e) => e.eventType.startsWith('Leaf'));
    expect(leafSteps).toEqual([
      { eventType: 'LeafNotApplicableProposed', actorRole: 'unit_officer', reason: 'the province has no border gate', changes: [] },
      {
        eventType: 'LeafMarkedNotApplicable',
        actorRole: 'appraiser',
        reason: 'confirmed: no border gate in 2024',
        changes: [{ field: 'applicableMax', from: 16, to: 0 }],
      },
    ]);
  });

  it('given a mark reversed in a reopened appraisal, then the leaf is back in the applicable maximum', async () => {
    await command(api, `mutation { approveAssessment(${unit}, decisionReference:"QD-5/UBND") { revision } }`, 'approver');
    await command(api, `mutation { reopenAssessment(${unit}, reason:"the border gate opened in December") { revision } }`, 'approver');
    const undo = await api.gql<{ markLeafApplicable: { eventTypes: string[] } }>(
      `mutation { markLeafApplicable(${unit}, leafCode:"C", reason:"the border gate opened in December") { eventTypes } }`,
      'appraiser',
    );
    expect(undo.data!.markLeafApplicable.eventTypes).toEqual(['LeafApplicabilityRestored']);
    expect((await api.gql(CARD, 'auditor')).data).toEqual({
      scorecard: { total: 68.32, applicableMax: 100, percent: 68.32, status: 'appraisal' },
    });
    await command(
      api,
      `mutation { recordAppraisalScore(${unit}, leafCode:"C", points:8, reason:"half the procedures online") { revision } }`,
      'appraiser',
    );
    expect((await api.gql(CARD, 'auditor')).data).toEqual({
      scorecard: { total: 76.32, applicableMax: 100, percent: 76.32, status: 'appraisal' },
    });
  });

  it('given refusals, then each is a typed error and appends nothing', async () => {
    const before = await api.countEvents();
    const late = await api.gql(
      `mutation { markLeafNotApplicable(${unit}, leafCode:"A", reason:"too late") { revision } }`,
      officerOf('lang-son'),
    );
    expect(late.errors?.[0]?.extensions.code).toBe('SELF_SCORING_CLOSED');
    const council = await api.gql(`mutation { markLeafNotApplicable(${unit}, leafCode:"A", reason:"x") { revision } }`, 'council');
    expect(council.errors?.[0]?.extensions.code).toBe('FORBIDDEN_FOR_ROLE');
    const anonymous = await api.gql(`mutation { markLeafNotApplicable(${unit}, leafCode:"A", reason:"x") { revision } }`, null);
    expect(anonymous.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(await api.countEvents()).toBe(before);
  });
});
