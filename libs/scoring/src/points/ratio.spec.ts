import fc from 'fast-check';
import { compareIndex, percentOf, rational, rationalToPercent, addRationals, compareRationals } from './ratio';

describe('exact ratios', () => {
  it('given 68.32 points of 84, when shown as a percentage, then it reads 81.33', () => {
    expect(percentOf(6832, 8400)).toBe(8133);
    expect(percentOf(1, 0)).toBeNull();
    expect(percentOf(2, 3)).toBe(6667);
  });

  it('given two indexes, when compared, then the cross products decide', () => {
    expect(compareIndex(9000, 10000, 8100, 9000)).toBe(0);
    expect(compareIndex(6832, 8400, 8100, 10000)).toBe(1);
    expect(compareIndex(-100, 1000, 0, 1000)).toBe(-1);
  });

  it('property: compareIndex agrees with BigInt cross-multiplication, even past 2^53', () => {
    const big = fc.integer({ min: -(2 ** 50), max: 2 ** 50 });
    const positive = fc.integer({ min: 1, max: 2 ** 50 });
    fc.assert(
      fc.property(big, positive, big, positive, (a, am, b, bm) => {
        const l = BigInt(a) * BigInt(bm);
        const r = BigInt(b) * BigInt(am);
        return compareIndex(a, am, b, bm) === (l === r ? 0 : l < r ? -1 : 1);
      }),
    );
  });

  it('given rationals, when added, then the result is reduced and exact (1/3 + 1/6 = 1/2)', () => {
    expect(addRationals(rational(1, 3), rational(1, 6))).toEqual({ num: 1n, den: 2n });
    expect(rational(2, -4)).toEqual({ num: -1n, den: 2n });
    expect(compareRationals(rational(1, 3), rational(2, 6))).toBe(0);
    expect(rationalToPercent(rational(-1, 20000), 'half-away')).toBe(-1);
    expect(rationalToPercent(rational(-1, 20000))).toBe(0);
  });
});
