import type { CriteriaSet, LeafCriterion } from '../criteria/criteria-set';
import { formatPoints } from '../points/hundredths';
import { rankGroup } from '../ranking/rank-group';
import { rankScorecards } from '../ranking/rank-scorecards';
import { scoreUnit } from './score-unit';

const appraised = (code: string, max: number): LeafCriterion => ({ type: 'leaf', code, name: code, max, scoring: { kind: 'appraised' } });
const survey = (code: string, name: string, max: number): LeafCriterion => ({
  type: 'leaf',
  code,
  name: code,
  max,
  scoring: { kind: 'survey', survey: name, rule: { kind: 'linear', from: 0, to: 100 } },
});
function setOf(leaves: LeafCriterion[]): CriteriaSet {
  const max = leaves.reduce((sum, leaf) => sum + leaf.max, 0);
  return {
    code: 'S',
    year: 2024,
    level: 'province',
    version: 1,
    maxTotal: max,
    fields: [{ type: 'group', code: 'F1', name: 'F1', max, children: leaves }],
  };
}

describe('the methodology, exactly: unrounded parts, one rounding, ranks on the exact index', () => {
  // appraisal 61.86 + SIPAS 88.25 % of 10 points (8.825) + leaders 96.325 % of 20 points (19.265)
  const set = setOf([appraised('A', 7000), survey('S1', 'SIPAS', 1000), survey('S2', 'leaders', 2000)]);
  const card = scoreUnit(set, { A: { appraisedScore: 6186 }, S1: { rawValue: 88.25 }, S2: { rawValue: 96.325 } });

  it('given parts that are not whole hundredths, then the total is the sum of the unrounded parts rounded once (89.95, not the 89.96 its displayed parts add up to)', () => {
    const parts = card.bySource.map((source) => formatPoints(source.points));
    expect(parts).toEqual(['61.86', '8.83', '19.27']);
    expect(card.bySource.reduce((sum, source) => sum + source.points, 0)).toBe(8996);
    expect(formatPoints(card.total)).toBe('89.95');
    expect(card.exactTotal).toBeUndefined(); // the exact total is whole: 8995 hundredths
    expect(card.bySource[1]!.exactPoints).toEqual({ num: 1765, den: 2 });
    expect(card.leaves.map((leaf) => leaf.points)).toEqual([6186, 883, 1927]);
  });

  it('given a total that stays fractional, then the index is computed from it and rounded half up once', () => {
    const fractional = scoreUnit(set, { A: { appraisedScore: 6186 }, S1: { rawValue: 88.25 }, S2: { rawValue: 96.36 } }); // 61.86 + 8.825 + 19.272 = 89.957
    expect(fractional.exactTotal).toEqual({ num: 89957, den: 10 }); // 8995.7 hundredths
    expect(formatPoints(fractional.total)).toBe('89.96');
    expect(fractional.percent).toBe(8996); // 89.957 / 100 → 89.96 %
    expect(fractional.fields[0]!.exactPoints).toEqual({ num: 89957, den: 10 });
  });

  it('given two units shown with the same total, then they rank on their exact index at the published precision', () => {
    const half = setOf([appraised('A', 4900), survey('S', 'SIPAS', 100)]);
    const above = scoreUnit(half, { A: { appraisedScore: 2500 }, S: { rawValue: 0.25 } }); // 25.0025 of 50 → 50.005 % → 50.01 %
    const level = scoreUnit(half, { A: { appraisedScore: 2500 }, S: { rawValue: 0 } }); // 25.00 of 50 → 50.00 %
    expect([above.total, level.total]).toEqual([2500, 2500]);
    const ranked = rankScorecards([
      { unitId: 'b-level', scorecard: level },
      { unitId: 'a-above', scorecard: above },
    ]).overall;
    expect(ranked.map((entry) => [entry.unitId, entry.rank, entry.percent])).toEqual([
      ['a-above', 1, 5001],
      ['b-level', 2, 5000],
    ]);
    // ranked on the rounded totals alone, they would tie
    expect(
      rankGroup([
        { unitId: 'a', total: 2500, max: 5000 },
        { unitId: 'b', total: 2500, max: 5000 },
      ]).map((entry) => entry.rank),
    ).toEqual([1, 1]);
  });

  it('given exact indexes equal at the published precision, then they still share a rank, the exact index ordering the tie', () => {
    const ranked = rankGroup([
      { unitId: 'a', total: 8996, max: 10000, exactTotal: { num: 17991, den: 2 } }, // 89.955 % → 89.96 %
      { unitId: 'b', total: 8996, max: 10000 }, // 89.96 %
    ]);
    expect(ranked.map((entry) => [entry.unitId, entry.rank, entry.percent])).toEqual([
      ['b', 1, 8996],
      ['a', 1, 8996],
    ]);
  });
});
