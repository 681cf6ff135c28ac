import { deciderSpec } from '../shared/decider-spec.test-support';
import { ACTOR_BY_ROLE, ctx, NOW } from '../shared/fixtures.test-support';
import type { MarkLeafApplicable, MarkLeafNotApplicable } from './commands';
import { assessmentDecider } from './decider';
import type { LeafMarkedNotApplicable, LeafNotApplicableProposed } from './events';
import {
  appraised,
  finalised,
  opened,
  resolved,
  selfScored,
  submitted,
  surveyRecorded,
  untilApproved,
  untilSubmitted,
} from './fixtures.test-support';
import { computeTotals } from './totals';

const spec = deciderSpec(assessmentDecider);
const reason = 'no one-stop shop reform was due in 2022';
const propose: MarkLeafNotApplicable = {
  type: 'MarkLeafNotApplicable',
  context: ctx('unit_officer'),
  leafCode: '1.1.2',
  reason,
  criteriaSet: resolved,
};
const mark: MarkLeafNotApplicable = { ...propose, context: ctx('appraiser') };
const proposed: LeafNotApplicableProposed = {
  type: 'LeafNotApplicableProposed',
  data: { leafCode: '1.1.2', reason, max: 150, at: NOW, by: ACTOR_BY_ROLE.unit_officer },
};
const marked = (proposedBy: string | null): LeafMarkedNotApplicable => ({
  type: 'LeafMarkedNotApplicable',
  data: { leafCode: '1.1.2', reason, max: 150, proposedBy, at: NOW, by: ACTOR_BY_ROLE.appraiser },
});
const submittedWithout112 = { ...submitted, data: { ...submitted.data, selfScoredTotal: 100, scoredLeafCount: 2 } };
const proposedAndSubmitted = [opened, selfScored('1.1.1', 150), proposed, selfScored('2.3', -50), submittedWithout112];

describe('MarkLeafNotApplicable', () => {
  it('given self-assessment, when the unit officer marks a leaf, then it is proposed (with the leaf maximum)', () =>
    void spec.given([opened]).when(propose).then([proposed]));
  it('given a proposal, then submission does not need a self-score on that leaf', () =>
    void spec
      .given([opened, selfScored('1.1.1', 150), proposed, selfScored('2.3', -50)])
      .when({ type: 'SubmitSelfAssessment', context: ctx('unit_officer'), criteriaSet: resolved })
      .then([
        { type: 'SelfAssessmentSubmitted', data: { selfScoredTotal: 100, scoredLeafCount: 2, at: NOW, by: ACTOR_BY_ROLE.unit_officer } },
      ]));
  it('given a proposal, when the appraiser marks the leaf in appraisal, then it is confirmed and names the proposer', () =>
    void spec
      .given(proposedAndSubmitted)
      .when(mark)
      .then([marked(ACTOR_BY_ROLE.unit_officer)]));
  it('given no proposal, when the appraiser marks a leaf in appraisal, then it is marked directly', () =>
    void spec
      .given(untilSubmitted)
      .when(mark)
      .then([marked(null)]));
  it('is a no-op when proposed or marked again', () => {
    spec.given([opened, proposed]).when(propose).thenNothing();
    spec
      .given([...untilSubmitted, marked(null)])
      .when(mark)
      .thenNothing();
  });
  it('given a marked leaf, then finalisation needs no appraisal score on it and the totals leave it out', () => {
    const given = [
      ...untilSubmitted,
      appraised('1.1.1', 150, 150),
      appraised('1.1.2', 100, 120, 'partly'),
      marked(null),
      surveyRecorded,
      {
        type: 'IndicatorResultRecorded' as const,
        data: { leafCode: '2.2', indicator: 'GRDP', rawValue: 6.5, source: 'GSO', points: 300, at: NOW, by: ACTOR_BY_ROLE.appraiser },
      },
    ];
    const [event] = spec
      .given(given)
      .when({ type: 'FinaliseAppraisal', context: ctx('appraiser'), criteriaSet: resolved })
      .then([
        {
          type: 'AppraisalFinalised',
          data: { totals: { appraised: 100, survey: 302, indicator: 300, total: 702 }, at: NOW, by: ACTOR_BY_ROLE.appraiser },
        },
      ]);
    expect(event!.type).toBe('AppraisalFinalised');
    const state = spec.given(given).state;
    if (state.status === 'not_opened') throw new Error('opened expected');
    expect(computeTotals(state, resolved.set).appraised).toBe(100); // 1.1.1 (−0.50 deduction self-declared), 1.1.2 left out
  });
  it('given a marked leaf, then appraisal scores, council corrections and results on it are refused', () => {
    spec
      .given([...untilSubmitted, marked(null)])
      .when({ type: 'RecordAppraisalScore', context: ctx('appraiser'), criteriaSet: resolved, leafCode: '1.1.2', score: 100, reason: 'x' })
      .thenError('LEAF_NOT_APPLICABLE');
    spec
      .given([...untilSubmitted, { ...marked(null), data: { ...marked(null).data, leafCode: '2.1', max: 400 } }])
      .when({
        type: 'RecordSurveyResult',
        context: ctx('appraiser'),
        criteriaSet: resolved,
        leafCode: '2.1',
        rawValue: 70,
        sampleSize: 10,
        source: 'SIPAS',
      })
      .thenError('LEAF_NOT_APPLICABLE');
  });
  it('needs a reason', () =>
    void spec
      .given([opened])
      .when({ ...propose, reason: '  ' })
      .thenError('VALIDATION_FAILED'));
  it('refuses a deduction leaf (nothing to leave out of the maximum)', () =>
    void spec
      .given([opened])
      .when({ ...propose, leafCode: '2.3' })
      .thenError('LEAF_KIND_MISMATCH'));
  it('refuses an unknown leaf', () =>
    void spec
      .given([opened])
      .when({ ...propose, leafCode: '9.9' })
      .thenError('LEAF_NOT_FOUND'));
  it('is closed to the unit after submission: the appraiser decides', () =>
    void spec.given(untilSubmitted).when(propose).thenError('SELF_SCORING_CLOSED'));
  it('is not for the appraiser before submission', () => void spec.given([opened]).when(mark).thenError('APPRAISAL_NOT_STARTED'));
  it('is closed once the appraisal is final or approved', () => {
    spec
      .given([...untilSubmitted, appraised('1.1.1', 150, 150), finalised])
      .when(mark)
      .thenError('APPRAISAL_CLOSED');
    spec.given(untilApproved).when(mark).thenError('APPRAISAL_CLOSED');
  });
  it('is for unit officers and appraisers only', () =>
    void spec
      .given(untilSubmitted)
      .when({ ...mark, context: ctx('council') })
      .thenError('FORBIDDEN_FOR_ROLE'));
  it('counts the marking appraiser among those who may not approve', () => {
    const state = spec.given([...untilSubmitted, marked(null)]).state;
    expect(state.status !== 'not_opened' && state.appraisedBy).toContain(ACTOR_BY_ROLE.appraiser);
  });
});

