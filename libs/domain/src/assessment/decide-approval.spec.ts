import { deciderSpec } from '../shared/decider-spec.test-support';
import { ctx, NOW } from '../shared/fixtures.test-support';
import type { ApproveAssessment, PublishAssessment, ReopenAssessment } from './commands';
import { assessmentDecider } from './decider';
import type { AssessmentEvent } from './events';
import {
  appraised,
  approved,
  opened,
  published,
  reopened,
  resolved,
  retiredSet,
  totals,
  untilAppraised,
  untilApproved,
  untilFinal,
  untilPublished,
} from './fixtures.test-support';

const spec = deciderSpec(assessmentDecider);
const approve: ApproveAssessment = {
  type: 'ApproveAssessment',
  context: ctx('approver'),
  decisionReference: 'QD-123/UBND',
  criteriaSet: resolved,
};
const publish: PublishAssessment = { type: 'PublishAssessment', context: ctx('approver'), criteriaSet: resolved };
const reopen: ReopenAssessment = {
  type: 'ReopenAssessment',
  context: ctx('approver'),
  reason: 'inspection found overdue files',
  criteriaSet: resolved,
};

describe('ApproveAssessment', () => {
  it('approves a final appraisal with the decision reference and totals', () => void spec.given(untilFinal).when(approve).then([approved]));
  it('is not possible before the appraisal is final', () =>
    void spec.given(untilAppraised).when(approve).thenError('APPRAISAL_NOT_FINAL', { status: 'appraisal' }));
  it('is not possible during self-assessment', () => void spec.given([opened]).when(approve).thenError('APPRAISAL_NOT_FINAL'));
  it('is a no-op when the same approval is replayed', () => void spec.given(untilApproved).when(approve).thenNothing());
  it('is a no-op when replayed after publication', () => void spec.given(untilPublished).when(approve).thenNothing());
  it('rejects a second approval with another decision', () =>
    void spec
      .given(untilApproved)
      .when({ ...approve, decisionReference: 'QD-999' })
      .thenError('ASSESSMENT_ALREADY_APPROVED'));
  it('requires a decision reference', () =>
    void spec
      .given(untilFinal)
      .when({ ...approve, decisionReference: '' })
      .thenError('VALIDATION_FAILED'));
  it('needs an open assessment', () => void spec.given([]).when(approve).thenError('ASSESSMENT_NOT_OPEN'));
  it('can still approve against a retired set: retiring never blocks assessments bound to it', () =>
    expect(assessmentDecider.decide({ ...approve, criteriaSet: retiredSet }, spec.given(untilFinal).state).length).toBeGreaterThan(0));
  it.each(['admin', 'appraiser', 'council', 'unit_officer'] as const)(
    'is forbidden for %s',
    (role) =>
      void spec
        .given(untilFinal)
        .when({ ...approve, context: ctx(role) })
        .thenError('FORBIDDEN_FOR_ROLE'),
  );
});

describe('PublishAssessment', () => {
  it('publishes an approved result', () => void spec.given(untilApproved).when(publish).then([published]));
  it('may be published by an admin', () =>
    void spec
      .given(untilApproved)
      .when({ ...publish, context: ctx('admin') })
      .then([{ ...published, data: { ...published.data, by: 'user-admin-1' } }]));
  it('is a no-op when already published', () => void spec.given(untilPublished).when(publish).thenNothing());
  it('needs an approval', () => void spec.given(untilFinal).when(publish).thenError('ASSESSMENT_NOT_APPROVED'));
  it('needs an approval again after a reopen', () =>
    void spec
      .given([...untilPublished, reopened])
      .when(publish)
      .thenError('ASSESSMENT_NOT_APPROVED'));
  it('is not for appraisers', () =>
    void spec
      .given(untilApproved)
      .when({ ...publish, context: ctx('appraiser') })
      .thenError('FORBIDDEN_FOR_ROLE'));
});

describe('ReopenAssessment', () => {
  it('reopens a published result', () => void spec.given(untilPublished).when(reopen).then([reopened]));
  it('reopens an approved result', () =>
    void spec
      .given(untilApproved)
      .when(reopen)
      .then([{ ...reopened, data: { ...reopened.data, fromStatus: 'approved' } }]));
  it('is a no-op when the same reopen is replayed', () =>
    void spec
      .given([...untilPublished, reopened])
      .when(reopen)
      .thenNothing());
  it('cannot reopen an unapproved assessment', () => void spec.given(untilFinal).when(reopen).thenError('ASSESSMENT_NOT_APPROVED'));
  it('requires a reason', () =>
    void spec
      .given(untilPublished)
      .when({ ...reopen, reason: '' })
      .thenError('VALIDATION_FAILED'));
  it('is not for appraisers', () =>
    void spec
      .given(untilPublished)
      .when({ ...reopen, context: ctx('appraiser') })
      .thenError('FORBIDDEN_FOR_ROLE'));
  it('keeps self-scoring closed', () =>
    void spec
      .given([...untilPublished, reopened])
      .when({
        type: 'RecordSelfScore',
        context: ctx('unit_officer'),
        leafCode: '1.1.1',
        score: 10,
        evidenceRefs: [],
        note: null,
        criteriaSet: resolved,
      })
      .thenError('SELF_SCORING_CLOSED'));
  it('allows a correction flagged as such, then finalise and a second approval round', () => {
    const afterReopen = [...untilPublished, reopened];
    const correction = spec
      .given(afterReopen)
      .when({
        type: 'RecordAppraisalScore',
        context: ctx('appraiser'),
        leafCode: '1.1.1',
        score: 120,
        reason: 'late plan',
        criteriaSet: resolved,
      })
      .then([appraised('1.1.1', 120, 150, 'late plan', 150, true)]);
    const newTotals = { ...totals, appraised: 170, total: 772 };
    const refinalised: AssessmentEvent = { type: 'AppraisalFinalised', data: { totals: newTotals, at: NOW, by: 'user-appraiser-1' } };
    spec
      .given([...afterReopen, ...correction])
      .when({ type: 'FinaliseAppraisal', context: ctx('appraiser'), criteriaSet: resolved })
      .then([refinalised]);
    const reapproved: AssessmentEvent = {
      type: 'AssessmentApproved',
      data: { decisionReference: 'QD-456', approvalRound: 2, totals: newTotals, at: NOW, by: 'user-approver-1' },
    };
    spec
      .given([...afterReopen, ...correction, refinalised])
      .when({ ...approve, decisionReference: 'QD-456' })
      .then([reapproved]);
    spec
      .given([...afterReopen, ...correction, refinalised, reapproved])
      .when(publish)
      .then([{ ...published, data: { ...published.data, approvalRound: 2 } }]);
  });
  it('counts reopenings', () => {
    const twice = [
      ...untilPublished,
      reopened,
      { ...untilFinal[untilFinal.length - 1] },
      { ...approved, data: { ...approved.data, decisionReference: 'QD-2', approvalRound: 2 } },
    ];
    spec
      .given(twice)
      .when({ ...reopen, reason: 'second look' })
      .then([
        {
          type: 'AssessmentReopened',
          data: { reason: 'second look', fromStatus: 'approved', reopenCount: 2, at: NOW, by: 'user-approver-1' },
        },
      ]);
  });
});
