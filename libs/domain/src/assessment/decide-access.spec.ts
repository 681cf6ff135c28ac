import type { CommandContext } from '../shared/command-context';
import { deciderSpec } from '../shared/decider-spec.test-support';
import { ACTOR_BY_ROLE, ctx, NOW } from '../shared/fixtures.test-support';
import type { ApproveAssessment, FileObjection, RecordSelfScore, SubmitSelfAssessment } from './commands';
import { assessmentDecider } from './decider';
import type { AssessmentEvent } from './events';
import {
  appraised,
  approved,
  finalised,
  opened,
  published,
  reopened,
  resolved,
  selfScored,
  untilAppraised,
  untilFinal,
  untilPublished,
  untilSubmitted,
} from './fixtures.test-support';

const spec = deciderSpec(assessmentDecider);
const officerOf = (unitIds: CommandContext['unitIds']): CommandContext => ({ ...ctx('unit_officer'), unitIds });

const recordSelfScore: RecordSelfScore = {
  type: 'RecordSelfScore',
  context: ctx('unit_officer'),
  leafCode: '1.1.1',
  score: 150,
  evidenceRefs: ['doc-1.1.1'],
  note: null,
  criteriaSet: resolved,
};
const submit: SubmitSelfAssessment = { type: 'SubmitSelfAssessment', context: ctx('unit_officer'), criteriaSet: resolved };
const file: FileObjection = {
  type: 'FileObjection',
  context: ctx('unit_officer'),
  objectionId: 'obj-1',
  leafCode: '1.1.2',
  kind: 'objection',
  text: 'annex 3',
  evidenceRefs: [],
  proposedScore: 120,
  criteriaSet: resolved,
};

describe('unit scope: a unit officer acts only for its own units', () => {
  const cases: Array<[string, AssessmentEvent[], RecordSelfScore | SubmitSelfAssessment | FileObjection]> = [
    ['RecordSelfScore', [opened], recordSelfScore],
    ['SubmitSelfAssessment', [opened, selfScored('1.1.1', 150), selfScored('1.1.2', 120), selfScored('2.3', -50)], submit],
    ['FileObjection', untilAppraised, file],
  ];

  describe.each(cases)('%s', (_, given, command) => {
    it('is refused for an officer of another unit', () =>
      void spec
        .given(given)
        .when({ ...command, context: officerOf(['prov-lang-son']) })
        .thenError('FORBIDDEN_FOR_UNIT', { unitId: 'prov-binh-duong' }));
    it('is refused for an officer without any unit', () =>
      void spec
        .given(given)
        .when({ ...command, context: officerOf([]) })
        .thenError('FORBIDDEN_FOR_UNIT'));
    it('is refused when the context names no scope at all', () =>
      void spec
        .given(given)
        .when({ ...command, context: officerOf(undefined) })
        .thenError('FORBIDDEN_FOR_UNIT'));
    it('is accepted for an officer of several units including this one', () => {
      const events = assessmentDecider.decide(
        { ...command, context: officerOf(['prov-lang-son', 'prov-binh-duong']) },
        spec.given(given).state,
      );
      expect(events.map((e) => e.type)).toEqual([
        { RecordSelfScore: 'SelfScoreRecorded', SubmitSelfAssessment: 'SelfAssessmentSubmitted', FileObjection: 'ObjectionFiled' }[
          command.type
        ],
      ]);
    });
  });

  it('is checked after the role (a foreign unit officer opening an assessment is refused for its role)', () =>
    void spec
      .given([])
      .when({ type: 'OpenAssessment', context: officerOf(['x']), unitId: 'prov-binh-duong', year: 2022, unit: null, criteriaSet: resolved })
      .thenError('FORBIDDEN_FOR_ROLE'));
  it('does not restrict the other roles, whatever scope they carry', () =>
    void spec
      .given(untilSubmitted)
      .when({
        type: 'RecordAppraisalScore',
        context: { ...ctx('appraiser'), unitIds: [] },
        leafCode: '1.1.1',
        score: 150,
        reason: null,
        criteriaSet: resolved,
      })
      .then([appraised('1.1.1', 150, 150)]));
});

describe('separation of duties: whoever appraised may not approve', () => {
  const approveAs = (actorId: string): ApproveAssessment => ({
    type: 'ApproveAssessment',
    context: { ...ctx('approver'), actorId },
    decisionReference: 'QD-123/UBND',
    criteriaSet: resolved,
  });

  it('refuses the approval by an actor who recorded appraisal scores (holding the approver role too)', () =>
    void spec
      .given(untilFinal)
      .when(approveAs(ACTOR_BY_ROLE.appraiser))
      .thenError('SEPARATION_OF_DUTIES', { actorId: ACTOR_BY_ROLE.appraiser }));

  it('refuses the approval by the actor who finalised the appraisal', () => {
    const finalisedByOther: AssessmentEvent = { ...finalised, data: { ...finalised.data, by: 'user-finaliser' } };
    spec
      .given([...untilAppraised, finalisedByOther])
      .when(approveAs('user-finaliser'))
      .thenError('SEPARATION_OF_DUTIES');
  });

  it('refuses the approval by a council member whose upheld objection corrected a score', () => {
    const corrected: AssessmentEvent = {
      type: 'ObjectionDecided',
      data: {
        objectionId: 'obj-1',
        leafCode: '1.1.2',
        outcome: 'upheld',
        reason: 'annex 3',
        correctedScore: 120,
        previousScore: 100,
        at: NOW,
        by: 'user-council-9',
      },
    };
    spec
      .given([...untilAppraised, corrected, finalised])
      .when(approveAs('user-council-9'))
      .thenError('SEPARATION_OF_DUTIES');
  });

  it('still refuses after a reopen: the first round’s appraiser cannot approve the second', () =>
    void spec
      .given([...untilPublished, reopened, { ...finalised, data: { ...finalised.data, by: 'user-appraiser-2' } }])
      .when(approveAs(ACTOR_BY_ROLE.appraiser))
      .thenError('SEPARATION_OF_DUTIES'));

  it('accepts an approver who took no part in the appraisal', () =>
    void spec.given(untilFinal).when(approveAs(ACTOR_BY_ROLE.approver)).then([approved]));

  it('remembers every appraising actor once', () => {
    const state = spec.given([...untilFinal, approved, published]).state;
    expect(state.status !== 'not_opened' && state.appraisedBy).toEqual([ACTOR_BY_ROLE.appraiser]);
  });
});
