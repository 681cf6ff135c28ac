import type { ConversionRule, Hundredths, LeafCriterion } from '../criteria/criteria-set';
import { divideRoundHalfUpBig } from '../points/hundredths';

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
