import { deciderSpec } from '../shared/decider-spec.test-support';
import { ctx, NOW } from '../shared/fixtures.test-support';
import type { DecideObjection, FileObjection, RecordAppraisalScore } from './commands';
import { assessmentDecider } from './decider';
import type { AssessmentEvent } from './events';
import { appraised, opened, resolved, retiredSet, untilAppraised, untilFinal, untilSubmitted } from './fixtures.test-support';

const spec = deciderSpec(assessmentDecider);

describe('RecordAppraisalScore', () => {
  const record: RecordAppraisalScore = {
    type: 'RecordAppraisalScore',
    context: ctx('appraiser'),
    leafCode: '1.1.1',
    score: 150,
    reason: null,
    criteriaSet: resolved,
  };

  it('agrees with the self-score without a reason', () =>
    void spec
      .given(untilSubmitted)
      .when(record)
      .then([appraised('1.1.1', 150, 150)]));
  it('requires a reason when it differs from the self-score', () =>
    void spec
      .given(untilSubmitted)
      .when({ ...record, score: 100 })
      .thenError('APPRAISAL_REASON_REQUIRED', { selfScore: 150 }));
  it('corrects the self-score with a reason', () =>
    void spec
      .given(untilSubmitted)
      .when({ ...record, score: 100, reason: 'no evidence of issuance' })
      .then([appraised('1.1.1', 100, 150, 'no evidence of issuance')]));
  it('requires a reason to change an earlier appraisal score, even back to the self-score', () =>
    void spec
      .given([...untilSubmitted, appraised('1.1.1', 100, 150, 'x')])
      .when(record)
      .thenError('APPRAISAL_REASON_REQUIRED'));
  it('is a no-op when the same score and reason are replayed', () =>
    void spec
      .given([...untilSubmitted, appraised('1.1.1', 100, 150, 'x')])
      .when({ ...record, score: 100, reason: 'x' })
      .thenNothing());
  it('records a deduction the unit did not declare, with a reason', () => {
    const withoutDeduction = untilSubmitted.filter((e) => !(e.type === 'SelfScoreRecorded' && e.data.leafCode === '2.3'));
    spec
      .given(withoutDeduction)
      .when({ ...record, leafCode: '2.3', score: -50 })
      .thenError('APPRAISAL_REASON_REQUIRED', { selfScore: null });
    spec
      .given(withoutDeduction)
      .when({ ...record, leafCode: '2.3', score: -50, reason: '3 late files' })
      .then([appraised('2.3', -50, null, '3 late files')]);
  });
  it('rejects a score above the maximum', () =>
    void spec
      .given(untilSubmitted)
      .when({ ...record, score: 151, reason: 'r' })
      .thenError('SCORE_ABOVE_MAXIMUM'));
  it('rejects a deduction below the floor', () =>
    void spec
      .given(untilSubmitted)
      .when({ ...record, leafCode: '2.3', score: -200, reason: 'r' })
      .thenError('SCORE_BELOW_FLOOR'));
  it('rejects an unknown leaf', () =>
    void spec
      .given(untilSubmitted)
      .when({ ...record, leafCode: 'x' })
      .thenError('LEAF_NOT_FOUND'));
  it('rejects an indicator leaf', () =>
    void spec
      .given(untilSubmitted)
      .when({ ...record, leafCode: '2.2' })
      .thenError('LEAF_KIND_MISMATCH'));
  it('is not possible before submission', () => void spec.given([opened]).when(record).thenError('APPRAISAL_NOT_STARTED'));
  it('needs an open assessment', () => void spec.given([]).when(record).thenError('ASSESSMENT_NOT_OPEN'));
  it('is closed once the appraisal is final', () => void spec.given(untilFinal).when(record).thenError('APPRAISAL_CLOSED'));
  it('can still appraise against a retired set: retiring never blocks assessments bound to it', () =>
    expect(assessmentDecider.decide({ ...record, criteriaSet: retiredSet }, spec.given(untilSubmitted).state).length).toBeGreaterThan(0));
  it('is for appraisers only', () =>
    void spec
      .given(untilSubmitted)
      .when({ ...record, context: ctx('council') })
      .thenError('FORBIDDEN_FOR_ROLE'));
});

const objectionFiled: AssessmentEvent = {
  type: 'ObjectionFiled',
  data: {
    objectionId: 'obj-1',
    leafCode: '1.1.2',
    kind: 'objection',
    text: 'The budget is in annex 3',
    evidenceRefs: ['doc-annex-3'],
    proposedScore: 120,
    appraisalScore: 100,
    at: NOW,
    by: 'user-officer-1',
  },
};

