import type { CriteriaSet, Hundredths } from '../criteria/criteria-set';
import { convertedNumerator, convertExactly, lastDenominator } from '../conversion/convert-raw-value';
import { divideRoundHalfUp } from '../points/hundredths';
import { FractionSlots, isWhole, roundFraction, toRational, type Fraction } from '../points/exact-sum';
import { percentOf, rational, rationalToPercent } from '../points/ratio';
import { compileCriteriaSet, LEAF_KIND, type CompiledCriteriaSet } from './compiled-set';
import type { FieldScore, LeafInput, LeafInputs, LeafScore, PointsOrigin, SourceScore, UnitScorecard } from './scorecard';

export class ScoringInputError extends RangeError {
  constructor(
    readonly leafCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'ScoringInputError';
  }
}

/**
 * Scores one unit-year: effective points of every leaf, field and source totals, the unit's own
 * applicable maximum and its index. Methodology: a converted survey/indicator result is kept exact
 * (a fraction of hundredths) through the field, source and unit totals and the index; each
 * published figure is rounded half up to two decimals once, from its unrounded parts. So the
 * displayed parts of a total need not add up to the displayed total (61.86 + 28.10 shown as 89.95). Inputs are checked, not clamped: a score outside the leaf's
 * bounds or for a code the set does not have is an error the caller must fix, never silently
 * absorbed into a published figure.
 */
export function scoreUnit(set: CriteriaSet | CompiledCriteriaSet, inputs: LeafInputs): UnitScorecard {
  const compiled = 'leafKind' in set ? set : compileCriteriaSet(set);
  const { leaves, leafKind, leafMax, leafFloor, leafField, leafSource, leafRule, fields, sources } = compiled;
  // Inputs are read by direct indexing when safe (the hot path), else through Map#get or own-property checks.
  const map = inputs instanceof Map ? (inputs as ReadonlyMap<string, LeafInput>) : null;
  const record = map === null ? (inputs as Readonly<Record<string, LeafInput | undefined>>) : null;
  const guarded = record !== null && !isPlainLookupSafe(record, compiled);
  const fieldPoints = zeros(fields.length);
  const fieldMax = zeros(fields.length);
  const sourcePoints = zeros(sources.length);
  const sourceMax = zeros(sources.length);
  const leafScores = new Array<LeafScore>(leaves.length);
  const zeroLeaves: string[] = [];
  // fractions of converted results, per field, per source and in total; created on first need only
  let fieldFractions: FractionSlots | null = null;
  let sourceFractions: FractionSlots | null = null;
  let totalFraction: FractionSlots | null = null;
  let matched = 0;

  for (let i = 0; i < leaves.length; i++) {
    const code = leaves[i].code;
    const input = map !== null ? map.get(code) : guarded && !Object.hasOwn(record!, code) ? undefined : record![code];
    const kind = leafKind[i];
    let points = 0;
    let max = leafMax[i];
    let origin: PointsOrigin = 'missing';
    let exactNum: number | bigint = 0;
    let exactDen: number | bigint = 1;
    if (input !== undefined) {
      matched++;
      const { notApplicable, rawValue, appraisedScore, selfScore } = input;
      if (notApplicable === true) {
        max = 0;
        origin = 'not_applicable';
      } else if (rawValue !== undefined && (kind === LEAF_KIND.survey || kind === LEAF_KIND.indicator)) {
        const num = convertedNumerator(leafRule[i]!, max, rawValue, code);
        if (Number.isNaN(num)) {
          const big = convertExactly(leafRule[i]!, max, rawValue, code);
          if (isWhole(big)) points = Number(big.num);
          else [exactNum, exactDen] = [big.num, big.den];
        } else if (num % lastDenominator === 0) points = num / lastDenominator;
        else [exactNum, exactDen] = [num, lastDenominator];
        origin = 'converted';
      } else if (appraisedScore !== undefined) {
        points = checkedPoints(code, appraisedScore, kind === LEAF_KIND.deduction ? leafFloor[i] : 0, max);
        origin = 'appraised';
      } else if (selfScore !== undefined) {
        points = checkedPoints(code, selfScore, kind === LEAF_KIND.deduction ? leafFloor[i] : 0, max);
        origin = 'self';
      }
    }
    const fieldIndex = leafField[i];
    const sourceIndex = leafSource[i];
    fieldMax[fieldIndex] += max;
    sourceMax[sourceIndex] += max;
    if (exactDen === 1 || exactDen === 1n) {
      fieldPoints[fieldIndex] += points;
      sourcePoints[sourceIndex] += points;
      if (points === 0 && max > 0) zeroLeaves.push(code);
    } else {
      // a converted result that is not whole hundredths: summed exactly, shown rounded
      (fieldFractions ??= new FractionSlots(fields.length)).add(fieldIndex, exactNum, exactDen);
      (sourceFractions ??= new FractionSlots(sources.length)).add(sourceIndex, exactNum, exactDen);
      (totalFraction ??= new FractionSlots(1)).add(0, exactNum, exactDen);
      points = roundFraction({ num: exactNum, den: exactDen } as Fraction);
    }
    leafScores[i] = { code, fieldCode: fields[fieldIndex].code, source: sources[sourceIndex].key, points, max, origin };
  }
  if (matched !== countInputs(inputs, matched)) throw unknownCodeError(compiled, inputs);

  let wholeTotal = 0;
  let applicableMax = 0;
  const fieldScores = fields.map((field, f): FieldScore => {
    wholeTotal += fieldPoints[f];
    applicableMax += fieldMax[f];
    const value = withFraction(fieldPoints[f], fieldFractions, f);
    const score: FieldScore = {
      code: field.code,
      name: field.name,
      points: value.points,
      max: fieldMax[f],
      nominalMax: field.max,
      percent: indexOf(value, fieldMax[f]),
    };
    if (value.exact) score.exactPoints = value.exact;
    return score;
  });
  const bySource = sources.map((source, s): SourceScore => {
    const value = withFraction(sourcePoints[s], sourceFractions, s);
    const score: SourceScore = { key: source.key, kind: source.kind, name: source.name, points: value.points, max: sourceMax[s] };
    if (value.exact) score.exactPoints = value.exact;
    return score;
  });
  const total = withFraction(wholeTotal, totalFraction, 0);
  const set0 = compiled.set;
  return {
    setCode: set0.code,
    setVersion: set0.version,
    year: set0.year,
    level: set0.level,
    leaves: leafScores,
    fields: fieldScores,
    total: total.points,
    ...(total.exact ? { exactTotal: total.exact } : {}),
    max: applicableMax,
    nominalMax: set0.maxTotal,
    percent: indexOf(total, applicableMax),
    bySource,
    zeroLeaves,
  };
}

