import fc from 'fast-check';
import { divideRoundHalfUp, floorDiv, formatPoints, toHundredths } from './hundredths';

describe('toHundredths / formatPoints', () => {
  it.each([
    ['86.93', 8693],
    ['86.9', 8690],
    ['86', 8600],
    ['0.05', 5],
    ['-1.5', -150],
    ['-0', 0],
    [' 12.34 ', 1234],
    [86.93, 8693],
    [0.07, 7],
    [-20.27, -2027],
  ])('given %p, when parsed, then it is %p hundredths exactly', (input, expected) => {
    expect(toHundredths(input)).toBe(expected);
  });

  it.each(['86.935', '1.', '.5', 'abc', '', '1e3', '--1'])('given %p, when parsed, then it is rejected', (input) => {
    expect(() => toHundredths(input)).toThrow(RangeError);
  });

  it('given a float that drifted (0.1 + 0.2), when parsed, then it is rejected rather than silently rounded', () => {
    expect(() => toHundredths(0.1 + 0.2)).toThrow(/at most 2 decimal places/);
    expect(() => toHundredths(Number.NaN)).toThrow(RangeError);
  });

  it.each([
    [8693, '86.93'],
    [-150, '-1.50'],
    [5, '0.05'],
    [0, '0.00'],
    [10000, '100.00'],
  ])('given %p hundredths, when formatted, then it reads %p', (h, text) => {
    expect(formatPoints(h)).toBe(text);
  });

  it('property: formatting then parsing gives back the same hundredths', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (h) => toHundredths(formatPoints(h)) === h));
  });
});

describe('integer rounding helpers', () => {
  it('given exact halves, when dividing, then they round up', () => {
    expect(divideRoundHalfUp(5, 2)).toBe(3);
    expect(divideRoundHalfUp(-5, 2)).toBe(-2);
    expect(divideRoundHalfUp(813333, 100)).toBe(8133);
  });

  it('property: floorDiv agrees with BigInt floor division', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        const big = BigInt(n) / BigInt(d) - (BigInt(n) % BigInt(d) < 0n ? 1n : 0n);
        return floorDiv(n, d) === Number(big);
      }),
    );
  });
});
