import fc from 'fast-check';
import type { CriterionGroup, LeafCriterion } from '@par-index/scoring';
import { deciderSpec } from '../shared/decider-spec.test-support';
import {
  ctx,
  NOW,
  reportLeaf,
  sampleFields,
  sampleSet,
  sipasLeaf,
  grdpLeaf,
  apologyLeaf,
  ACTOR_BY_ROLE,
} from '../shared/fixtures.test-support';
import type { FileObjection, FinaliseAppraisal, MoveAssessmentToCriteriaVersion, RecordAppraisalScore } from './commands';
import { assessmentDecider } from './decider';
import type { AssessmentCriteriaVersionChanged, AssessmentEvent } from './events';
import { opened, resolved, selfScored, untilAppraised, untilPublished, untilSubmitted } from './fixtures.test-support';
import type { OpenedAssessment } from './state';

const spec = deciderSpec(assessmentDecider);

// v2: 1.1.1 removed, 1.1.2's maximum lowered to 0.90 (below its 1.20 self and 1.00 appraisal
// scores), 1.1.3 added, SIPAS worth 5 points instead of 4.
const newLeaf: LeafCriterion = { type: 'leaf', code: '1.1.3', name: 'PAR initiatives', max: 210, scoring: { kind: 'appraised' } };
const v2Fields: CriterionGroup[] = [
  {
    ...sampleFields[0]!,
    children: [{ type: 'group', code: '1.1', name: 'PAR planning', max: 300, children: [{ ...reportLeaf, max: 90 }, newLeaf] }],
  },
  { ...sampleFields[1]!, max: 800, children: [{ ...sipasLeaf, max: 500 }, grdpLeaf, apologyLeaf] },
];
const v2 = { set: sampleSet(2, v2Fields), retired: false };
const move: MoveAssessmentToCriteriaVersion = {
  type: 'MoveAssessmentToCriteriaVersion',
  context: ctx('admin'),
  criteriaSet: resolved,
  targetCriteriaSet: v2,
  reason: 'Decision 1234: 2023 revision',
};
const moved = (events: AssessmentEvent[]) => assessmentDecider.decide(move, spec.given(events).state) as AssessmentCriteriaVersionChanged[];

