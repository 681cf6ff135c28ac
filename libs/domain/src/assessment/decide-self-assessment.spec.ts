import { deciderSpec } from '../shared/decider-spec.test-support';
import { ctx, NOW, sampleSet } from '../shared/fixtures.test-support';
import type { OpenAssessment, RecordSelfScore } from './commands';
import { assessmentDecider } from './decider';
import { opened, resolved, retiredSet, selfScored, unit, untilApproved, untilSubmitted } from './fixtures.test-support';

const spec = deciderSpec(assessmentDecider);

describe('OpenAssessment', () => {
  const open: OpenAssessment = {
    type: 'OpenAssessment',
    context: ctx('admin'),
    unitId: unit.unitId,
    year: 2022,
    unit,
    criteriaSet: resolved,
  };

  it('opens the unit-year against the set version', () => void spec.given([]).when(open).then([opened]));
  it('may be opened by an appraiser', () => {
    const [event] = spec
      .given([])
      .when({ ...open, context: ctx('appraiser') })
      .then([{ ...opened, data: { ...opened.data, by: 'user-appraiser-1' } }]);
    expect(event.type).toBe('AssessmentOpened');
  });
  it('is a no-op when replayed', () => void spec.given([opened]).when(open).thenNothing());
  it('rejects opening against another version', () =>
    void spec
      .given([opened])
      .when({ ...open, criteriaSet: { set: sampleSet(2), retired: false } })
      .thenError('ASSESSMENT_ALREADY_OPEN'));
  it('needs a registered unit', () =>
    void spec
      .given([])
      .when({ ...open, unit: null })
      .thenError('UNIT_NOT_REGISTERED'));
  it('needs an active unit', () =>
    void spec
      .given([])
      .when({ ...open, unit: { ...unit, active: false } })
      .thenError('UNIT_INACTIVE'));
  it("needs the set's level", () =>
    void spec
      .given([])
      .when({ ...open, unit: { ...unit, level: 'district' } })
      .thenError('LEVEL_MISMATCH'));
  it("needs the set's year", () =>
    void spec
      .given([])
      .when({ ...open, year: 2023 })
      .thenError('YEAR_MISMATCH', { setYear: 2022, year: 2023 }));
  it('cannot open against a retired set', () =>
    void spec
      .given([])
      .when({ ...open, criteriaSet: retiredSet })
      .thenError('CRITERIA_SET_RETIRED'));
  it('rejects a unit snapshot of another unit', () =>
    void spec
      .given([])
      .when({ ...open, unit: { ...unit, unitId: 'other' } })
      .thenError('VALIDATION_FAILED'));
  it('rejects a missing criteria set', () =>
    void spec
      .given([])
      .when({ ...open, criteriaSet: undefined as never })
      .thenError('VALIDATION_FAILED'));
  it('is not for unit officers', () =>
    void spec
      .given([])
      .when({ ...open, context: ctx('unit_officer') })
      .thenError('FORBIDDEN_FOR_ROLE'));
});

