import fc from 'fast-check';
import { ACTOR_ROLES } from '../shared/command-context';
import { foldEvents } from '../shared/decider';
import { isDomainError } from '../shared/domain-error';
import { ACTOR_BY_ROLE, ctx, sampleSet } from '../shared/fixtures.test-support';
import type { CommandContext } from '../shared/command-context';
import type { ResolvedCriteriaSet } from '../criteria-set/state';
import type { AssessmentCommand } from './commands';
import { ASSESSMENT_COMMAND_ROLES } from './decide';
import { assessmentDecider } from './decider';
import type { AssessmentEvent } from './events';
import { resolved, unit } from './fixtures.test-support';
import type { AssessmentState } from './state';

const leafCode = fc.constantFrom('1.1.1', '1.1.2', '2.1', '2.2', '2.3', '1.1', 'nope', 'constructor', 'toString', 'valueOf');
const score = fc.integer({ min: -150, max: 450 });
const text = fc.constantFrom('r1', 'r2', null);
const role = fc.constantFrom(...ACTOR_ROLES);
const criteriaSet = fc.constantFrom(
  resolved,
  resolved,
  resolved,
  { set: sampleSet(2), retired: false },
  { set: sampleSet(1), retired: true },
);

/** Valid-shaped commands in any order, any role: most are refused, some go through. */
const command: fc.Arbitrary<AssessmentCommand> = fc
  .tuple(
    fc.integer({ min: 0, max: 14 }),
    role,
    fc.boolean(),
    leafCode,
    score,
    text,
    criteriaSet,
    fc.constantFrom('o1', 'o2', 'constructor', 'hasOwnProperty'),
    fc.boolean(),
    fc.integer({ min: 0, max: 5 }),
  )
  .map(([kind, randomRole, useRandomRole, leaf, s, t, set, objectionId, flag, twist]) => {
    const c = buildCommand(kind, leaf, s, t, set, objectionId, flag);
    // mostly the role the command needs, so sequences get past the role check and deep into the lifecycle
    const r =
      useRandomRole && kind % 3 === 0
        ? randomRole
        : (kind === 12 || kind === 13) && flag
          ? 'appraiser'
          : ASSESSMENT_COMMAND_ROLES[c.type][0];
    return { ...c, context: withIdentityTwist(ctx(r), twist) };
  });

/** Sometimes the caller acts for another unit only, or is the appraiser holding the command's role too. */
function withIdentityTwist(context: CommandContext, twist: number): CommandContext {
  if (twist === 0) return { ...context, unitIds: ['prov-elsewhere'] };
  if (twist === 1) return { ...context, actorId: ACTOR_BY_ROLE.appraiser };
  return context;
}

function buildCommand(
  kind: number,
  leaf: string,
  s: number,
  t: string | null,
  set: ResolvedCriteriaSet,
  objectionId: string,
  flag: boolean,
): AssessmentCommand {
  const base = { context: ctx('admin'), criteriaSet: set };
  switch (kind) {
    case 0:
      return { ...base, type: 'OpenAssessment', unitId: unit.unitId, year: 2022, unit: flag ? unit : { ...unit, active: false } };
    case 1:
      return { ...base, type: 'RecordSelfScore', leafCode: leaf, score: s, evidenceRefs: ['d'], note: t };
    case 2:
      return { ...base, type: 'SubmitSelfAssessment' };
    case 3:
      return { ...base, type: 'RecordAppraisalScore', leafCode: leaf, score: s, reason: t };
    case 4:
      return {
        ...base,
        type: 'FileObjection',
        objectionId,
        leafCode: leaf,
        kind: flag ? 'objection' : 'explanation',
        text: 'x',
        evidenceRefs: [],
        proposedScore: flag ? s : null,
      };
    case 5:
      return {
        ...base,
        type: 'DecideObjection',
        objectionId,
        outcome: flag ? 'upheld' : 'rejected',
        reason: 'because',
        correctedScore: flag ? s : null,
      };
    case 6:
      return { ...base, type: 'RecordSurveyResult', leafCode: leaf, rawValue: s / 4, sampleSize: 100, source: 'SIPAS' };
    case 7:
      return { ...base, type: 'RecordIndicatorResult', leafCode: leaf, rawValue: s / 50, source: 'GSO' };
    case 8:
      return { ...base, type: 'FinaliseAppraisal' };
    case 9:
      return { ...base, type: 'ApproveAssessment', decisionReference: flag ? 'QD-1' : 'QD-2' };
    case 10:
      return { ...base, type: 'PublishAssessment' };
    case 11:
      return { ...base, type: 'ReopenAssessment', reason: 'correction' };
    case 12:
      return { ...base, type: 'MarkLeafNotApplicable', leafCode: leaf, reason: 'no such activity' };
    case 14:
      return {
        ...base,
        type: 'ChangeAssessmentGroup',
        group: flag ? 'north-provinces' : objectionId === 'o1' ? 'provinces' : 'bad group',
        reason: 'unit moved',
      };
    default:
      return { ...base, type: 'MarkLeafApplicable', leafCode: leaf, reason: 'applies after all' };
  }
}