describe('MoveAssessmentToCriteriaVersion', () => {
  it('given a published result, when moved to v2, then scores carry over, removed leaves drop, lowered maxima flag, results reconvert', () => {
    spec
      .given(untilPublished)
      .when(move)
      .then([
        {
          type: 'AssessmentCriteriaVersionChanged',
          data: {
            fromVersion: 1,
            toVersion: 2,
            maxTotal: 1100,
            reason: 'Decision 1234: 2023 revision',
            fromStatus: 'published',
            droppedLeaves: [{ leafCode: '1.1.1', why: 'removed', selfScore: 150, appraisalScore: 150, rawValue: null }],
            addedLeaves: ['1.1.3'],
            flaggedLeaves: [{ leafCode: '1.1.2', min: 0, max: 90, selfScore: 120, appraisalScore: 100 }],
            reconvertedLeaves: [{ leafCode: '2.1', rawValue: 75.44, previousPoints: 302, points: 377 }],
            closedObjectionIds: [],
            at: NOW,
            by: ACTOR_BY_ROLE.admin,
          },
        },
      ]);
  });

  it('then the assessment is back in appraisal on v2, without the dropped and flagged scores and without its approval', () => {
    const state = spec.given([...untilPublished, ...moved(untilPublished)]).state as OpenedAssessment;
    expect(state).toMatchObject({ status: 'appraisal', criteriaSetVersion: 2, maxTotal: 1100, approval: null, finalTotals: null });
    expect([...state.selfScores.keys()]).toEqual(['2.3']);
    expect([...state.appraisalScores.keys()]).toEqual([]);
    expect(state.surveyResults.get('2.1')?.points).toBe(377);
  });

  it('then finalising waits for the appraiser on the flagged and the new leaf, against v2 only', () => {
    const history = [...untilPublished, ...moved(untilPublished)];
    const finalise: FinaliseAppraisal = { type: 'FinaliseAppraisal', context: ctx('appraiser'), criteriaSet: v2 };
    spec
      .given(history)
      .when(finalise)
      .thenError('APPRAISAL_INCOMPLETE', { missingAppraisals: ['1.1.2', '1.1.3'], missingResults: [] });
    const appraise: RecordAppraisalScore = {
      type: 'RecordAppraisalScore',
      context: ctx('appraiser'),
      criteriaSet: resolved,
      leafCode: '1.1.2',
      score: 90,
      reason: 'new maximum',
    };
    spec.given(history).when(appraise).thenError('CRITERIA_SET_MISMATCH');
    expect(assessmentDecider.decide({ ...appraise, criteriaSet: v2 }, spec.given(history).state)).toHaveLength(1);
    spec
      .given(history)
      .when({ ...appraise, criteriaSet: v2, score: 100 })
      .thenError('SCORE_ABOVE_MAXIMUM');
  });

  it('closes an undecided objection on a removed leaf, with the revision as reason', () => {
    const object: FileObjection = {
      type: 'FileObjection',
      context: ctx('unit_officer'),
      criteriaSet: resolved,
      objectionId: 'obj-1',
      leafCode: '1.1.1',
      kind: 'objection',
      text: 'the plan was issued on time',
      evidenceRefs: [],
      proposedScore: null,
    };
    const history = [...untilAppraised, ...assessmentDecider.decide(object, spec.given(untilAppraised).state)];
    const [event] = moved(history);
    expect(event!.data.closedObjectionIds).toEqual(['obj-1']);
    const state = spec.given([...history, event!]).state as OpenedAssessment;
    expect(state.objections.get('obj-1')?.decision).toMatchObject({
      outcome: 'rejected',
      reason: 'leaf removed by criteria version 2: Decision 1234: 2023 revision',
    });
  });

  it('keeps a self-assessment in self-assessment', () => {
    const history = [opened, selfScored('1.1.2', 50)];
    const [event] = moved(history);
    expect(event!.data).toMatchObject({ fromStatus: 'self_assessment', droppedLeaves: [], flaggedLeaves: [] });
    expect(spec.given([...history, event!]).state).toMatchObject({ status: 'self_assessment', criteriaSetVersion: 2 });
  });

  it('is a no-op on the version already bound', () =>
    void spec
      .given([...untilPublished, ...moved(untilPublished)])
      .when({ ...move, criteriaSet: v2 })
      .thenNothing());
  it('refuses an older version', () =>
    void spec
      .given([...untilSubmitted, ...moved(untilSubmitted)])
      .when({ ...move, criteriaSet: v2, targetCriteriaSet: resolved })
      .thenError('CRITERIA_VERSION_NOT_NEWER'));
  it('refuses another set', () =>
    void spec
      .given(untilSubmitted)
      .when({ ...move, targetCriteriaSet: { set: { ...v2.set, code: 'PAR-2022-district' }, retired: false } })
      .thenError('CRITERIA_SET_MISMATCH'));
  it('refuses a retired target', () =>
    void spec
      .given(untilSubmitted)
      .when({ ...move, targetCriteriaSet: { ...v2, retired: true } })
      .thenError('CRITERIA_SET_RETIRED'));
  it('needs a reason', () =>
    void spec
      .given(untilSubmitted)
      .when({ ...move, reason: ' ' })
      .thenError('VALIDATION_FAILED'));
  it('needs an open assessment', () => void spec.given([]).when(move).thenError('ASSESSMENT_NOT_OPEN'));
  it.each(['unit_officer', 'appraiser', 'council', 'approver'] as const)(
    'is forbidden for %s',
    (role) =>
      void spec
        .given(untilSubmitted)
        .when({ ...move, context: ctx(role) })
        .thenError('FORBIDDEN_FOR_ROLE'),
  );

  it('property: moving to a version with the same tree carries every input over and drops nothing', () => {
    fc.assert(
      fc.property(fc.subarray(['1.1.1', '1.1.2']), fc.integer({ min: 0, max: 150 }), (leaves, score) => {
        const history = [opened, ...leaves.map((code) => selfScored(code, score))];
        const [event] = assessmentDecider.decide(
          { ...move, targetCriteriaSet: { set: sampleSet(2), retired: false } },
          spec.given(history).state,
        ) as AssessmentCriteriaVersionChanged[];
        expect(event!.data).toMatchObject({ droppedLeaves: [], flaggedLeaves: [], addedLeaves: [], reconvertedLeaves: [] });
        const state = spec.given([...history, event!]).state as OpenedAssessment;
        expect([...state.selfScores.keys()].sort()).toEqual([...leaves].sort());
      }),
    );
  });
});