describe('MarkLeafApplicable', () => {
  const undo: MarkLeafApplicable = {
    type: 'MarkLeafApplicable',
    context: ctx('appraiser'),
    leafCode: '1.1.2',
    reason: 'the reform was due after all',
    criteriaSet: resolved,
  };
  const restored = (wasMarked: boolean, role: 'appraiser' | 'unit_officer' = 'appraiser') => ({
    type: 'LeafApplicabilityRestored' as const,
    data: { leafCode: '1.1.2', reason: 'the reform was due after all', max: 150, wasMarked, at: NOW, by: ACTOR_BY_ROLE[role] },
  });

  it('given a mark, when the appraiser reverses it, then the leaf applies again and needs its appraisal score for finalisation', () => {
    spec
      .given([...untilSubmitted, marked(null)])
      .when(undo)
      .then([restored(true)]);
    spec
      .given([
        ...untilSubmitted,
        marked(null),
        restored(true),
        appraised('1.1.1', 150, 150),
        surveyRecorded,
        {
          type: 'IndicatorResultRecorded',
          data: { leafCode: '2.2', indicator: 'GRDP', rawValue: 6.5, source: 'GSO', points: 300, at: NOW, by: ACTOR_BY_ROLE.appraiser },
        },
      ])
      .when({ type: 'FinaliseAppraisal', context: ctx('appraiser'), criteriaSet: resolved })
      .thenError('APPRAISAL_INCOMPLETE', { missingAppraisals: ['1.1.2'] });
  });
  it('given a proposal, when the unit officer withdraws it in self-assessment, then submission needs the self-score again', () => {
    spec
      .given([opened, proposed])
      .when({ ...undo, context: ctx('unit_officer') })
      .then([restored(false, 'unit_officer')]);
    spec
      .given([opened, selfScored('1.1.1', 150), proposed, restored(false, 'unit_officer')])
      .when({ type: 'SubmitSelfAssessment', context: ctx('unit_officer'), criteriaSet: resolved })
      .thenError('SELF_ASSESSMENT_INCOMPLETE', { missingLeafCodes: ['1.1.2'] });
  });
  it('is a no-op on a leaf that applies', () => void spec.given(untilSubmitted).when(undo).thenNothing());
  it('is closed to the unit after submission', () =>
    void spec
      .given([...proposedAndSubmitted, marked(ACTOR_BY_ROLE.unit_officer)])
      .when({ ...undo, context: ctx('unit_officer') })
      .thenError('SELF_SCORING_CLOSED'));
  it('needs a reason', () =>
    void spec
      .given([...untilSubmitted, marked(null)])
      .when({ ...undo, reason: '' })
      .thenError('VALIDATION_FAILED'));
  it('is not for the council', () =>
    void spec
      .given([...untilSubmitted, marked(null)])
      .when({ ...undo, context: ctx('council') })
      .thenError('FORBIDDEN_FOR_ROLE'));
});
