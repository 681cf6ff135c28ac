import type { ConversionRule, Hundredths, LeafCriterion } from '../criteria/criteria-set';
import { divideRoundHalfUpBig } from '../points/hundredths';
import { fraction, type Fraction } from '../points/exact-sum';
import { rational } from '../points/ratio';

/**
 * Points (integer hundredths) that a survey or indicator result earns on a leaf, by the leaf's
 * declared rule. Linear rules are clamped to 0..max and rounded half up; the arithmetic is done in
 * float64 and, only when the result sits within 1e-6 of a .5 tie, redone exactly on the decimal
 * forms of the inputs so binary floating point never decides which way a tie rounds.
 */
export function convertRawValue(leaf: LeafCriterion, raw: number): Hundredths {
  const scoring = leaf.scoring;
  if (scoring.kind !== 'survey' && scoring.kind !== 'indicator') {
    throw new TypeError(`leaf "${leaf.code}" is ${scoring.kind}, it has no conversion rule for raw values`);
  }
  return applyConversionRule(scoring.rule, leaf.max, raw, leaf.code);
}

export function applyConversionRule(rule: ConversionRule, max: Hundredths, raw: number, leafCode = '?'): Hundredths {
  if (!Number.isFinite(raw)) throw new RangeError(`leaf "${leafCode}": raw value ${raw} is not a finite number`);
  switch (rule.kind) {
    case 'linear':
      return convertLinear(rule.from, rule.to, max, raw);
    case 'bands': {
      const bands = rule.bands;
      for (let i = bands.length - 1; i >= 0; i--) if (raw >= bands[i].min) return bands[i].points;
      return 0;
    }
    default: {
      const _exhaustive: never = rule;
      throw new TypeError(`leaf "${leafCode}": unknown conversion rule ${JSON.stringify(_exhaustive)}`);
    }
  }
}

/**
 * The exact points (hundredths, as a fraction) a raw value earns by the rule: what scoreUnit sums
 * into fields, sources and the total before rounding once. Linear rules are exact on the decimal
 * forms of raw, from and to (75.44 is 7544/100, never a binary float); bands are whole hundredths.
 * `applyConversionRule` is this value rounded half up.
 */
export function convertExactly(rule: ConversionRule, max: Hundredths, raw: number, leafCode = '?'): Fraction {
  const num = convertedNumerator(rule, max, raw, leafCode);
  return Number.isNaN(num) ? convertExactlyBig(rule as { from: number; to: number }, max, raw) : fraction(num, lastDenominator);
}

/** Set by `convertedNumerator`: the denominator of the value it returned. */
export let lastDenominator = 1;

/**
 * The hot path of `convertExactly` without allocating: the numerator of the exact points, its
 * (positive, unreduced) denominator left in `lastDenominator`; NaN when only BigInt holds it.
 */
export function convertedNumerator(rule: ConversionRule, max: Hundredths, raw: number, leafCode = '?'): number {
  lastDenominator = 1;
  if (rule.kind !== 'linear') return applyConversionRule(rule, max, raw, leafCode);
  if (!Number.isFinite(raw)) throw new RangeError(`leaf "${leafCode}": raw value ${raw} is not a finite number`);
  const { from, to } = rule;
  const ascending = from < to;
  if (ascending ? raw <= from : raw >= from) return 0;
  if (ascending ? raw >= to : raw <= to) return max;
  const rawScale = decimalScale(raw);
  const bounds = ruleBounds(rule);
  if (rawScale >= 0 && bounds !== null) {
    const scale = rawScale > bounds.scale ? rawScale : bounds.scale;
    const r = Math.round(raw * 10 ** rawScale) * 10 ** (scale - rawScale);
    const f = bounds.from * 10 ** (scale - bounds.scale);
    const t = bounds.to * 10 ** (scale - bounds.scale);
    const num = max * (r - f);
    const den = t - f;
    if (
      Number.isSafeInteger(r) &&
      Number.isSafeInteger(f) &&
      Number.isSafeInteger(t) &&
      Number.isSafeInteger(num) &&
      Number.isSafeInteger(den)
    ) {
      if (den < 0) {
        lastDenominator = -den;
        return -num;
      }
      lastDenominator = den;
      return num;
    }
  }
  return Number.NaN;
}

function convertExactlyBig({ from, to }: { from: number; to: number }, max: Hundredths, raw: number): Fraction {
  const [r, f, t] = [raw, from, to].map(toDecimal);
  const scale = Math.max(r.scale, f.scale, t.scale);
  const [rd, fd, td] = [r, f, t].map((v) => v.digits * 10n ** BigInt(scale - v.scale)) as [bigint, bigint, bigint];
  return rational(BigInt(max) * (rd - fd), td - fd);
}

const boundsCache = new WeakMap<object, { from: number; to: number; scale: number } | null>();

/** A linear rule's from/to as integers at a common decimal scale (cached per rule object). */
function ruleBounds(rule: { from: number; to: number }): { from: number; to: number; scale: number } | null {
  let bounds = boundsCache.get(rule);
  if (bounds === undefined) {
    const fromScale = decimalScale(rule.from);
    const toScale = decimalScale(rule.to);
    const scale = Math.max(fromScale, toScale);
    bounds =
      fromScale < 0 || toScale < 0
        ? null
        : {
            from: Math.round(rule.from * 10 ** fromScale) * 10 ** (scale - fromScale),
            to: Math.round(rule.to * 10 ** toScale) * 10 ** (scale - toScale),
            scale,
          };
    if (bounds !== null && !(Number.isSafeInteger(bounds.from) && Number.isSafeInteger(bounds.to))) bounds = null;
    boundsCache.set(rule, bounds);
  }
  return bounds;
}

/** The fewest decimals (0..9) that hold `value` exactly as its decimal form; -1 when none does. */
function decimalScale(value: number): number {
  for (let k = 0; k <= 9; k++) {
    const p = 10 ** k;
    const scaled = Math.round(value * p);
    if (!Number.isSafeInteger(scaled)) return -1;
    if (scaled / p === value) return k;
  }
  return -1;
}

function convertLinear(from: number, to: number, max: Hundredths, raw: number): Hundredths {
  const ascending = from < to;
  if (ascending ? raw <= from : raw >= from) return 0;
  if (ascending ? raw >= to : raw <= to) return max;
  const exact = (max * (raw - from)) / (to - from);
  const fraction = exact - Math.floor(exact);
  if (Math.abs(fraction - 0.5) < 1e-6) return convertLinearExactly(from, to, max, raw);
  return Math.floor(exact + 0.5);
}

function convertLinearExactly(from: number, to: number, max: Hundredths, raw: number): Hundredths {
  const values = [raw, from, to].map(toDecimal);
  const scale = Math.max(...values.map((v) => v.scale));
  const [r, f, t] = values.map((v) => v.digits * 10n ** BigInt(scale - v.scale));
  return Number(divideRoundHalfUpBig(BigInt(max) * (r - f), t - f));
}

/** The shortest round-trip decimal form of a finite number as digits × 10^-scale. */
function toDecimal(value: number): { digits: bigint; scale: number } {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/i.exec(String(value));
  if (!match) throw new RangeError(`${value} has no decimal form`);
  const [, sign, whole, fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  let digits = BigInt(`${sign}${whole}${fraction}`);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits, scale };
}
