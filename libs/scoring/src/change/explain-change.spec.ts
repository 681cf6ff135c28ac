import { appraisedLeaf, criteriaSet, group, surveyLeaf } from '../testing/sample-sets.test-support';
import { scoreUnit } from '../scorecard/score-unit';
import { explainChange } from './explain-change';

describe('explainChange', () => {
  const set = criteriaSet([
    group('DIR', [appraisedLeaf('DIR.1', 500), appraisedLeaf('DIR.2', 500)]),
    group('DIGI', [appraisedLeaf('DIGI.1', 1000), surveyLeaf('DIGI.2', 1000, 'leaders', { kind: 'linear', from: 0, to: 10 })]),
    group('FIN', [appraisedLeaf('FIN.1', 1000)]),
  ]);
  const lastYear = scoreUnit(set, {
    'DIR.1': { appraisedScore: 500 },
    'DIR.2': { appraisedScore: 400 },
    'DIGI.1': { appraisedScore: 900 },
    'DIGI.2': { rawValue: 9 },
    'FIN.1': { appraisedScore: 700 },
  });
  const thisYear = scoreUnit(set, {
    'DIR.1': { appraisedScore: 0 },
    'DIR.2': { appraisedScore: 450 },
    'DIGI.1': { appraisedScore: 400 },
    'DIGI.2': { rawValue: 6 },
    'FIN.1': { appraisedScore: 700 },
  });

  it('given a decline between two years, when explained, then fields come largest change first and unchanged fields are left out', () => {
    const explanation = explainChange(thisYear, lastYear, { rank: 12, previousRank: 3 });
    expect(explanation).toMatchObject({ pointsChange: -1250, maxChange: 0, indexChange: -3125, maxEffect: 0, placesUp: -9 });
    expect(explanation.fields.map((f) => [f.code, f.pointsChange, f.indexContribution])).toEqual([
      ['DIGI', -800, -2000],
      ['DIR', -450, -1125],
    ]);
  });

  it('given a decline, when explained, then leaves are ordered by their contribution, falls before rises of equal size', () => {
    const explanation = explainChange(thisYear, lastYear);
    expect(explanation.leaves.map((l) => [l.code, l.pointsChange])).toEqual([
      ['DIGI.1', -500],
      ['DIR.1', -500],
      ['DIGI.2', -300],
      ['DIR.2', 50],
    ]);
    expect(explanation.placesUp).toBeNull();
  });

  it('given two versions of a set for the same year, when explained, then added and removed leaves and the max effect appear', () => {
    const revised = criteriaSet(
      [
        group('DIR', [appraisedLeaf('DIR.1', 500), appraisedLeaf('DIR.3', 1000)]),
        group('DIGI', [appraisedLeaf('DIGI.1', 1000), surveyLeaf('DIGI.2', 1000, 'leaders', { kind: 'linear', from: 0, to: 10 })]),
        group('FIN', [appraisedLeaf('FIN.1', 1000)]),
      ],
      { version: 2 },
    );
    const v2 = scoreUnit(revised, {
      'DIR.1': { appraisedScore: 500 },
      'DIR.3': { appraisedScore: 1000 },
      'DIGI.1': { appraisedScore: 900 },
      'DIGI.2': { rawValue: 9 },
      'FIN.1': { appraisedScore: 700 },
    });
    const explanation = explainChange(v2, lastYear);
    expect(explanation.leaves.map((l) => [l.code, l.status, l.pointsChange, l.maxChange])).toEqual([
      ['DIR.3', 'added', 1000, 1000],
      ['DIR.2', 'removed', -400, -500],
    ]);
    expect(explanation.maxChange).toBe(500);
    // 4000/4500 − 3400/4000 = 88.89% − 85% = +3.89 points: +600/4500 from the leaves (13.33) and 3400·(1/4500 − 1/4000) (−9.44) from the max
    expect(explanation.indexChange).toBe(389);
    expect(explanation.fields[0].indexContribution).toBe(1333);
    expect(explanation.maxEffect).toBe(-944);
  });
});