describe('FileObjection', () => {
  const file: FileObjection = {
    type: 'FileObjection',
    context: ctx('unit_officer'),
    objectionId: 'obj-1',
    leafCode: '1.1.2',
    kind: 'objection',
    text: 'The budget is in annex 3',
    evidenceRefs: ['doc-annex-3'],
    proposedScore: 120,
    criteriaSet: resolved,
  };

  it('files an objection against an appraisal score', () => void spec.given(untilAppraised).when(file).then([objectionFiled]));
  it('files an explanation before any appraisal score', () =>
    void spec
      .given(untilSubmitted)
      .when({ ...file, kind: 'explanation', proposedScore: null })
      .then([{ ...objectionFiled, data: { ...objectionFiled.data, kind: 'explanation', proposedScore: null, appraisalScore: null } }]));
  it('needs an appraisal score to object to', () => void spec.given(untilSubmitted).when(file).thenError('NO_APPRAISAL_TO_OBJECT'));
  it('is a no-op when replayed', () =>
    void spec
      .given([...untilAppraised, objectionFiled])
      .when(file)
      .thenNothing());
  it('rejects a reused objection id', () =>
    void spec
      .given([...untilAppraised, objectionFiled])
      .when({ ...file, text: 'other' })
      .thenError('OBJECTION_ID_TAKEN'));
  it('rejects a proposed score above the maximum', () =>
    void spec
      .given(untilAppraised)
      .when({ ...file, proposedScore: 999 })
      .thenError('SCORE_ABOVE_MAXIMUM'));
  it('rejects an unknown leaf', () =>
    void spec
      .given(untilAppraised)
      .when({ ...file, leafCode: '7' })
      .thenError('LEAF_NOT_FOUND'));
  it('rejects an unknown kind', () =>
    void spec
      .given(untilAppraised)
      .when({ ...file, kind: 'complaint' as never })
      .thenError('VALIDATION_FAILED'));
  it('requires a text', () =>
    void spec
      .given(untilAppraised)
      .when({ ...file, text: '' })
      .thenError('VALIDATION_FAILED'));
  it('is not possible before submission', () => void spec.given([opened]).when(file).thenError('APPRAISAL_NOT_STARTED'));
  it('is closed once the appraisal is final', () => void spec.given(untilFinal).when(file).thenError('APPRAISAL_CLOSED'));
  it('is for unit officers only', () =>
    void spec
      .given(untilAppraised)
      .when({ ...file, context: ctx('appraiser') })
      .thenError('FORBIDDEN_FOR_ROLE'));
});

describe('DecideObjection', () => {
  const decide: DecideObjection = {
    type: 'DecideObjection',
    context: ctx('council'),
    objectionId: 'obj-1',
    outcome: 'upheld',
    reason: 'annex 3 shows the budget',
    correctedScore: 120,
    criteriaSet: resolved,
  };
  const decided: AssessmentEvent = {
    type: 'ObjectionDecided',
    data: {
      objectionId: 'obj-1',
      leafCode: '1.1.2',
      outcome: 'upheld',
      reason: 'annex 3 shows the budget',
      correctedScore: 120,
      previousScore: 100,
      at: NOW,
      by: 'user-council-1',
    },
  };
  const withObjection = [...untilAppraised, objectionFiled];

  it('upholds with a corrected score', () => void spec.given(withObjection).when(decide).then([decided]));
  it('sets the appraisal score to the corrected score', () => {
    const state = spec.given(withObjection).when(decide).thenState();
    expect(state.status !== 'not_opened' && state.appraisalScores.get('1.1.2')).toMatchObject({ score: 120, objectionId: 'obj-1' });
  });
  it('rejects an objection, leaving the score', () => {
    const state = spec
      .given(withObjection)
      .when({ ...decide, outcome: 'rejected', correctedScore: null })
      .thenState();
    expect(state.status !== 'not_opened' && state.appraisalScores.get('1.1.2')!.score).toBe(100);
  });
  it('cannot correct the score when rejecting', () =>
    void spec
      .given(withObjection)
      .when({ ...decide, outcome: 'rejected' })
      .thenError('VALIDATION_FAILED'));
  it('rejects a corrected score above the maximum', () =>
    void spec
      .given(withObjection)
      .when({ ...decide, correctedScore: 151 })
      .thenError('SCORE_ABOVE_MAXIMUM'));
  it('rejects an unknown objection', () => void spec.given(untilAppraised).when(decide).thenError('OBJECTION_NOT_FOUND'));
  it('is a no-op when the same decision is replayed', () =>
    void spec
      .given([...withObjection, decided])
      .when(decide)
      .thenNothing());
  it('rejects a different second decision', () =>
    void spec
      .given([...withObjection, decided])
      .when({ ...decide, outcome: 'rejected', correctedScore: null })
      .thenError('OBJECTION_ALREADY_DECIDED'));
  it('requires a reason', () =>
    void spec
      .given(withObjection)
      .when({ ...decide, reason: ' ' })
      .thenError('VALIDATION_FAILED'));
  it('is for the council only', () =>
    void spec
      .given(withObjection)
      .when({ ...decide, context: ctx('appraiser') })
      .thenError('FORBIDDEN_FOR_ROLE'));
});
