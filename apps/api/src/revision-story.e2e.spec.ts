import { eventually } from '@par-index/config/testing';
import { projectorCli, startLiveProjector, type LiveProjector } from './testing/projector-cli.test-support';
import { startRunningApi, type RunningApi, type TestActor } from './testing/running-api.test-support';

/**
 * The criteria-revision procedure of README "Operations", run as ops would on the production
 * topology (the API with RUN_PROJECTOR=false beside `par-projector run`, one PostgreSQL): v1 and a
 * published year; v2 published; the served version frozen; the move applied as events; a new
 * version built and previewed with `diff`; switch; rollback; switch again; re-appraisal; prune.
 */
const SET = 'PAR-2024-province';
const leaf = (code: string, max: number) => `{code:"${code}", name:"Leaf ${code}", max:${max}, kind:"appraised"}`;
const tree = (leaves: string[]) =>
  `[{code:"F1", name:"Direction of PAR", criteria:[{code:"F1.1", name:"PAR plan", leaves:[${leaves.join(',')}]}]}]`;
const V1 = tree([leaf('L1', 2), leaf('L2', 3), leaf('L3', 5)]);
// v2: L1 removed, L2's maximum lowered to 1.5 (below an-giang's recorded 3), L4 added
const V2 = tree([leaf('L2', 1.5), leaf('L3', 5), leaf('L4', 3.5)]);
const UNITS = ['an-giang', 'binh-thuan', 'ca-mau', 'dak-lak'];
const REASON = 'Decision 77/QD-BNV: PAR plan criteria reweighted';
const YEAR = 'year:2024, level:"province", group:"provinces"';
const ROW = '{ unit { id } points rank status criteriaSetVersion }';

const V1_RANKING = [
  ['an-giang', 9, 1, 'published', 1],
  ['binh-thuan', 7, 2, 'published', 1],
  ['ca-mau', 4.5, 3, 'published', 1],
  ['dak-lak', 1, 4, 'published', 1],
];

type Row = [unitId: string, points: number, rank: number, status: string, criteriaSetVersion: number];

