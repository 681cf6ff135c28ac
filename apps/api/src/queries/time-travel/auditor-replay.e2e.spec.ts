import { startRunningApi, type RunningApi } from '../../testing/running-api.test-support';
import { command, officerOf, runToPublished, setUpYear } from '../../testing/yearly-cycle.test-support';

interface Row {
  unitId: string;
  total: number;
  percent: number;
  rank: number;
  status: string;
}
const ROW = 'unitId total percent rank status';
const group = 'year:2024, level:"province", group:"provinces"';

/** "2024-06-30T10:00:00.123Z" as the same instant written with a +07:00 offset. */
function inVietnam(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  return `${shifted.slice(0, -1)}+07:00`;
}

describe('an auditor replays a published result corrected later (real API process, real PostgreSQL)', () => {
  let api: RunningApi;
  let beforeCorrection: string;
  let duringCorrection: string;
  let afterCorrection: string;
  const langSon = 'unitId:"lang-son", year:2024';

  beforeAll(async () => {
    api = await startRunningApi();
    await setUpYear(api, ['binh-duong', 'lang-son']);
    await runToPublished(api, 'binh-duong', { a: 1.5, b: 2, sipas: 80 }); // 1.5 + 2 + 6 = 9.5
    beforeCorrection = (await runToPublished(api, 'lang-son', { a: 1.5, b: 1.5, sipas: 85 })).position; // 1.5 + 1.5 + 7 = 10
    // the correction: reopen, a new appraisal with its reason, finalise, re-approve, re-publish
    await command(api, `mutation { reopenAssessment(${langSon}, reason:"inspection: plan not implemented") { position } }`, 'approver');
    duringCorrection = (
      await command(
        api,
        `mutation { recordAppraisalScore(${langSon}, leafCode:"F1.1.2", points:0.5, reason:"plan not implemented in Q3-Q4") { position } }`,
        'appraiser',
      )
    ).position;
    await command(api, `mutation { finaliseAppraisal(${langSon}) { position } }`, 'appraiser');
    await command(api, `mutation { approveAssessment(${langSon}, decisionReference:"QD-2/UBND") { position } }`, 'approver');
    afterCorrection = (await command(api, `mutation { publishAssessment(${langSon}) { position } }`, 'approver')).position; // 1.5 + 0.5 + 7 = 9
  });
  afterAll(() => api.stop());

  const rankingAsOf = async (asOf: string, actor: Parameters<RunningApi['gql']>[1] = 'auditor', live = false) => {
    const result = await api.gql<{ rankingAsOf: Row[] }>(`{ rankingAsOf(${group}, asOf:"${asOf}", live:${live}) { ${ROW} } }`, actor);
    expect(result.errors).toBeUndefined();
    return result.data!.rankingAsOf.map((r) => [r.unitId, r.total, r.rank, r.status]);
  };

  it('given the live ranking, then the correction is in force', async () => {
    type LiveRow = { unit: { id: string }; points: number; rank: number; status: string };
    const { data } = await api.gql<{ ranking: { rows: LiveRow[] } }>(
      `{ ranking(${group}) { rows { unit { id } points rank status } } }`,
      null,
    );
    expect(data!.ranking.rows.map((r) => [r.unit.id, r.points, r.rank, r.status])).toEqual([
      ['binh-duong', 9.5, 1, 'published'],
      ['lang-son', 9, 2, 'published'],
    ]);
  });

  it('given asOf a position before the correction, then the old ranking and ranks; after it, the new', async () => {
    expect(await rankingAsOf(beforeCorrection)).toEqual([
      ['lang-son', 10, 1, 'published'],
      ['binh-duong', 9.5, 2, 'published'],
    ]);
    expect(await rankingAsOf(afterCorrection)).toEqual([
      ['binh-duong', 9.5, 1, 'published'],
      ['lang-son', 9, 2, 'published'],
    ]);
  });

  it('given asOf an instant (any offset) before the correction, then the same old ranking as at that position', async () => {
    const { data } = await api.gql<{ assessmentHistory: { type: string; occurredAt: string; position: string }[] }>(
      `{ assessmentHistory(${langSon}) { type occurredAt position } }`,
      'auditor',
    );
    const history = data!.assessmentHistory;
    const published = history.find((e) => e.position === beforeCorrection)!;
    const reopened = history.find((e) => e.type === 'AssessmentReopened')!;
    expect(Date.parse(reopened.occurredAt)).toBeGreaterThan(Date.parse(published.occurredAt));
    const old = [
      ['lang-son', 10, 1, 'published'],
      ['binh-duong', 9.5, 2, 'published'],
    ];
    expect(await rankingAsOf(published.occurredAt)).toEqual(old);
    expect(await rankingAsOf(inVietnam(published.occurredAt))).toEqual(old);
    const { data: card } = await api.gql<{ scorecardAsOf: Row }>(
      `{ scorecardAsOf(${langSon}, asOf:"${inVietnam(published.occurredAt)}") { ${ROW} } }`,
      null,
    );
    expect(card!.scorecardAsOf).toMatchObject({ total: 10, rank: 1, status: 'published', percent: 74.07 });
  });

  it('given asOf during the correction, then the public sees only what was published then; the auditor sees the reopened result', async () => {
    expect(await rankingAsOf(duringCorrection, null)).toEqual([['binh-duong', 9.5, 1, 'published']]);
    expect(await rankingAsOf(duringCorrection)).toEqual([['binh-duong', 9.5, 1, 'published']]);
    expect(await rankingAsOf(duringCorrection, 'auditor', true)).toEqual([
      ['binh-duong', 9.5, 1, 'published'],
      ['lang-son', 9, 2, 'appraisal'],
    ]);
    const { data } = await api.gql<{ scorecardAsOf: Row | null }>(
      `{ scorecardAsOf(${langSon}, asOf:"${duringCorrection}") { ${ROW} } }`,
      null,
    );
    expect(data!.scorecardAsOf).toBeNull();
  });

  it('given the timeline of the corrected leaf, then every step of the correction is there with its actor, role and reason', async () => {
    const { data } = await api.gql<{
      auditTimeline: {
        eventType: string;
        actorRole: string;
        reason: string | null;
        statusTo: string | null;
        changes: { from: number; to: number }[];
        details: Record<string, unknown>;
      }[];
    }>(`{ auditTimeline(${langSon}, leafCode:"F1.1.2") { eventType actorRole reason statusTo changes { from to } details } }`, 'auditor');
    const steps = data!.auditTimeline.map((e) => [
      e.eventType,
      e.actorRole,
      e.statusTo ?? e.changes.map((c) => `${c.from}→${c.to}`).join(),
      e.reason,
    ]);
    expect(steps).toEqual([
      ['AssessmentOpened', 'admin', 'self_assessment', null],
      ['SelfScoreRecorded', 'unit_officer', 'null→1.5', null],
      ['SelfAssessmentSubmitted', 'unit_officer', 'appraisal', null],
      ['AppraisalScoreRecorded', 'appraiser', 'null→1.5', null],
      ['AppraisalFinalised', 'appraiser', 'appraisal_final', null],
      ['AssessmentApproved', 'approver', 'approved', null],
      ['AssessmentPublished', 'approver', 'published', null],
      ['AssessmentReopened', 'approver', 'appraisal', 'inspection: plan not implemented'],
      ['AppraisalScoreRecorded', 'appraiser', '1.5→0.5', 'plan not implemented in Q3-Q4'],
      ['AppraisalFinalised', 'appraiser', 'appraisal_final', null],
      ['AssessmentApproved', 'approver', 'approved', null],
      ['AssessmentPublished', 'approver', 'published', null],
    ]);
    expect(data!.auditTimeline[8]!.details).toMatchObject({ correction: true });
    expect(data!.auditTimeline[10]!.details).toMatchObject({ approvalRound: 2, decisionReference: 'QD-2/UBND', totals: { total: 9 } });
  });

  it('given an invalid asOf, then BAD_USER_INPUT and no answer', async () => {
    for (const asOf of ['yesterday', '2024-06-30', '2024-02-30T00:00:00Z', '2024-06-30T17:00:00']) {
      const result = await api.gql(`{ rankingAsOf(${group}, asOf:"${asOf}") { unitId } }`, 'auditor');
      expect(result.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      const history = await api.gql(`{ assessmentHistory(${langSon}, asOf:"${asOf}") { type } }`, 'auditor');
      expect(history.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('given time travel asked five times in one request, then QUERY_TOO_COMPLEX: each reads the store up to asOf', async () => {
    const asks = (n: number) =>
      Array.from({ length: n }, (_, i) => `r${i}: scorecardAsOf(${langSon}, asOf:"${beforeCorrection}") { total }`).join(' ');
    expect((await api.gql(`{ ${asks(4)} }`, 'auditor')).errors).toBeUndefined();
    expect((await api.gql(`{ ${asks(5)} }`, 'auditor')).errors?.[0]?.extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('given a unit officer, then time travel shows its own unpublished scorecard but not another unit’s, and ranks the published results as the live ranking does', async () => {
    const scorecard = (unitId: string, actor: Parameters<RunningApi['gql']>[1]) =>
      api.gql<{ scorecardAsOf: Row | null }>(
        `{ scorecardAsOf(unitId:"${unitId}", year:2024, asOf:"${duringCorrection}") { ${ROW} } }`,
        actor,
      );
    expect((await scorecard('lang-son', officerOf('lang-son'))).data!.scorecardAsOf).toMatchObject({
      unitId: 'lang-son',
      status: 'appraisal',
    });
    expect((await scorecard('lang-son', officerOf('binh-duong'))).data!.scorecardAsOf).toBeNull();
    expect(await rankingAsOf(duringCorrection, officerOf('lang-son'))).toEqual([['binh-duong', 9.5, 1, 'published']]);
  });
});
