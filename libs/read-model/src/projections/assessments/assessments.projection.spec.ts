import type { CriteriaSet } from '@par-index/scoring';
import type { ProjectedEvent } from '../../runtime/projection';
import { scoreGroup } from '../scorecards/score-group';
import { evolveAssessment } from './assessments.projection';

const at = '2024-03-01T08:00:00.000Z';
const stream = 'assessment-binh-duong-2024';
const event = (type: string, data: Record<string, unknown>, position: bigint): ProjectedEvent => ({
  type,
  data: { at, by: 'officer-1', ...data },
  streamName: stream,
  revision: position - 1n,
  position,
  metadata: { actorId: 'officer-1', actorRole: 'unit_officer', occurredAt: at },
});
const opened = event(
  'AssessmentOpened',
  { unitId: 'binh-duong', year: 2024, level: 'province', group: 'provinces', criteriaSetCode: 'S', criteriaSetVersion: 1, maxTotal: 300 },
  1n,
);
const selfScored = (leafCode: string, score: number, position: bigint) =>
  event('SelfScoreRecorded', { leafCode, score, evidenceRefs: [], note: null, previousScore: null }, position);

const leaf = (code: string) => ({ type: 'leaf' as const, code, name: code, max: 100, scoring: { kind: 'appraised' as const } });
const set: CriteriaSet = {
  code: 'S',
  year: 2024,
  level: 'province',
  version: 1,
  maxTotal: 300,
  fields: [{ type: 'group', code: 'F1', name: 'F1', max: 300, children: [leaf('constructor'), leaf('toString'), leaf('valueOf')] }],
};

describe('assessments projection with leaf codes that name Object.prototype members', () => {
  it('given self-scores on "constructor" and "valueOf", then only those are inputs and "toString" stays unscored', () => {
    const row = [selfScored('constructor', 50, 2n), selfScored('valueOf', 70, 3n), selfScored('constructor', 60, 4n)].reduce(
      (current, next) => evolveAssessment(current, next),
      evolveAssessment(null, opened),
    )!;
    expect(Object.keys(row.leafInputs).sort()).toEqual(['constructor', 'valueOf']);
    expect(row.leafInputs.constructor).toEqual({ selfScore: 60 });
    expect(Object.hasOwn(row.leafInputs, 'toString')).toBe(false);

    const [scorecard] = scoreGroup([row], () => set, at);
    expect(scorecard).toMatchObject({ total: 130, zeroLeaves: ['toString'] });
  });
});
