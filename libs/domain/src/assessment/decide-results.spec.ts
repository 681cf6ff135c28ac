import { deciderSpec } from '../shared/decider-spec.test-support';
import { foldEvents } from '../shared/decider';
import { ctx, NOW } from '../shared/fixtures.test-support';
import type { FinaliseAppraisal, RecordIndicatorResult, RecordSurveyResult } from './commands';
import { assessmentDecider } from './decider';
import type { AssessmentEvent } from './events';
import {
  finalised,
  indicatorRecorded,
  opened,
  resolved,
  retiredSet,
  surveyRecorded,
  untilAppraised,
  untilApproved,
  untilFinal,
  untilSubmitted,
} from './fixtures.test-support';

const spec = deciderSpec(assessmentDecider);

describe('RecordSurveyResult', () => {
  const record: RecordSurveyResult = {
    type: 'RecordSurveyResult',
    context: ctx('appraiser'),
    leafCode: '2.1',
    rawValue: 75.44,
    sampleSize: 486,
    source: 'SIPAS 2022 report',
    criteriaSet: resolved,
  };

  it('records the raw value, sample and source with the points of the rule', () =>
    void spec.given(untilSubmitted).when(record).then([surveyRecorded]));
  it('may be recorded during self-assessment, by an admin', () =>
    void spec
      .given([opened])
      .when({ ...record, context: ctx('admin') })
      .then([{ ...surveyRecorded, data: { ...surveyRecorded.data, by: 'user-admin-1' } }]));
  it('is a no-op when the same result is replayed', () =>
    void spec
      .given([...untilSubmitted, surveyRecorded])
      .when(record)
      .thenNothing());
  it('supersedes an earlier result', () =>
    void spec
      .given([...untilSubmitted, surveyRecorded])
      .when({ ...record, rawValue: 80 })
      .then([{ ...surveyRecorded, data: { ...surveyRecorded.data, rawValue: 80, points: 320 } }]));
  it('rejects an indicator leaf', () =>
    void spec
      .given(untilSubmitted)
      .when({ ...record, leafCode: '2.2' })
      .thenError('LEAF_KIND_MISMATCH', { expected: 'survey' }));
  it('rejects an unknown leaf', () =>
    void spec
      .given(untilSubmitted)
      .when({ ...record, leafCode: '3' })
      .thenError('LEAF_NOT_FOUND'));
  it('rejects a negative sample size', () =>
    void spec
      .given(untilSubmitted)
      .when({ ...record, sampleSize: -1 })
      .thenError('VALIDATION_FAILED'));
  it('rejects a non-finite raw value', () =>
    void spec
      .given(untilSubmitted)
      .when({ ...record, rawValue: Number.NaN })
      .thenError('VALIDATION_FAILED'));
  it.each([150, 100.01, -5, -0.01, 1e308, -1e308, Number.POSITIVE_INFINITY])(
    'refuses the survey percentage %s instead of capping it',
    (rawValue) =>
      void spec
        .given(untilSubmitted)
        .when({ ...record, rawValue })
        .thenError('VALIDATION_FAILED'),
  );
  it('accepts the edges of the percentage domain', () => {
    expect(assessmentDecider.decide({ ...record, rawValue: 0 }, foldEvents(assessmentDecider, untilSubmitted))).toHaveLength(1);
    expect(assessmentDecider.decide({ ...record, rawValue: 100 }, foldEvents(assessmentDecider, untilSubmitted))).toHaveLength(1);
  });
  it('requires a source', () =>
    void spec
      .given(untilSubmitted)
      .when({ ...record, source: '' })
      .thenError('VALIDATION_FAILED'));
  it('is closed once the appraisal is final', () => void spec.given(untilFinal).when(record).thenError('APPRAISAL_CLOSED'));
  it('needs an open assessment', () => void spec.given([]).when(record).thenError('ASSESSMENT_NOT_OPEN'));
  it('can still record against a retired set: retiring never blocks assessments bound to it', () =>
    expect(assessmentDecider.decide({ ...record, criteriaSet: retiredSet }, spec.given(untilSubmitted).state).length).toBeGreaterThan(0));
  it('is not for unit officers', () =>
    void spec
      .given(untilSubmitted)
      .when({ ...record, context: ctx('unit_officer') })
      .thenError('FORBIDDEN_FOR_ROLE'));
});

