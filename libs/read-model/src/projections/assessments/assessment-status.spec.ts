import {
  ASSESSMENT_STATUSES,
  evolveAssessment as evolveDomain,
  initialAssessmentState,
  type AssessmentEvent,
  type AssessmentState,
} from '@par-index/domain';
import type { ProjectedEvent } from '../../runtime/projection';
import { evolveAssessment } from './assessments.projection';

const at = '2024-03-01T08:00:00.000Z';
const stamp = { at, by: 'someone' };
const lifecycle: AssessmentEvent[] = [
  {
    type: 'AssessmentOpened',
    data: { ...stamp, unitId: 'u1', year: 2024, level: 'province', group: 'g', criteriaSetCode: 'S', criteriaSetVersion: 1, maxTotal: 100 },
  },
  { type: 'SelfScoreRecorded', data: { ...stamp, leafCode: 'A', score: 50, evidenceRefs: [], note: null, previousScore: null } },
  { type: 'SelfAssessmentSubmitted', data: { ...stamp, selfScoredTotal: 50, scoredLeafCount: 1 } },
  { type: 'AppraisalFinalised', data: { ...stamp, totals: { appraised: 50, survey: 0, indicator: 0, total: 50 } } },
  {
    type: 'AssessmentApproved',
    data: { ...stamp, decisionReference: 'QD-1', approvalRound: 1, totals: { appraised: 50, survey: 0, indicator: 0, total: 50 } },
  },
  { type: 'AssessmentPublished', data: { ...stamp, approvalRound: 1 } },
  { type: 'AssessmentReopened', data: { ...stamp, reason: 'inspection', fromStatus: 'published', reopenCount: 1 } },
];

describe('one status vocabulary', () => {
  it('given a whole lifecycle, then the read model row says exactly the status the domain state says, after every event', () => {
    let row = null as ReturnType<typeof evolveAssessment>;
    let state: AssessmentState = initialAssessmentState();
    lifecycle.forEach((event, i) => {
      const projected = {
        ...event,
        streamName: 'assessment-u1-2024',
        revision: BigInt(i),
        position: BigInt(i + 1),
        metadata: { actorId: 'x', actorRole: 'admin', occurredAt: at },
      };
      row = evolveAssessment(row, projected as unknown as ProjectedEvent);
      state = evolveDomain(state, event);
      expect(row!.status).toBe(state.status);
      expect(ASSESSMENT_STATUSES).toContain(row!.status);
    });
    expect(row!.status).toBe('appraisal');
  });
});
