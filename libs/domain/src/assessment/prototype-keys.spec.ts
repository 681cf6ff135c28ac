import fc from 'fast-check';
import type { CriterionGroup, LeafCriterion } from '@par-index/scoring';
import { foldEvents } from '../shared/decider';
import { isDomainError } from '../shared/domain-error';
import { ctx, sampleSet } from '../shared/fixtures.test-support';
import type { ResolvedCriteriaSet } from '../criteria-set/state';
import type { AssessmentCommand } from './commands';
import { assessmentDecider } from './decider';
import type { AssessmentEvent } from './events';
import { unit } from './fixtures.test-support';

/** Codes that name Object.prototype members: a `{}` lookup finds something for them. */
export const PROTOTYPE_CODES = [
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
];

const leaf = (code: string): LeafCriterion => ({ type: 'leaf', code, name: `leaf ${code}`, max: 100, scoring: { kind: 'appraised' } });

function setWith(codes: readonly string[]): ResolvedCriteriaSet {
  const leaves = codes.map(leaf);
  const fields: CriterionGroup[] = [{ type: 'group', code: 'F1', name: 'field', max: leaves.length * 100, children: leaves }];
  return { set: sampleSet(1, fields), retired: false };
}

function run(commands: readonly Omit<AssessmentCommand, 'criteriaSet'>[], criteriaSet: ResolvedCriteriaSet) {
  const events: AssessmentEvent[] = [];
  const errors: string[] = [];
  for (const command of commands) {
    try {
      events.push(...assessmentDecider.decide({ ...command, criteriaSet } as AssessmentCommand, foldEvents(assessmentDecider, events)));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      errors.push(error.code);
    }
  }
  return { events, errors };
}

const open = { type: 'OpenAssessment', context: ctx('admin'), unitId: unit.unitId, year: 2022, unit } as const;
const selfScore = (leafCode: string) =>
  ({ type: 'RecordSelfScore', context: ctx('unit_officer'), leafCode, score: 50, evidenceRefs: [], note: null }) as const;
const appraise = (leafCode: string) =>
  ({ type: 'RecordAppraisalScore', context: ctx('appraiser'), leafCode, score: 50, reason: null }) as const;
const submit = { type: 'SubmitSelfAssessment', context: ctx('unit_officer') } as const;
const finalise = { type: 'FinaliseAppraisal', context: ctx('appraiser') } as const;

describe('leaf codes and objection ids that name Object.prototype members', () => {
  it.each(PROTOTYPE_CODES)(
    'given a leaf coded %s never self-scored, when the self-assessment is submitted, then it is incomplete',
    (code) => {
      const { events, errors } = run([open, selfScore('A1'), submit], setWith(['A1', code]));
      expect(errors).toEqual(['SELF_ASSESSMENT_INCOMPLETE']);
      expect(events.map((e) => e.type)).toEqual(['AssessmentOpened', 'SelfScoreRecorded']);
    },
  );

  it.each(PROTOTYPE_CODES)('given a leaf coded %s never appraised, when the appraisal is finalised, then it is incomplete', (code) => {
    const { errors } = run([open, selfScore('A1'), selfScore(code), submit, appraise('A1'), finalise], setWith(['A1', code]));
    expect(errors).toEqual(['APPRAISAL_INCOMPLETE']);
  });

  it.each(PROTOTYPE_CODES)('given a leaf coded %s, when it is self-scored, then the first score is not treated as a re-record', (code) => {
    const { events } = run([open, selfScore(code)], setWith([code]));
    expect(events[1]).toMatchObject({ type: 'SelfScoreRecorded', data: { leafCode: code, previousScore: null } });
  });

  it.each(PROTOTYPE_CODES)('given no objection %s, when the council decides it, then it is not found', (code) => {
    const { errors } = run(
      [
        open,
        selfScore('A1'),
        submit,
        appraise('A1'),
        {
          type: 'DecideObjection',
          context: ctx('council'),
          objectionId: code,
          outcome: 'rejected',
          reason: 'no',
          correctedScore: null,
        } as Omit<AssessmentCommand, 'criteriaSet'>,
      ],
      setWith(['A1']),
    );
    expect(errors).toEqual(['OBJECTION_NOT_FOUND']);
  });

  it('holds for any mix of ordinary and prototype codes: submission needs exactly the scored leaves', () => {
    const codes = fc.uniqueArray(fc.constantFrom(...PROTOTYPE_CODES, 'A1', 'A2', 'B1'), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(codes, fc.func(fc.boolean()), (all, scoreIt) => {
        const scored = all.filter((code) => scoreIt(code));
        const { errors } = run([open, ...scored.map(selfScore), submit], setWith(all));
        expect(errors).toEqual(scored.length === all.length ? [] : ['SELF_ASSESSMENT_INCOMPLETE']);
      }),
      { numRuns: 200 },
    );
  });
});
