import type { Hundredths } from '../criteria/criteria-set';

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses a decimal such as "86.93" into integer hundredths (8693) without going through binary
 * floating point. A number argument is read through its shortest round-trip decimal form, so
 * `toHundredths(86.93)` is 8693 but `toHundredths(0.1 + 0.2)` is rejected (more than 2 decimals).
 */
export function toHundredths(value: string | number): Hundredths {
  const text = typeof value === 'number' ? numberToDecimalText(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) {
    throw new RangeError(`"${String(value)}" is not a decimal with at most 2 decimal places`);
  }
  const [, sign, whole, fraction = ''] = match;
  const magnitude = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(magnitude)) {
    throw new RangeError(`"${String(value)}" is too large to be held as exact hundredths`);
  }
  return sign === '-' ? -magnitude || 0 : magnitude;
}

function numberToDecimalText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} is not a finite number of points`);
  const text = String(value);
  if (/e/i.test(text)) throw new RangeError(`${value} cannot be read as a 2-decimal number of points`);
  return text;
}

/** 8693 → "86.93", -150 → "-1.50", 5 → "0.05". */
export function formatPoints(h: Hundredths): string {
  if (!Number.isSafeInteger(h)) throw new RangeError(`${h} is not an integer number of hundredths`);
  const magnitude = Math.abs(h);
  const whole = Math.floor(magnitude / 100);
  const cents = magnitude % 100;
  return `${h < 0 ? '-' : ''}${whole}.${cents < 10 ? '0' : ''}${cents}`;
}

/**
 * Integer division rounded half up (towards +∞ at exactly .5), exact for safe integers whose
 * product stays below 2^53; callers with larger operands use the BigInt variant.
 */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (denominator === 0) throw new RangeError('division by zero');
  if (denominator < 0) return divideRoundHalfUp(-numerator, -denominator);
  // floor((2n + d) / 2d) is round-half-up for a positive denominator.
  return floorDiv(2 * numerator + denominator, 2 * denominator);
}

/** Exact floor division of safe integers: the float quotient is corrected by its remainder. */
export function floorDiv(numerator: number, denominator: number): number {
  let quotient = Math.floor(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  if (remainder < 0) quotient -= 1;
  else if (remainder >= denominator) quotient += 1;
  return quotient;
}

/** Same as `divideRoundHalfUp` on BigInts. */
export function divideRoundHalfUpBig(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) return divideRoundHalfUpBig(-numerator, -denominator);
  return floorDivBig(2n * numerator + denominator, 2n * denominator);
}

/** Rounds half away from zero: used for signed changes so "up 0.005" and "down 0.005" mirror. */
export function divideRoundHalfAwayBig(numerator: bigint, denominator: bigint): bigint {
  if (denominator < 0n) return divideRoundHalfAwayBig(-numerator, -denominator);
  const negative = numerator < 0n;
  const rounded = divideRoundHalfUpBig(negative ? -numerator : numerator, denominator);
  return negative ? -rounded : rounded;
}

export function floorDivBig(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator; // truncates towards zero
  return numerator % denominator !== 0n && numerator < 0n !== denominator < 0n ? quotient - 1n : quotient;
}
