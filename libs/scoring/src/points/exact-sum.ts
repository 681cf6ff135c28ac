import type { Hundredths } from '../criteria/criteria-set';
import { divideRoundHalfUp, divideRoundHalfUpBig } from './hundredths';
import { rational, type Rational } from './ratio';

/** An exact value in hundredths as numerator/denominator: plain numbers while safe, else BigInt. */
export type Fraction = { num: number; den: number } | Rational;

const gcdNumber = (a: number, b: number): number => {
  let x = Math.abs(a);
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
};

/** A fraction reduced to lowest terms with a positive denominator. */
export function fraction(num: number, den: number): Fraction {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den)) return rational(BigInt(num), BigInt(den));
  if (den < 0) [num, den] = [-num, -den];
  const g = gcdNumber(num, den) || 1;
  return { num: num / g, den: den / g };
}

/** As a BigInt rational; fractions built by `fraction` or `ExactSum` are already in lowest terms. */
export const toRational = (value: Fraction): Rational =>
  typeof value.num === 'bigint' ? (value as Rational) : { num: BigInt(value.num), den: BigInt(value.den) };

export const isWhole = (value: Fraction): boolean => (typeof value.den === 'bigint' ? value.den === 1n : value.den === 1);

/** Rounded half up to whole hundredths: the one place an exact value becomes a displayed one. */
export function roundFraction(value: Fraction): Hundredths {
  if (typeof value.num === 'bigint') return Number(divideRoundHalfUpBig(value.num, value.den as bigint));
  const twice = 2 * value.num + (value.den as number);
  return Number.isSafeInteger(twice) && Number.isSafeInteger(2 * (value.den as number))
    ? divideRoundHalfUp(value.num, value.den as number)
    : Number(divideRoundHalfUpBig(BigInt(value.num), BigInt(value.den)));
}

/**
 * A running exact sum of hundredths (whole hundredths from hand scores plus fractions from
 * converted survey/indicator results), in plain numbers while every intermediate stays a safe
 * integer and in BigInt past that.
 */
export class ExactSum {
  private num = 0;
  private den = 1;
  private big: Rational | null = null;

  add(value: Fraction): void {
    if (this.big === null && typeof value.num === 'number') {
      const d = value.den as number;
      const g = gcdNumber(this.den, d);
      const left = this.num * (d / g);
      const right = value.num * (this.den / g);
      const den = this.den * (d / g);
      // denominators of one rule are equal, so they rarely grow; reduced only when read
      if (Number.isSafeInteger(left) && Number.isSafeInteger(right) && Number.isSafeInteger(left + right) && Number.isSafeInteger(den)) {
        this.num = left + right;
        this.den = den;
        return;
      }
    }
    const current = this.big ?? rational(BigInt(this.num), BigInt(this.den));
    const addend = toRational(value);
    this.big = rational(current.num * addend.den + addend.num * current.den, current.den * addend.den);
  }

  value(): Fraction {
    return this.big ?? fraction(this.num, this.den);
  }
}

/**
 * Exact sums of fractions in numbered slots (the fields or the sources of one unit): plain numbers
 * while every intermediate is a safe integer, a slot moves to BigInt past that. Denominators of one
 * conversion rule are equal, so a slot's denominator rarely grows; fractions are reduced on read.
 */
export class FractionSlots {
  private readonly num: number[] = [];
  private readonly den: number[] = [];
  private big: Map<number, Rational> | null = null;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      this.num.push(0);
      this.den.push(1);
    }
  }

  add(slot: number, num: number | bigint, den: number | bigint): void {
    const bigSlot = this.big?.get(slot);
    if (bigSlot === undefined && typeof num === 'number' && typeof den === 'number') {
      const current = this.den[slot]!;
      const g = current === den ? den : gcdNumber(current, den);
      const left = this.num[slot]! * (den / g);
      const right = num * (current / g);
      const sumDen = current * (den / g);
      if (Number.isSafeInteger(left) && Number.isSafeInteger(right) && Number.isSafeInteger(left + right) && Number.isSafeInteger(sumDen)) {
        this.num[slot] = left + right;
        this.den[slot] = sumDen;
        return;
      }
    }
    const from = bigSlot ?? { num: BigInt(this.num[slot]!), den: BigInt(this.den[slot]!) };
    (this.big ??= new Map()).set(slot, rational(from.num * BigInt(den) + BigInt(num) * from.den, from.den * BigInt(den)));
  }

  /** whole + the slot's fraction, exact and in lowest terms */
  plus(slot: number, whole: number): Fraction {
    const bigSlot = this.big?.get(slot);
    if (bigSlot === undefined) {
      const den = this.den[slot]!;
      const num = whole * den + this.num[slot]!;
      if (Number.isSafeInteger(num)) return fraction(num, den);
    }
    const from = bigSlot ?? { num: BigInt(this.num[slot]!), den: BigInt(this.den[slot]!) };
    return rational(BigInt(whole) * from.den + from.num, from.den);
  }
}