/** Runs the commands, keeping the events of those accepted; rethrows anything but a DomainError. */
function run(commands: AssessmentCommand[]): {
  events: AssessmentEvent[];
  accepted: Array<{ command: AssessmentCommand; stateAfter: AssessmentState }>;
  refusals: string[];
} {
  let state = assessmentDecider.initialState();
  const events: AssessmentEvent[] = [];
  const refusals: string[] = [];
  const accepted: Array<{ command: AssessmentCommand; stateAfter: AssessmentState }> = [];
  for (const c of commands) {
    try {
      const decided = assessmentDecider.decide(c, state);
      events.push(...decided);
      state = decided.reduce(assessmentDecider.evolve, state);
      if (decided.length > 0) accepted.push({ command: c, stateAfter: state });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      refusals.push(error.code);
    }
  }
  return { events, accepted, refusals };
}

/** The lifecycle in order, through a reopen and a second approval. */
const happyPath: AssessmentCommand[] = [
  { type: 'OpenAssessment', context: ctx('admin'), criteriaSet: resolved, unitId: unit.unitId, year: 2022, unit },
  {
    type: 'RecordSelfScore',
    context: ctx('unit_officer'),
    criteriaSet: resolved,
    leafCode: '1.1.1',
    score: 150,
    evidenceRefs: [],
    note: null,
  },
  {
    type: 'RecordSelfScore',
    context: ctx('unit_officer'),
    criteriaSet: resolved,
    leafCode: '1.1.2',
    score: 120,
    evidenceRefs: [],
    note: null,
  },
  { type: 'SubmitSelfAssessment', context: ctx('unit_officer'), criteriaSet: resolved },
  { type: 'RecordAppraisalScore', context: ctx('appraiser'), criteriaSet: resolved, leafCode: '1.1.1', score: 150, reason: null },
  { type: 'RecordAppraisalScore', context: ctx('appraiser'), criteriaSet: resolved, leafCode: '1.1.2', score: 100, reason: 'r' },
  {
    type: 'RecordSurveyResult',
    context: ctx('appraiser'),
    criteriaSet: resolved,
    leafCode: '2.1',
    rawValue: 75,
    sampleSize: 400,
    source: 'SIPAS',
  },
  { type: 'RecordIndicatorResult', context: ctx('appraiser'), criteriaSet: resolved, leafCode: '2.2', rawValue: 6, source: 'GSO' },
  { type: 'FinaliseAppraisal', context: ctx('appraiser'), criteriaSet: resolved },
  { type: 'ApproveAssessment', context: ctx('approver'), criteriaSet: resolved, decisionReference: 'QD-1' },
  { type: 'PublishAssessment', context: ctx('approver'), criteriaSet: resolved },
  { type: 'ReopenAssessment', context: ctx('approver'), criteriaSet: resolved, reason: 'audit' },
  { type: 'RecordAppraisalScore', context: ctx('appraiser'), criteriaSet: resolved, leafCode: '1.1.1', score: 140, reason: 'late' },
  { type: 'FinaliseAppraisal', context: ctx('appraiser'), criteriaSet: resolved },
  { type: 'ApproveAssessment', context: ctx('approver'), criteriaSet: resolved, decisionReference: 'QD-2' },
];

/** A prefix of the lifecycle with random commands slipped in anywhere. */
const commands: fc.Arbitrary<AssessmentCommand[]> = fc
  .tuple(fc.integer({ min: 0, max: happyPath.length }), fc.array(fc.tuple(fc.nat(), command), { maxLength: 30 }))
  .map(([prefixLength, extras]) => {
    const sequence = happyPath.slice(0, prefixLength);
    for (const [position, extra] of extras) sequence.splice(position % (sequence.length + 1), 0, extra);
    return sequence;
  });

