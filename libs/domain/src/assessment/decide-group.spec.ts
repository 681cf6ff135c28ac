import { deciderSpec } from '../shared/decider-spec.test-support';
import { ACTOR_BY_ROLE, ctx, NOW } from '../shared/fixtures.test-support';
import type { ChangeAssessmentGroup } from './commands';
import { assessmentDecider } from './decider';
import type { AssessmentGroupChanged } from './events';
import { opened, reopened, resolved, retiredSet, untilApproved, untilAppraised, untilPublished } from './fixtures.test-support';
import type { OpenedAssessment } from './state';

const spec = deciderSpec(assessmentDecider);
const change: ChangeAssessmentGroup = {
  type: 'ChangeAssessmentGroup',
  context: ctx('admin'),
  criteriaSet: resolved,
  group: 'north-provinces',
  reason: 'unit moved to north-provinces',
};
const changed: AssessmentGroupChanged = {
  type: 'AssessmentGroupChanged',
  data: { group: 'north-provinces', previousGroup: 'provinces', reason: 'unit moved to north-provinces', at: NOW, by: ACTOR_BY_ROLE.admin },
};

describe('ChangeAssessmentGroup', () => {
  it('given an assessment in self-assessment, when its group changes, then AssessmentGroupChanged with the previous group and the reason', () =>
    void spec.given([opened]).when(change).then([changed]));

  it('given an appraisal in progress or an approved (unpublished) result, then it changes group too', () => {
    spec.given(untilAppraised).when(change).then([changed]);
    spec.given(untilApproved).when(change).then([changed]);
  });

  it('then the assessment is in the new group and keeps its status and inputs', () => {
    const state = spec.given([...untilAppraised, changed]).state as OpenedAssessment;
    expect(state).toMatchObject({ group: 'north-provinces', status: 'appraisal', everPublished: false });
    expect(state.appraisalScores.size).toBe(2);
  });

  it('given the group it is already in, then no event (a repeated move is a no-op)', () => {
    spec
      .given([opened])
      .when({ ...change, group: 'provinces' })
      .thenNothing();
    spec.given([opened, changed]).when(change).thenNothing();
  });

  it('given a published result, then refused: it keeps the group it was published in', () =>
    void spec.given(untilPublished).when(change).thenError('GROUP_FIXED_BY_PUBLICATION', { group: 'provinces', year: 2022 }));

  it('given a published result reopened for a correction, then still refused', () => {
    const history = [...untilPublished, reopened];
    expect(spec.given(history).state).toMatchObject({ status: 'appraisal', everPublished: true });
    spec.given(history).when(change).thenError('GROUP_FIXED_BY_PUBLICATION');
  });

  it('given a published result and its own group, then a no-op rather than a refusal', () =>
    void spec
      .given([...untilPublished, reopened])
      .when({ ...change, group: 'provinces' })
      .thenNothing());

  it.each([
    ['', 'group'],
    ['no spaces', 'group'],
    [42, 'group'],
  ])(
    'refuses a malformed group %p',
    (group, field) =>
      void spec
        .given([opened])
        .when({ ...change, group: group as string })
        .thenError('VALIDATION_FAILED', { field }),
  );
  it.each([' ', '', 'x'.repeat(4001)])(
    'refuses a blank or too long reason',
    (reason) =>
      void spec
        .given([opened])
        .when({ ...change, reason })
        .thenError('VALIDATION_FAILED', { field: 'reason' }),
  );

  it('needs an open assessment', () => void spec.given([]).when(change).thenError('ASSESSMENT_NOT_OPEN'));
  it('needs the bound criteria set (a retired one still serves)', () => {
    spec
      .given([opened])
      .when({ ...change, criteriaSet: { set: { ...resolved.set, version: 2 }, retired: false } })
      .thenError('CRITERIA_SET_MISMATCH');
    spec
      .given([opened])
      .when({ ...change, criteriaSet: retiredSet })
      .then([changed]);
  });
  it.each(['unit_officer', 'appraiser', 'council', 'approver', 'auditor'] as const)(
    'is forbidden for %s',
    (role) =>
      void spec
        .given([opened])
        .when({ ...change, context: ctx(role) })
        .thenError('FORBIDDEN_FOR_ROLE'),
  );
});
