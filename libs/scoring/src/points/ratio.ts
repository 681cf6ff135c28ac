import type { Hundredths } from '../criteria/criteria-set';
import { divideRoundHalfAwayBig, divideRoundHalfUp, divideRoundHalfUpBig } from './hundredths';

/** A percentage in integer hundredths of a percent: 8133 = 81.33%. Display only: never rank on it. */
export type PercentHundredths = number;

/** points ÷ max as a percentage, rounded half up to 2 decimals; null when there is no applicable max. */
export function percentOf(points: Hundredths, max: Hundredths): PercentHundredths | null {
  if (max <= 0) return null;
  const scaled = points * 10000;
  return Number.isSafeInteger(scaled) ? divideRoundHalfUp(scaled, max) : Number(divideRoundHalfUpBig(BigInt(points) * 10000n, BigInt(max)));
}

/**
 * Exact comparison of two indexes a/am and b/bm (both maxima > 0) by cross-multiplication:
 * negative when a's index is lower. Float products are exact while they stay below 2^53; beyond
 * that the comparison is redone in BigInt.
 */
export function compareIndex(a: Hundredths, am: Hundredths, b: Hundredths, bm: Hundredths): number {
  const left = a * bm;
  const right = b * am;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left === right ? 0 : left < right ? -1 : 1;
  const bigLeft = BigInt(a) * BigInt(bm);
  const bigRight = BigInt(b) * BigInt(am);
  return bigLeft === bigRight ? 0 : bigLeft < bigRight ? -1 : 1;
}

/** An exact rational number with a positive denominator, for averages and medians of indexes. */
export interface Rational {
  num: bigint;
  den: bigint;
}

export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('rational with a zero denominator');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n < 0n ? -n : n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

export const addRationals = (a: Rational, b: Rational): Rational =>
  a.den === b.den ? rational(a.num + b.num, a.den) : rational(a.num * b.den + b.num * a.den, a.den * b.den);

export const subtractRationals = (a: Rational, b: Rational): Rational => addRationals(a, { num: -b.num, den: b.den });

export const divideRational = (a: Rational, by: bigint | number): Rational => rational(a.num, a.den * BigInt(by));

export function compareRationals(a: Rational, b: Rational): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left === right ? 0 : left < right ? -1 : 1;
}

/** A rational index as a percentage, rounded half up (or half away from zero for signed changes). */
export function rationalToPercent(value: Rational, rounding: 'half-up' | 'half-away' = 'half-up'): PercentHundredths {
  const round = rounding === 'half-up' ? divideRoundHalfUpBig : divideRoundHalfAwayBig;
  return Number(round(value.num * 10000n, value.den));
}

/** A rational number of hundredths rounded half up to whole hundredths. */
export const rationalToHundredths = (value: Rational): Hundredths => Number(divideRoundHalfUpBig(value.num, value.den));

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
