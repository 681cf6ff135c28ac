import fc from 'fast-check';
import { convertRawValue } from './convert-raw-value';
import { appraisedLeaf, indicatorLeaf, surveyLeaf } from '../testing/sample-sets.test-support';

describe('convertRawValue', () => {
  const sipas = surveyLeaf('SIPAS', 1000, 'SIPAS', { kind: 'linear', from: 0, to: 100 });

  it('given SIPAS 88.2% on a 10-point linear 0..100 rule, when converted, then it is 8.82 points', () => {
    expect(convertRawValue(sipas, 88.2)).toBe(882);
  });

  it('given values outside the bounds, when converted, then they clamp to 0 and max', () => {
    expect(convertRawValue(sipas, -5)).toBe(0);
    expect(convertRawValue(sipas, 0)).toBe(0);
    expect(convertRawValue(sipas, 100)).toBe(1000);
    expect(convertRawValue(sipas, 140)).toBe(1000);
  });

  it('given a decreasing rule (lower is better), when converted, then points rise as the value falls', () => {
    const overdue = indicatorLeaf('OVD', 200, 'overdue %', { kind: 'linear', from: 10, to: 0 });
    expect(convertRawValue(overdue, 12)).toBe(0);
    expect(convertRawValue(overdue, 10)).toBe(0);
    expect(convertRawValue(overdue, 2.5)).toBe(150);
    expect(convertRawValue(overdue, 0)).toBe(200);
    expect(convertRawValue(overdue, -1)).toBe(200);
  });

  it('given an exact half that binary floats misrepresent, when converted, then it rounds half up', () => {
    // 1 × (0.15 − 0.1) / (0.2 − 0.1) is 0.4999999999999999 in float64 but exactly 0.5.
    const leaf = surveyLeaf('L', 1, 's', { kind: 'linear', from: 0.1, to: 0.2 });
    expect(convertRawValue(leaf, 0.15)).toBe(1);
    // 75.445% of 10 points = 754.45 hundredths → 754; 75.45% → 754.5 → 755.
    expect(convertRawValue(sipas, 75.445)).toBe(754);
    expect(convertRawValue(sipas, 75.45)).toBe(755);
  });

  it('given banded thresholds, when converted, then the highest band reached gives the points and below all bands gives 0', () => {
    const leaf = surveyLeaf('B', 100, 's', {
      kind: 'bands',
      bands: [
        { min: 50, points: 25 },
        { min: 70, points: 50 },
        { min: 90, points: 100 },
      ],
    });
    expect(convertRawValue(leaf, 49.99)).toBe(0);
    expect(convertRawValue(leaf, 50)).toBe(25);
    expect(convertRawValue(leaf, 89.99)).toBe(50);
    expect(convertRawValue(leaf, 90)).toBe(100);
  });

  it('given an appraised leaf or a non-finite raw value, when converted, then it throws', () => {
    expect(() => convertRawValue(appraisedLeaf('A', 100), 5)).toThrow(/no conversion rule/);
    expect(() => convertRawValue(sipas, Number.NaN)).toThrow(RangeError);
  });

  it('property: a linear conversion is an integer within 0..max and monotone in the raw value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100000 }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: -2000, max: 2000, noNaN: true }),
        fc.double({ min: -2000, max: 2000, noNaN: true }),
        (max, from, to, a, b) => {
          fc.pre(from !== to);
          const leaf = surveyLeaf('L', max, 's', { kind: 'linear', from, to });
          const [pa, pb] = [convertRawValue(leaf, a), convertRawValue(leaf, b)];
          const inRange = Number.isInteger(pa) && pa >= 0 && pa <= max;
          const better = (x: number, y: number) => (from < to ? x <= y : x >= y);
          return inRange && (!better(a, b) || pa <= pb);
        },
      ),
    );
  });
});