interface ExactValue {
  /** rounded half up once */
  points: Hundredths;
  /** undefined when the value is whole hundredths (the fast path) */
  exact: Fraction | undefined;
}

/** Whole hundredths plus the fractions of converted results, exact; rounded once for display. */
function withFraction(whole: Hundredths, fractions: FractionSlots | null, slot: number): ExactValue {
  if (fractions === null) return { points: whole, exact: undefined };
  const value = fractions.plus(slot, whole);
  return isWhole(value) ? { points: Number(value.num), exact: undefined } : { points: roundFraction(value), exact: value };
}

/** value ÷ max as a percentage, from the exact value, rounded half up once. */
function indexOf(value: ExactValue, max: Hundredths): number | null {
  if (value.exact === undefined) return percentOf(value.points, max);
  if (max <= 0) return null;
  const { num, den } = value.exact;
  if (typeof num === 'number' && typeof den === 'number') {
    const scaled = num * 10000;
    const divisor = den * max;
    if (Number.isSafeInteger(2 * scaled + divisor) && Number.isSafeInteger(2 * divisor)) return divideRoundHalfUp(scaled, divisor);
  }
  const exact = toRational(value.exact);
  return rationalToPercent(rational(exact.num, exact.den * BigInt(max)));
}

function checkedPoints(code: string, value: Hundredths, min: Hundredths, max: Hundredths): Hundredths {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ScoringInputError(code, `leaf "${code}": ${String(value)} hundredths is not an integer within ${min}..${max}`);
  }
  return value;
}

/**
 * A plain object can be indexed directly unless a leaf code is also an Object.prototype member
 * such as "constructor" (an inherited value would be read as an input).
 */
function isPlainLookupSafe(record: object, compiled: CompiledCriteriaSet): boolean {
  const prototype: unknown = Object.getPrototypeOf(record);
  return prototype === null || (prototype === Object.prototype && !compiled.hasPrototypeCollision);
}

function zeros(length: number): number[] {
  const array: number[] = [];
  for (let i = 0; i < length; i++) array.push(0);
  return array;
}

/** Inputs holding a value; `matched` short-cuts the common case where every own key was matched. */
function countInputs(inputs: LeafInputs, matched: number): number {
  if (!(inputs instanceof Map) && Object.keys(inputs).length === matched) return matched;
  let count = 0;
  if (inputs instanceof Map) {
    for (const value of inputs.values()) if (value !== undefined) count++;
    return count;
  }
  const record = inputs as Readonly<Record<string, LeafInput | undefined>>;
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) if (record[keys[i]] !== undefined) count++;
  return count;
}

function unknownCodeError(compiled: CompiledCriteriaSet, inputs: LeafInputs): ScoringInputError {
  const codes = inputs instanceof Map ? [...inputs.keys()] : Object.keys(inputs);
  const unknown = codes.filter((code) => !compiled.leafIndexByCode.has(code));
  return new ScoringInputError(
    unknown[0],
    `criteria set "${compiled.set.code}" v${compiled.set.version} has no leaf ${unknown.map((c) => `"${c}"`).join(', ')}`,
  );
}