describe('a criteria revision, the way ops apply it: freeze, move, rebuild, diff, switch, rollback, switch (real API, projector CLI, PostgreSQL)', () => {
  let api: RunningApi;
  let projector: LiveProjector | undefined;
  const ok = async <T = Record<string, unknown>>(query: string, actor: TestActor | null = 'admin') => {
    const result = await api.gql<T>(query, actor);
    if (result.errors) throw new Error(`${query}\n→ ${JSON.stringify(result.errors)}`);
    return result.data!;
  };
  /** the public ranking (anonymous: published results only) or the live one (admin: every opened assessment) */
  const ranking = async (view: 'public' | 'live'): Promise<Row[]> => {
    const { ranking: r } = await ok<{
      ranking: { rows: { unit: { id: string }; points: number; rank: number; status: string; criteriaSetVersion: number }[] };
    }>(`{ ranking(${YEAR}${view === 'live' ? ', live:true' : ''}) { rows ${ROW} } }`, view === 'public' ? null : 'admin');
    return r.rows.map((row): Row => [row.unit.id, row.points, row.rank, row.status, row.criteriaSetVersion]);
  };
  /** the read-model version the API serves, as its readiness endpoint reports it */
  const servedVersion = async () => {
    const body = (await (await fetch(api.url.replace(/\/graphql$/, '/health/ready'))).json()) as {
      details: { projections: { version: number } };
    };
    return body.details.projections.version;
  };
  const status = async () =>
    JSON.parse(await projectorCli(api, 'status')) as {
      activeVersion: number;
      headPosition: string;
      lag: { events: string };
      versions: { version: number; status: string; projectorAlive: boolean }[];
    };
  const projectorFollows = (version: number) =>
    eventually(
      async () => ((await status()).versions.find((v) => v.version === version)?.projectorAlive ? true : undefined),
      `the projector following version ${version}`,
    );
  const startProjector = async () => {
    projector = startLiveProjector(api);
    await projector.ready;
  };

  /** appraisal (with a reason when it re-scores after the move), finalise, approve, publish: published and projected */
  const appraiseToPublished = async (unitId: string, scores: [string, number][], reason?: string) => {
    const unit = `unitId:"${unitId}", year:2024`;
    for (const [code, points] of scores)
      await ok(
        `mutation { recordAppraisalScore(${unit}, leafCode:"${code}", points:${points}${reason ? `, reason:"${reason}"` : ''}) { revision } }`,
        'appraiser',
      );
    await ok(`mutation { finaliseAppraisal(${unit}) { revision } }`, 'appraiser');
    await ok(`mutation { approveAssessment(${unit}, decisionReference:"QD-${reason ? 2 : 1}/UBND") { revision } }`, 'approver');
    expect(await ok(`mutation { publishAssessment(${unit}) { projected } }`, 'approver')).toEqual({
      publishAssessment: { projected: true },
    });
  };
  const selfAssessed = async (unitId: string, scores: [string, number][]) => {
    const officer: TestActor = { role: 'unit_officer', units: [unitId] };
    for (const [code, points] of scores)
      await ok(`mutation { recordSelfScore(unitId:"${unitId}", year:2024, leafCode:"${code}", points:${points}) { revision } }`, officer);
    await ok(`mutation { submitSelfAssessment(unitId:"${unitId}", year:2024) { revision } }`, officer);
    return scores;
  };

  beforeAll(async () => {
    api = await startRunningApi({ env: { RUN_PROJECTOR: 'false' } });
    await startProjector();
  }, 60_000);
  afterAll(async () => {
    await projector?.stop();
    await api?.stop();
  });

  it('given criteria v1 and a published year, then the public ranking ranks the units on v1', async () => {
    await ok(`mutation { draftCriteriaSet(input:{code:"${SET}", year:2024, level:"province", name:"PAR 2024 provinces"}) { revision } }`);
    await ok(`mutation { replaceCriteriaTree(input:{code:"${SET}", fields:${V1}}) { revision } }`);
    await ok(`mutation { publishCriteriaSet(code:"${SET}") { revision } }`);
    for (const unitId of UNITS) {
      await ok(`mutation { registerUnit(input:{unitId:"${unitId}", name:"${unitId}", level:"province", group:"provinces"}) { revision } }`);
      await ok(`mutation { openAssessment(unitId:"${unitId}", year:2024, criteriaSetCode:"${SET}") { revision } }`);
    }
    await appraiseToPublished(
      'an-giang',
      await selfAssessed('an-giang', [
        ['L1', 2],
        ['L2', 3],
        ['L3', 4],
      ]),
    );
    await appraiseToPublished(
      'binh-thuan',
      await selfAssessed('binh-thuan', [
        ['L1', 1],
        ['L2', 1],
        ['L3', 5],
      ]),
    );
    await appraiseToPublished(
      'ca-mau',
      await selfAssessed('ca-mau', [
        ['L1', 0],
        ['L2', 1.5],
        ['L3', 3],
      ]),
    );
    await appraiseToPublished(
      'dak-lak',
      await selfAssessed('dak-lak', [
        ['L1', 0],
        ['L2', 0],
        ['L3', 1],
      ]),
    );
    expect(await ranking('public')).toEqual(V1_RANKING);
    expect(await servedVersion()).toBe(1);
  }, 120_000);

  it('step 1: when v2 is published, then nothing moves yet: assessments stay bound to v1', async () => {
    await ok(`mutation { reviseCriteriaSet(input:{code:"${SET}", fields:${V2}}, reason:"${REASON}") { revision } }`);
    expect(await ranking('public')).toEqual(V1_RANKING);
  });

  it('step 2-3: when the live projector is stopped and the move is applied, then the events are committed and the API still serves the v1 year', async () => {
    await projector!.stop();
    projector = undefined;
    expect((await status()).versions).toEqual([expect.objectContaining({ version: 1, status: 'active', projectorAlive: false })]);
    const { moveAssessmentsToCriteriaVersion: moved } = await ok<{
      moveAssessmentsToCriteriaVersion: {
        moved: { streamName: string; position: string; projected: boolean; notProjectedReason: string }[];
        failed: unknown[];
      };
    }>(
      `mutation { moveAssessmentsToCriteriaVersion(criteriaSetCode:"${SET}", reason:"${REASON}") { moved { streamName position projected notProjectedReason } failed { unitId code } } }`,
    );
    expect(moved.failed).toEqual([]);
    expect(moved.moved.map((m) => m.streamName)).toEqual(UNITS.map((unit) => `assessment-${unit}-2024`));
    // one wait for the last move's position, not one 5 s wait per assessment
    const last = moved.moved[3]!.position;
    for (const move of moved.moved)
      expect(move).toMatchObject({ projected: false, notProjectedReason: `read models did not reach position ${last} within 5000 ms` });
    expect(await ranking('public')).toEqual(V1_RANKING);
    const frozen = await status();
    expect(frozen).toMatchObject({ activeVersion: 1, headPosition: last, lag: { events: '4' } });
  }, 60_000);

  it('step 4: when a new version is built beside it, then `diff` previews whose scores and ranks change and by how much', async () => {
    // stdout: JSON progress lines (not a terminal), then the result
    expect((await projectorCli(api, 'rebuild', '--no-switch')).trim().split('\n').pop()).toMatch(
      /^built read-model version 2 from \d+ events \(not switched: `diff`, then `switch --to v2`\)$/,
    );
    const diff = JSON.parse(await projectorCli(api, 'diff', '--from', 'v1', '--to', 'v2')) as {
      from: number;
      to: number;
      scorecardsCompared: number;
      changed: number;
      changes: unknown[];
    };
    expect(diff).toMatchObject({ from: 1, to: 2, scorecardsCompared: 4, changed: 4 });
    // an-giang loses L1 (dropped) and L2 (3 > new maximum 1.5: flagged, not capped); binh-thuan loses L1; ca-mau's and dak-lak's L1 was 0.
    // Every moved result is reopened: the diff names dak-lak too, whose total and rank stay, because it leaves the published ranking.
    const moved = { fromStatus: 'published', toStatus: 'appraisal', fromCriteriaSetVersion: 1, toCriteriaSetVersion: 2 };
    expect(diff.changes).toEqual([
      {
        unitId: 'an-giang',
        year: 2024,
        level: 'province',
        group: 'provinces',
        fromTotal: 9,
        toTotal: 4,
        totalDelta: -5,
        fromRank: 1,
        toRank: 3,
        rankDelta: -2,
        ...moved,
      },
      {
        unitId: 'binh-thuan',
        year: 2024,
        level: 'province',
        group: 'provinces',
        fromTotal: 7,
        toTotal: 6,
        totalDelta: -1,
        fromRank: 2,
        toRank: 1,
        rankDelta: 1,
        ...moved,
      },
      {
        unitId: 'ca-mau',
        year: 2024,
        level: 'province',
        group: 'provinces',
        fromTotal: 4.5,
        toTotal: 4.5,
        totalDelta: 0,
        fromRank: 3,
        toRank: 2,
        rankDelta: 1,
        ...moved,
      },
      {
        unitId: 'dak-lak',
        year: 2024,
        level: 'province',
        group: 'provinces',
        fromTotal: 1,
        toTotal: 1,
        totalDelta: 0,
        fromRank: 4,
        toRank: 4,
        rankDelta: 0,
        ...moved,
      },
    ]);
    expect(await servedVersion()).toBe(1);
  }, 60_000);

  it('step 5: when switched and the projector restarted, then the API serves v2 results: reopened for appraisal, off the public ranking', async () => {
    expect(await projectorCli(api, 'switch', '--to', 'v2')).toContain('switched the API from version 1 to version 2');
    await startProjector();
    await projectorFollows(2);
    expect(await servedVersion()).toBe(2);
    expect(await ranking('live')).toEqual([
      ['binh-thuan', 6, 1, 'appraisal', 2],
      ['ca-mau', 4.5, 2, 'appraisal', 2],
      ['an-giang', 4, 3, 'appraisal', 2],
      ['dak-lak', 1, 4, 'appraisal', 2],
    ]);
    expect(await ranking('public')).toEqual([]);
  }, 60_000);

  it('then the appraiser sees what the revision dropped and flagged: the score above the new maximum is cleared, never capped', async () => {
    const { auditTimeline } = await ok<{
      auditTimeline: {
        eventType: string;
        reason: string;
        details: Record<string, unknown>;
        changes: { leafCode: string; field: string; from: number | null; to: number | null }[];
      }[];
    }>('{ auditTimeline(unitId:"an-giang", year:2024) { eventType reason details changes { leafCode field from to } } }', 'appraiser');
    const move = auditTimeline.find((entry) => entry.eventType === 'AssessmentCriteriaVersionChanged')!;
    expect(move).toMatchObject({
      reason: REASON,
      details: {
        fromVersion: 1,
        toVersion: 2,
        droppedLeaves: [{ leafCode: 'L1', why: 'removed' }],
        flaggedLeaves: ['L2'],
        addedLeaves: ['L4'],
      },
    });
    expect(move.changes).toEqual(
      expect.arrayContaining([
        { leafCode: 'L1', field: 'appraisalScore', from: 2, to: null },
        { leafCode: 'L2', field: 'appraisalScore', from: 3, to: null },
      ]),
    );
    const { scorecard } = await ok<{
      scorecard: { criteriaSetVersion: number; leaves: { code: string; max: number; appraisedScore: number | null; origin: string }[] };
    }>(
      '{ scorecard(unitId:"an-giang", year:2024, live:true) { criteriaSetVersion leaves { code max appraisedScore origin } } }',
      'appraiser',
    );
    expect(scorecard.criteriaSetVersion).toBe(2);
    expect(scorecard.leaves.map(({ code, max, appraisedScore }) => [code, max, appraisedScore])).toEqual([
      ['L2', 1.5, null],
      ['L3', 5, 4],
      ['L4', 3.5, null],
    ]);
    const above = await api.gql(
      'mutation { recordAppraisalScore(unitId:"an-giang", year:2024, leafCode:"L2", points:3, reason:"as before") { revision } }',
      'appraiser',
    );
    expect(above.errors?.[0]?.extensions.code).toBe('SCORE_ABOVE_MAXIMUM');
  });

  it('step 6: when rolled back, then the previous version serves, caught up to the same log: rollback undoes a build, not a revision', async () => {
    const before = await ranking('live');
    expect(await projectorCli(api, 'rollback')).toContain('rolled back the API from version 2 to version 1');
    expect(await servedVersion()).toBe(1);
    expect(await ranking('live')).toEqual(before);
    await projectorFollows(1);
  }, 60_000);

  it('step 6, continued: when switched again, then version 2 serves the same results and the projector follows it', async () => {
    const before = await ranking('live');
    expect(await projectorCli(api, 'switch', '--to', 'v2')).toContain('switched the API from version 1 to version 2');
    expect(await servedVersion()).toBe(2);
    expect(await ranking('live')).toEqual(before);
    await projectorFollows(2);
  }, 60_000);

  it('step 7: when the appraiser re-scores within the new maxima and the year is re-approved and published, then the public ranking is back, on v2', async () => {
    await appraiseToPublished(
      'an-giang',
      [
        ['L2', 1.5],
        ['L4', 3],
      ],
      'revision 77: within the new maximum',
    );
    await appraiseToPublished('binh-thuan', [['L4', 2]], 'revision 77: new leaf');
    await appraiseToPublished('ca-mau', [['L4', 1]], 'revision 77: new leaf');
    await appraiseToPublished('dak-lak', [['L4', 0.5]], 'revision 77: new leaf');
    expect(await ranking('public')).toEqual([
      ['an-giang', 8.5, 1, 'published', 2],
      ['binh-thuan', 8, 2, 'published', 2],
      ['ca-mau', 5.5, 3, 'published', 2],
      ['dak-lak', 1.5, 4, 'published', 2],
    ]);
  }, 120_000);

  it('step 8: then the audit trail tells the whole story, and `prune` ends the rollback', async () => {
    const { assessmentHistory } = await ok<{ assessmentHistory: { type: string; data: Record<string, unknown> }[] }>(
      '{ assessmentHistory(unitId:"an-giang", year:2024) { type data } }',
    );
    expect(assessmentHistory.map((event) => event.type).slice(-8)).toEqual([
      'AssessmentApproved',
      'AssessmentPublished',
      'AssessmentCriteriaVersionChanged',
      'AppraisalScoreRecorded',
      'AppraisalScoreRecorded',
      'AppraisalFinalised',
      'AssessmentApproved',
      'AssessmentPublished',
    ]);
    expect(assessmentHistory.find((event) => event.type === 'AssessmentCriteriaVersionChanged')!.data).toMatchObject({
      fromVersion: 1,
      toVersion: 2,
      fromStatus: 'published',
      reason: REASON,
      droppedLeaves: [{ leafCode: 'L1', why: 'removed', selfScore: 2, appraisalScore: 2 }],
      flaggedLeaves: [{ leafCode: 'L2', max: 1.5, selfScore: 3, appraisalScore: 3 }],
      addedLeaves: ['L4'],
    });
    expect(await projectorCli(api, 'prune')).toContain('pruned version(s) 1');
    await expect(projectorCli(api, 'rollback')).rejects.toThrow('nothing to roll back to');
  }, 60_000);
});
