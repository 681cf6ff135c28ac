import type { CriteriaSet } from '@par-index/scoring';
import type { ProjectedEvent } from '../../runtime/projection';
import { scoreGroup } from '../scorecards/score-group';
import { evolveAssessment } from './assessments.projection';

const at = '2024-03-01T08:00:00.000Z';
let position = 0n;
const event = (type: string, data: Record<string, unknown>): ProjectedEvent => {
  position += 1n;
  return {
    type,
    data: { at, by: 'x', ...data },
    streamName: 'assessment-lang-son-2024',
    revision: position - 1n,
    position,
    metadata: { actorId: 'x', actorRole: 'appraiser', occurredAt: at },
  };
};
const leaf = (code: string, max: number) => ({ type: 'leaf' as const, code, name: code, max, scoring: { kind: 'appraised' as const } });
const set: CriteriaSet = {
  code: 'S',
  year: 2024,
  level: 'province',
  version: 1,
  maxTotal: 10000,
  fields: [{ type: 'group', code: 'F1', name: 'F1', max: 10000, children: [leaf('A', 5000), leaf('B', 3400), leaf('C', 1600)] }],
};

describe('a leaf marked not applicable in the read models', () => {
  it('given 68.32 points and a 16-point leaf marked not applicable, then the index is 68.32 ÷ 84 = 81.33 %; a proposal alone changes nothing', () => {
    const events = [
      event('AssessmentOpened', {
        unitId: 'lang-son',
        year: 2024,
        level: 'province',
        group: 'g',
        criteriaSetCode: 'S',
        criteriaSetVersion: 1,
        maxTotal: 10000,
      }),
      event('SelfScoreRecorded', { leafCode: 'A', score: 4000, evidenceRefs: [], note: null, previousScore: null }),
      event('SelfScoreRecorded', { leafCode: 'B', score: 2832, evidenceRefs: [], note: null, previousScore: null }),
      event('LeafNotApplicableProposed', { leafCode: 'C', reason: 'no such activity', max: 1600 }),
    ];
    const proposedOnly = events.reduce((row, e) => evolveAssessment(row, e), null as ReturnType<typeof evolveAssessment>)!;
    expect(scoreGroup([proposedOnly], () => set, at)[0]).toMatchObject({ total: 6832, applicableMax: 10000, percent: 68.32 });

    const marked = evolveAssessment(
      proposedOnly,
      event('LeafMarkedNotApplicable', { leafCode: 'C', reason: 'confirmed', max: 1600, proposedBy: 'x' }),
    )!;
    expect(marked.leafInputs.C).toEqual({ notApplicable: true });
    expect(scoreGroup([marked], () => set, at)[0]).toMatchObject({ total: 6832, applicableMax: 8400, percent: 81.33, zeroLeaves: [] });

    const restored = evolveAssessment(
      marked,
      event('LeafApplicabilityRestored', { leafCode: 'C', reason: 'it applies after all', max: 1600, wasMarked: true }),
    )!;
    expect(scoreGroup([restored], () => set, at)[0]).toMatchObject({
      total: 6832,
      applicableMax: 10000,
      percent: 68.32,
      zeroLeaves: ['C'],
    });
  });
});