describe('RecordSelfScore', () => {
  const record: RecordSelfScore = {
    type: 'RecordSelfScore',
    context: ctx('unit_officer'),
    leafCode: '1.1.1',
    score: 150,
    evidenceRefs: ['doc-1.1.1'],
    note: null,
    criteriaSet: resolved,
  };

  it('records a self-score with evidence', () =>
    void spec
      .given([opened])
      .when(record)
      .then([selfScored('1.1.1', 150)]));
  it('supersedes an earlier self-score before submission', () =>
    void spec
      .given([opened, selfScored('1.1.1', 150)])
      .when({ ...record, score: 100 })
      .then([selfScored('1.1.1', 100, 150)]));
  it('is a no-op when the same self-score is re-recorded', () =>
    void spec
      .given([opened, selfScored('1.1.1', 150)])
      .when(record)
      .thenNothing());
  it('records again when only the note changes', () =>
    void spec
      .given([opened, selfScored('1.1.1', 150)])
      .when({ ...record, note: 'see annex 2' })
      .then([
        {
          type: 'SelfScoreRecorded',
          data: {
            leafCode: '1.1.1',
            score: 150,
            evidenceRefs: ['doc-1.1.1'],
            note: 'see annex 2',
            previousScore: 150,
            at: NOW,
            by: 'user-officer-1',
          },
        },
      ]));
  it('accepts zero', () =>
    void spec
      .given([opened])
      .when({ ...record, score: 0 })
      .then([{ ...selfScored('1.1.1', 0) }]));
  it('rejects a score above the maximum', () =>
    void spec
      .given([opened])
      .when({ ...record, score: 151 })
      .thenError('SCORE_ABOVE_MAXIMUM', { max: 150 }));
  it('rejects a negative score on a normal leaf', () =>
    void spec
      .given([opened])
      .when({ ...record, score: -1 })
      .thenError('SCORE_BELOW_FLOOR'));
  it('accepts a deduction down to the floor', () =>
    void spec
      .given([opened])
      .when({ ...record, leafCode: '2.3', evidenceRefs: ['doc-2.3'], score: -100 })
      .then([selfScored('2.3', -100)]));
  it('rejects a deduction below the floor', () =>
    void spec
      .given([opened])
      .when({ ...record, leafCode: '2.3', score: -101 })
      .thenError('SCORE_BELOW_FLOOR', { min: -100 }));
  it('rejects a positive score on a deduction leaf', () =>
    void spec
      .given([opened])
      .when({ ...record, leafCode: '2.3', score: 1 })
      .thenError('SCORE_ABOVE_MAXIMUM'));
  it('rejects an unknown leaf', () =>
    void spec
      .given([opened])
      .when({ ...record, leafCode: '9.9' })
      .thenError('LEAF_NOT_FOUND'));
  it('rejects a group code', () =>
    void spec
      .given([opened])
      .when({ ...record, leafCode: '1.1' })
      .thenError('LEAF_NOT_FOUND'));
  it('rejects a survey leaf', () =>
    void spec
      .given([opened])
      .when({ ...record, leafCode: '2.1' })
      .thenError('LEAF_KIND_MISMATCH'));
  it('rejects fractional hundredths', () =>
    void spec
      .given([opened])
      .when({ ...record, score: 12.5 })
      .thenError('VALIDATION_FAILED'));
  it('rejects malformed evidence', () =>
    void spec
      .given([opened])
      .when({ ...record, evidenceRefs: [''] })
      .thenError('VALIDATION_FAILED'));
  it('needs an open assessment', () => void spec.given([]).when(record).thenError('ASSESSMENT_NOT_OPEN'));
  it('is closed after submission', () => void spec.given(untilSubmitted).when(record).thenError('SELF_SCORING_CLOSED'));
  it('is closed after approval', () => void spec.given(untilApproved).when(record).thenError('SELF_SCORING_CLOSED'));
  it('can still score against a retired set: retiring never blocks assessments bound to it', () =>
    expect(assessmentDecider.decide({ ...record, criteriaSet: retiredSet }, spec.given([opened]).state).length).toBeGreaterThan(0));
  it('rejects another set version than the bound one', () =>
    void spec
      .given([opened])
      .when({ ...record, criteriaSet: { set: sampleSet(2), retired: false } })
      .thenError('CRITERIA_SET_MISMATCH'));
  it('is for unit officers only', () =>
    void spec
      .given([opened])
      .when({ ...record, context: ctx('appraiser') })
      .thenError('FORBIDDEN_FOR_ROLE'));
});

describe('SubmitSelfAssessment', () => {
  const submit = { type: 'SubmitSelfAssessment', context: ctx('unit_officer'), criteriaSet: resolved } as const;
  const scored = untilSubmitted.slice(0, -1);

  it('submits with the self-scored total', () =>
    void spec
      .given(scored)
      .when(submit)
      .then([{ type: 'SelfAssessmentSubmitted', data: { selfScoredTotal: 220, scoredLeafCount: 3, at: NOW, by: 'user-officer-1' } }]));
  it('does not require unscored deduction leaves', () =>
    void spec
      .given(scored.slice(0, 3))
      .when(submit)
      .then([{ type: 'SelfAssessmentSubmitted', data: { selfScoredTotal: 270, scoredLeafCount: 2, at: NOW, by: 'user-officer-1' } }]));
  it('requires a self-score on every appraised leaf', () =>
    void spec
      .given([opened, selfScored('1.1.1', 150)])
      .when(submit)
      .thenError('SELF_ASSESSMENT_INCOMPLETE', { missingLeafCodes: ['1.1.2'] }));
  it('is a no-op once submitted', () => void spec.given(untilSubmitted).when(submit).thenNothing());
  it('needs an open assessment', () => void spec.given([]).when(submit).thenError('ASSESSMENT_NOT_OPEN'));
  it('can still submit against a retired set: retiring never blocks assessments bound to it', () =>
    expect(assessmentDecider.decide({ ...submit, criteriaSet: retiredSet }, spec.given(scored).state).length).toBeGreaterThan(0));
  it('is for unit officers only', () =>
    void spec
      .given(scored)
      .when({ ...submit, context: ctx('admin') })
      .thenError('FORBIDDEN_FOR_ROLE'));
});
