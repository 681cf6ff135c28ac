import type { ProjectedEvent } from '../../runtime/projection';
import { assessmentAsOf, foldReadModelAsOf, groupScorecardsAsOf } from './read-model-as-of';

const at = '2024-03-01T08:00:00.000Z';
let position = 0n;
const event = (streamName: string, type: string, data: Record<string, unknown>): ProjectedEvent => {
  position += 1n;
  return {
    type,
    data: { at, by: 'x', ...data },
    streamName,
    revision: 0n,
    position,
    metadata: { actorId: 'x', actorRole: 'admin', occurredAt: at },
  };
};
const leaf = (code: string) => ({ type: 'leaf', code, name: code, max: 100, scoring: { kind: 'appraised' } });
const set = {
  code: 'S',
  year: 2024,
  level: 'province',
  version: 1,
  maxTotal: 200,
  fields: [{ type: 'group', code: 'F1', name: 'F1', max: 200, children: [leaf('A'), leaf('B')] }],
};
const opened = (unitId: string) =>
  event(`assessment-${unitId}-2024`, 'AssessmentOpened', {
    unitId,
    year: 2024,
    level: 'province',
    group: 'g',
    criteriaSetCode: 'S',
    criteriaSetVersion: 1,
    maxTotal: 200,
  });
const selfScored = (unitId: string, leafCode: string, score: number) =>
  event(`assessment-${unitId}-2024`, 'SelfScoreRecorded', { leafCode, score, evidenceRefs: [], note: null, previousScore: null });

describe('the read models as of a past moment', () => {
  const history = [
    event('criteria-set-S', 'CriteriaSetPublished', { version: 1, name: 'S', criteriaSet: set }),
    opened('u1'),
    opened('u2'),
    selfScored('u1', 'A', 90),
    selfScored('u2', 'A', 80),
    selfScored('u2', 'B', 50), // u2 overtakes u1 here
  ];
  const group = { year: 2024, level: 'province', groupCode: 'g' };

  it('given the events up to a moment, then the group is scored and ranked as the live read model had it then', () => {
    const before = groupScorecardsAsOf(foldReadModelAsOf(history.slice(0, 5)), group);
    const after = groupScorecardsAsOf(foldReadModelAsOf(history), group);
    expect(before.map((r) => [r.unitId, r.total, r.rank])).toEqual([
      ['u1', 90, 1],
      ['u2', 80, 2],
    ]);
    expect(after.map((r) => [r.unitId, r.total, r.rank])).toEqual([
      ['u1', 90, 2],
      ['u2', 130, 1],
    ]);
  });

  it('given no event of an assessment yet, then it does not exist then', () => {
    const state = foldReadModelAsOf(history.slice(0, 2));
    expect(assessmentAsOf(state, 'u1', 2024)?.status).toBe('self_assessment');
    expect(assessmentAsOf(state, 'u2', 2024)).toBeUndefined();
    expect(groupScorecardsAsOf(state, group).map((r) => r.unitId)).toEqual(['u1']);
  });
});
