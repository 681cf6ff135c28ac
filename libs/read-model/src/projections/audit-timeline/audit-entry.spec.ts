import type { ProjectedEvent } from '../../runtime/projection';
import { auditEntryOf } from './audit-entry';

const at = '2024-03-01T15:00:00.000+07:00';
let position = 0n;
const event = (type: string, data: Record<string, unknown>, actorRole = 'appraiser'): ProjectedEvent => {
  position += 1n;
  return {
    id: `evt-${position}`,
    type,
    data: { at, by: 'someone', ...data },
    streamName: 'assessment-binh-duong-2024',
    revision: position - 1n,
    position,
    metadata: { actorId: 'someone', actorRole, occurredAt: at },
  };
};
const none = () => null;

describe('audit timeline entries', () => {
  it('given an appraisal correction, then it is old → new in points with actor, role, reason, time, event id and position', () => {
    const row = auditEntryOf(
      event('AppraisalScoreRecorded', {
        leafCode: 'F1.1.2',
        score: 100,
        selfScore: 120,
        previousScore: 150,
        reason: 'plan lacked a budget',
        correction: true,
      }),
      none,
    );
    expect(row).toMatchObject({
      eventId: 'evt-1',
      position: '1',
      streamRevision: '0',
      unitId: 'binh-duong',
      year: 2024,
      eventType: 'AppraisalScoreRecorded',
      scope: 'leaf',
      leafCodes: ['F1.1.2'],
      changes: [{ leafCode: 'F1.1.2', field: 'appraisalScore', from: 1.5, to: 1 }],
      actorId: 'someone',
      actorRole: 'appraiser',
      reason: 'plan lacked a budget',
      occurredAt: at,
      details: { selfScore: 1.2, correction: true },
    });
  });

  it('given an objection and the council upholding it with a corrected score, then both are in line on the leaf', () => {
    const filed = auditEntryOf(
      event(
        'ObjectionFiled',
        {
          objectionId: 'o-1',
          leafCode: 'F1.1.2',
          kind: 'objection',
          text: 'the budget is in annex 3',
          evidenceRefs: ['annex-3'],
          proposedScore: 150,
          appraisalScore: 100,
        },
        'unit_officer',
      ),
      none,
    );
    const decided = auditEntryOf(
      event(
        'ObjectionDecided',
        { objectionId: 'o-1', leafCode: 'F1.1.2', outcome: 'upheld', reason: 'annex 3 shows it', correctedScore: 140, previousScore: 100 },
        'council',
      ),
      none,
    );
    expect(filed).toMatchObject({
      leafCodes: ['F1.1.2'],
      changes: [],
      reason: 'the budget is in annex 3',
      details: { objectionId: 'o-1', kind: 'objection', proposedScore: 1.5, appraisalScore: 1 },
    });
    expect(decided).toMatchObject({
      actorRole: 'council',
      changes: [{ field: 'appraisalScore', from: 1, to: 1.4 }],
      reason: 'annex 3 shows it',
      details: { outcome: 'upheld' },
    });
  });

  it('given a survey result recorded again, then the old points and raw value come from the timeline look-up', () => {
    const lookups: string[] = [];
    const row = auditEntryOf(
      event('SurveyResultRecorded', {
        leafCode: 'F8.1.1',
        survey: 'SIPAS',
        rawValue: 80,
        sampleSize: 400,
        source: 'SIPAS 2024',
        points: 600,
      }),
      (leaf, field) => {
        lookups.push(`${leaf}/${field}`);
        return field === 'rawValue' ? 75.44 : 5.09;
      },
    );
    expect(lookups).toEqual(['F8.1.1/resultPoints', 'F8.1.1/rawValue']);
    expect(row.changes).toEqual([
      { leafCode: 'F8.1.1', field: 'resultPoints', from: 5.09, to: 6 },
      { leafCode: 'F8.1.1', field: 'rawValue', from: 75.44, to: 80 },
    ]);
  });

  it('given the workflow steps, then each is assessment-wide with its status move', () => {
    const moves = [
      event('SelfAssessmentSubmitted', { selfScoredTotal: 220, scoredLeafCount: 3 }, 'unit_officer'),
      event('AppraisalFinalised', { totals: { appraised: 200, survey: 302, indicator: 300, total: 802 } }),
      event(
        'AssessmentApproved',
        { decisionReference: 'QD-1', approvalRound: 1, totals: { appraised: 200, survey: 302, indicator: 300, total: 802 } },
        'approver',
      ),
      event('AssessmentPublished', { approvalRound: 1 }, 'approver'),
      event('AssessmentReopened', { reason: 'inspection found overdue files', fromStatus: 'published', reopenCount: 1 }, 'approver'),
    ].map((e) => auditEntryOf(e, none));
    expect(moves.map((m) => [m.scope, m.statusFrom, m.statusTo])).toEqual([
      ['assessment', 'self_assessment', 'appraisal'],
      ['assessment', 'appraisal', 'appraisal_final'],
      ['assessment', 'appraisal_final', 'approved'],
      ['assessment', 'approved', 'published'],
      ['assessment', 'published', 'appraisal'],
    ]);
    expect(moves[2]!.details).toMatchObject({ totals: { total: 8.02 } });
    expect(moves[4]!.reason).toBe('inspection found overdue files');
  });

  it('given a criteria-version move, then dropped, flagged and reconverted leaves show their old → new values', () => {
    const row = auditEntryOf(
      event(
        'AssessmentCriteriaVersionChanged',
        {
          fromVersion: 1,
          toVersion: 2,
          maxTotal: 1000,
          reason: 'SIPAS method changed',
          fromStatus: 'published',
          droppedLeaves: [{ leafCode: 'A', why: 'removed', selfScore: 100, appraisalScore: 90, rawValue: null }],
          addedLeaves: ['C'],
          flaggedLeaves: [{ leafCode: 'B', min: 0, max: 50, selfScore: 80, appraisalScore: null }],
          reconvertedLeaves: [{ leafCode: 'S', rawValue: 75, previousPoints: 500, points: 450 }],
          closedObjectionIds: [],
        },
        'admin',
      ),
      none,
    );
    expect(row).toMatchObject({
      scope: 'assessment',
      statusFrom: 'published',
      statusTo: 'appraisal',
      leafCodes: ['A', 'B', 'S'],
      reason: 'SIPAS method changed',
    });
    expect(row.changes).toEqual([
      { leafCode: 'A', field: 'selfScore', from: 1, to: null },
      { leafCode: 'A', field: 'appraisalScore', from: 0.9, to: null },
      { leafCode: 'B', field: 'selfScore', from: 0.8, to: null },
      { leafCode: 'S', field: 'resultPoints', from: 5, to: 4.5 },
    ]);
  });
});
