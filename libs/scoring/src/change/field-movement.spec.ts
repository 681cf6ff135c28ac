import { appraisedLeaf, criteriaSet, group } from '../testing/sample-sets.test-support';
import { scoreUnit } from '../scorecard/score-unit';
import { fieldMovement } from './field-movement';

describe('fieldMovement', () => {
  const fields = ['F1', 'F2', 'F3', 'F4'];
  const set2022 = criteriaSet(fields.map((code) => group(code, [appraisedLeaf(`${code}.1`, 1000)])));
  const card = (scores: number[], set = set2022) =>
    scoreUnit(set, Object.fromEntries(scores.map((points, i) => [`${fields[i]}.1`, { appraisedScore: points }])));

  it('given every field lower than last year, when compared, then it reads 4/4 fields lower', () => {
    const movement = fieldMovement(card([500, 600, 700, 800]), card([600, 700, 800, 900]));
    expect([movement.lower, movement.compared, movement.higher, movement.same]).toEqual([4, 4, 0, 0]);
    expect(movement.fields[0]).toMatchObject({
      code: 'F1',
      direction: 'lower',
      points: 500,
      previousPoints: 600,
      percent: 5000,
      previousPercent: 6000,
    });
  });

  it('given mixed results, when compared, then higher, lower and same are counted', () => {
    const movement = fieldMovement(card([700, 600, 700, 900]), card([600, 700, 700, 800]));
    expect(movement.fields.map((f) => f.direction)).toEqual(['higher', 'lower', 'same', 'higher']);
    expect([movement.higher, movement.lower, movement.same]).toEqual([2, 1, 1]);
  });

  it('given a field maximum revised between years, when compared, then the field index decides, not raw points', () => {
    const set2023 = criteriaSet([
      group('F1', [appraisedLeaf('F1.1', 2000)]),
      ...fields.slice(1).map((code) => group(code, [appraisedLeaf(`${code}.1`, 1000)])),
    ]);
    // 1100/2000 = 55% this year against 600/1000 = 60%: more points, lower field index
    const movement = fieldMovement(card([1100, 0, 0, 0], set2023), card([600, 0, 0, 0]));
    expect(movement.fields[0].direction).toBe('lower');
  });

  it('given fields added and removed by a revision, when compared, then they are flagged and not counted', () => {
    const revised = criteriaSet([group('F1', [appraisedLeaf('F1.1', 1000)]), group('NEW', [appraisedLeaf('N.1', 1000)])]);
    const current = scoreUnit(revised, { 'F1.1': { appraisedScore: 800 }, 'N.1': { appraisedScore: 500 } });
    const movement = fieldMovement(current, card([700, 600, 700, 900]));
    expect(movement.fields.map((f) => [f.code, f.direction])).toEqual([
      ['F1', 'higher'],
      ['NEW', 'added'],
      ['F2', 'removed'],
      ['F3', 'removed'],
      ['F4', 'removed'],
    ]);
    expect(movement.compared).toBe(1);
  });

  it('given a field not applicable in one year, when compared, then it is not comparable', () => {
    const current = scoreUnit(set2022, { 'F1.1': { notApplicable: true } });
    expect(fieldMovement(current, card([1, 1, 1, 1])).fields[0].direction).toBe('not_comparable');
  });
});