describe('assessment decider properties', () => {
  it('the generated sequences reach every status', () => {
    const reached = new Set(
      fc.sample(commands, { numRuns: 400, seed: 42 }).map((cs) => foldEvents(assessmentDecider, run(cs).events).status),
    );
    expect([...reached].sort()).toEqual(['appraisal', 'appraisal_final', 'approved', 'not_opened', 'published', 'self_assessment']);
  });

  it('the generated sequences meet the unit-scope and separation-of-duties refusals', () => {
    const refusals = new Set(fc.sample(commands, { numRuns: 400, seed: 42 }).flatMap((cs) => run(cs).refusals));
    expect(refusals).toContain('FORBIDDEN_FOR_UNIT');
    expect(refusals).toContain('SEPARATION_OF_DUTIES');
  });

  it('no command of a unit officer outside its unit scope is ever accepted', () => {
    fc.assert(
      fc.property(commands, (cs) => {
        for (const { command: c } of run(cs).accepted) {
          if (c.context.actorRole === 'unit_officer') expect(c.context.unitIds).toContain(unit.unitId);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('no assessment is ever approved by an actor who set an appraisal score or finalised the appraisal', () => {
    fc.assert(
      fc.property(commands, (cs) => {
        const appraisers = new Set<string>();
        for (const event of run(cs).events) {
          if (event.type === 'AppraisalScoreRecorded' || event.type === 'AppraisalFinalised') appraisers.add(event.data.by);
          if (event.type === 'ObjectionDecided' && event.data.correctedScore !== null) appraisers.add(event.data.by);
          if (event.type === 'AssessmentApproved') expect(appraisers.has(event.data.by)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('decide only ever fails with a DomainError', () => {
    fc.assert(
      fc.property(commands, (cs) => void run(cs)),
      { numRuns: 300 },
    );
  });

  it('folding is deterministic and does not mutate earlier states', () => {
    fc.assert(
      fc.property(commands, (cs) => {
        const { events } = run(cs);
        const once = foldEvents(assessmentDecider, events);
        const snapshot = JSON.stringify(once);
        const twice = foldEvents(assessmentDecider, events);
        events.reduce(assessmentDecider.evolve, once);
        expect(twice).toEqual(once);
        expect(JSON.stringify(once)).toBe(snapshot);
      }),
      { numRuns: 200 },
    );
  });

  it('replaying an accepted command right after it is a no-op', () => {
    fc.assert(
      fc.property(commands, (cs) => {
        for (const { command: c, stateAfter } of run(cs).accepted) expect(assessmentDecider.decide(c, stateAfter)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every recorded score within its leaf bounds', () => {
    const bounds = new Map<string, [number, number]>([
      ['1.1.1', [0, 150]],
      ['1.1.2', [0, 150]],
      ['2.3', [-100, 0]],
    ]);
    fc.assert(
      fc.property(commands, (cs) => {
        const state = foldEvents(assessmentDecider, run(cs).events);
        if (state.status === 'not_opened') return;
        for (const [code, s] of [...state.selfScores, ...state.appraisalScores]) {
          const [min, max] = bounds.get(code)!;
          expect(s.score).toBeGreaterThanOrEqual(min);
          expect(s.score).toBeLessThanOrEqual(max);
        }
      }),
      { numRuns: 200 },
    );
  });
  it('never changes the group of an assessment once it has been published', () => {
    fc.assert(
      fc.property(commands, (cs) => {
        let published = false;
        for (const event of run(cs).events) {
          if (event.type === 'AssessmentPublished') published = true;
          if (event.type === 'AssessmentGroupChanged') expect(published).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the generated sequences change groups and meet the publication refusal', () => {
    const samples = fc.sample(commands, { numRuns: 400, seed: 42 }).map(run);
    expect(samples.some((r) => r.events.some((e) => e.type === 'AssessmentGroupChanged'))).toBe(true);
    expect(new Set(samples.flatMap((r) => r.refusals))).toContain('GROUP_FIXED_BY_PUBLICATION');
  });

  it('never records an appraisal score or a result on a leaf an appraiser marked not applicable', () => {
    fc.assert(
      fc.property(commands, (cs) => {
        let state = assessmentDecider.initialState();
        for (const event of run(cs).events) {
          if (
            state.status !== 'not_opened' &&
            'leafCode' in event.data &&
            ['AppraisalScoreRecorded', 'SurveyResultRecorded', 'IndicatorResultRecorded'].includes(event.type)
          ) {
            expect(state.notApplicable.get(event.data.leafCode)?.confirmed ?? false).toBe(false);
          }
          state = assessmentDecider.evolve(state, event);
        }
      }),
      { numRuns: 200 },
    );
  });
});