describe('RecordIndicatorResult', () => {
  const record: RecordIndicatorResult = {
    type: 'RecordIndicatorResult',
    context: ctx('appraiser'),
    leafCode: '2.2',
    rawValue: 6.5,
    source: 'GSO 2022',
    criteriaSet: resolved,
  };

  it('records the indicator with the points of its bands', () => void spec.given(untilSubmitted).when(record).then([indicatorRecorded]));
  it('gives the lower band below its threshold', () =>
    void spec
      .given(untilSubmitted)
      .when({ ...record, rawValue: 2 })
      .then([{ ...indicatorRecorded, data: { ...indicatorRecorded.data, rawValue: 2, points: 100 } }]));
  it('is a no-op when replayed', () =>
    void spec
      .given([...untilSubmitted, indicatorRecorded])
      .when(record)
      .thenNothing());
  it('rejects a survey leaf', () =>
    void spec
      .given(untilSubmitted)
      .when({ ...record, leafCode: '2.1' })
      .thenError('LEAF_KIND_MISMATCH'));
  it('rejects an appraised leaf', () =>
    void spec
      .given(untilSubmitted)
      .when({ ...record, leafCode: '1.1.1' })
      .thenError('LEAF_KIND_MISMATCH'));
  it('is closed after approval', () => void spec.given(untilApproved).when(record).thenError('APPRAISAL_CLOSED'));
  it('is not for the council', () =>
    void spec
      .given(untilSubmitted)
      .when({ ...record, context: ctx('council') })
      .thenError('FORBIDDEN_FOR_ROLE'));
});

describe('FinaliseAppraisal', () => {
  const finalise: FinaliseAppraisal = { type: 'FinaliseAppraisal', context: ctx('appraiser'), criteriaSet: resolved };

  it('finalises with the totals (the undisputed declared deduction counts)', () =>
    void spec.given(untilAppraised).when(finalise).then([finalised]));
  it('is a no-op when already final', () => void spec.given(untilFinal).when(finalise).thenNothing());
  it('waits for the council on pending objections', () => {
    const pending: AssessmentEvent = {
      type: 'ObjectionFiled',
      data: {
        objectionId: 'obj-9',
        leafCode: '1.1.2',
        kind: 'objection',
        text: 't',
        evidenceRefs: [],
        proposedScore: null,
        appraisalScore: 100,
        at: NOW,
        by: 'user-officer-1',
      },
    };
    spec
      .given([...untilAppraised, pending])
      .when(finalise)
      .thenError('OBJECTIONS_PENDING', { pendingObjectionIds: ['obj-9'] });
  });
  it('needs an appraisal score on every appraised leaf', () =>
    void spec
      .given(untilAppraised.filter((e) => !(e.type === 'AppraisalScoreRecorded' && e.data.leafCode === '1.1.2')))
      .when(finalise)
      .thenError('APPRAISAL_INCOMPLETE', { missingAppraisals: ['1.1.2'], missingResults: [] }));
  it('needs every survey and indicator result', () =>
    void spec
      .given(untilAppraised.filter((e) => e.type !== 'SurveyResultRecorded'))
      .when(finalise)
      .thenError('APPRAISAL_INCOMPLETE', { missingAppraisals: [], missingResults: ['2.1'] }));
  it('is not possible before submission', () => void spec.given([opened]).when(finalise).thenError('APPRAISAL_NOT_STARTED'));
  it('is closed after approval', () => void spec.given(untilApproved).when(finalise).thenError('APPRAISAL_CLOSED'));
  it('needs an open assessment', () => void spec.given([]).when(finalise).thenError('ASSESSMENT_NOT_OPEN'));
  it('can still finalise against a retired set: retiring never blocks assessments bound to it', () =>
    expect(assessmentDecider.decide({ ...finalise, criteriaSet: retiredSet }, spec.given(untilAppraised).state).length).toBeGreaterThan(0));
  it('is for appraisers only', () =>
    void spec
      .given(untilAppraised)
      .when({ ...finalise, context: ctx('approver') })
      .thenError('FORBIDDEN_FOR_ROLE'));
});
