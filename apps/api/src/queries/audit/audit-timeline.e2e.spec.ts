import { startRunningApi, type RunningApi } from '../../testing/running-api.test-support';
import { command, officerOf, setUpYear } from '../../testing/yearly-cycle.test-support';

interface Entry {
  eventType: string;
  scope: string;
  changes: { leafCode: string; field: string; from: number | null; to: number | null }[];
  actorId: string;
  actorRole: string;
  reason: string | null;
  statusFrom: string | null;
  statusTo: string | null;
  position: string;
  eventId: string;
  details: Record<string, unknown>;
}
const FIELDS =
  'eventType scope changes { leafCode field from to } actorId actorRole reason statusFrom statusTo position eventId occurredAt details';

describe('the per-leaf audit timeline (real API process, real PostgreSQL)', () => {
  let api: RunningApi;
  const unit = 'unitId:"ha-tinh", year:2024';
  beforeAll(async () => {
    api = await startRunningApi();
    await setUpYear(api, ['ha-tinh']);
    await command(api, `mutation { recordSelfScore(${unit}, leafCode:"F1.1.1", points:1.5) { revision } }`, officerOf('ha-tinh'));
    await command(api, `mutation { recordSelfScore(${unit}, leafCode:"F1.1.2", points:2) { revision } }`, officerOf('ha-tinh'));
    await command(
      api,
      `mutation { recordSelfScore(${unit}, leafCode:"F1.1.2", points:1.75, note:"one annex missing") { revision } }`,
      officerOf('ha-tinh'),
    );
    await command(api, `mutation { submitSelfAssessment(${unit}) { revision } }`, officerOf('ha-tinh'));
    await command(
      api,
      `mutation { recordAppraisalScore(${unit}, leafCode:"F1.1.2", points:1, reason:"plan lacked a budget") { revision } }`,
      'appraiser',
    );
    await command(
      api,
      `mutation { fileObjection(${unit}, objectionId:"o-1", leafCode:"F1.1.2", kind:"objection", text:"the budget is in annex 3", proposedPoints:1.75) { revision } }`,
      officerOf('ha-tinh'),
    );
    await command(
      api,
      `mutation { decideObjection(${unit}, objectionId:"o-1", outcome:"upheld", reason:"annex 3 shows the budget", correctedPoints:1.5) { revision } }`,
      'council',
    );
    await command(
      api,
      `mutation { recordSurveyResult(${unit}, leafCode:"F8.1.1", rawValue:75.44, sampleSize:486, source:"SIPAS 2024") { revision } }`,
      'appraiser',
    );
    await command(
      api,
      `mutation { recordSurveyResult(${unit}, leafCode:"F8.1.1", rawValue:80, sampleSize:486, source:"SIPAS 2024, corrected") { revision } }`,
      'appraiser',
    );
  });
  afterAll(() => api.stop());

  const timeline = (args: string, actor: Parameters<RunningApi['gql']>[1] = 'auditor') =>
    api.gql<{ auditTimeline: Entry[] }>(`{ auditTimeline(${args}) { ${FIELDS} } }`, actor);

  it('given a leaf corrected in appraisal, objected to and decided, then its timeline shows every change old → new in points, in line', async () => {
    const { data, errors } = await timeline(`${unit}, leafCode:"F1.1.2"`);
    expect(errors).toBeUndefined();
    const rows = data!.auditTimeline;
    expect(rows.map((r) => [r.eventType, r.actorRole, r.changes.map((c) => `${c.field} ${c.from}→${c.to}`).join(), r.reason])).toEqual([
      ['AssessmentOpened', 'admin', '', null],
      ['SelfScoreRecorded', 'unit_officer', 'selfScore null→2', null],
      ['SelfScoreRecorded', 'unit_officer', 'selfScore 2→1.75', 'one annex missing'],
      ['SelfAssessmentSubmitted', 'unit_officer', '', null],
      ['AppraisalScoreRecorded', 'appraiser', 'appraisalScore null→1', 'plan lacked a budget'],
      ['ObjectionFiled', 'unit_officer', '', 'the budget is in annex 3'],
      ['ObjectionDecided', 'council', 'appraisalScore 1→1.5', 'annex 3 shows the budget'],
    ]);
    expect(rows[3]).toMatchObject({ scope: 'assessment', statusFrom: 'self_assessment', statusTo: 'appraisal' });
    expect(rows[5]!.details).toMatchObject({ objectionId: 'o-1', kind: 'objection', proposedScore: 1.75, appraisalScore: 1 });
    expect(rows[6]!.details).toMatchObject({ outcome: 'upheld', correctedScore: 1.5 });
    expect(rows[6]!.actorId).toBe('e2e-council');
    const positions = rows.map((r) => BigInt(r.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    expect(new Set(rows.map((r) => r.eventId)).size).toBe(rows.length);
  });

  it('given a survey result recorded twice, then the second shows the first as its old value', async () => {
    const { data } = await timeline(`${unit}, leafCode:"F8.1.1"`);
    const results = data!.auditTimeline.filter((r) => r.eventType === 'SurveyResultRecorded');
    expect(results.map((r) => r.changes)).toEqual([
      [
        { leafCode: 'F8.1.1', field: 'resultPoints', from: null, to: 5.09 },
        { leafCode: 'F8.1.1', field: 'rawValue', from: null, to: 75.44 },
      ],
      [
        { leafCode: 'F8.1.1', field: 'resultPoints', from: 5.09, to: 6 },
        { leafCode: 'F8.1.1', field: 'rawValue', from: 75.44, to: 80 },
      ],
    ]);
  });

  it('given assessmentHistory, then event data is JSON with scores in points, and the stored hundredths beside it', async () => {
    const { data } = await api.gql<{
      assessmentHistory: { type: string; data: Record<string, unknown>; storedData: Record<string, unknown> }[];
    }>(`{ assessmentHistory(${unit}) { type data storedData } }`, 'auditor');
    const decided = data!.assessmentHistory.find((e) => e.type === 'ObjectionDecided')!;
    expect(decided.data).toMatchObject({ correctedScore: 1.5, previousScore: 1, outcome: 'upheld' });
    expect(decided.storedData).toMatchObject({ correctedScore: 150, previousScore: 100 });
  });

  it('given an anonymous caller, another unit’s officer or an unknown assessment, then the timeline is refused or NOT_FOUND', async () => {
    expect((await timeline(unit, null)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect((await timeline(unit, officerOf('lang-son'))).errors?.[0]?.extensions.code).toBe('FORBIDDEN_FOR_UNIT');
    expect((await timeline(unit, officerOf('ha-tinh'))).errors).toBeUndefined();
    expect((await timeline('unitId:"nowhere", year:2024')).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });
});
