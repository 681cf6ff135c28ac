import type { CriteriaSet, Hundredths } from '../criteria/criteria-set';
import { applyConversionRule } from '../conversion/convert-raw-value';
import { percentOf } from '../points/ratio';
import { compileCriteriaSet, LEAF_KIND, type CompiledCriteriaSet } from './compiled-set';
import type { FieldScore, LeafInput, LeafInputs, LeafScore, PointsOrigin, SourceScore, UnitScorecard } from './scorecard';

export class ScoringInputError extends RangeError {
  constructor(readonly leafCode: string, message: string) {
    super(message);
    this.name = 'ScoringInputError';
  }
}

/**
 * Scores one unit-year: effective points of every leaf, field and source totals, the unit's own
 * applicable maximum and its index. Inputs are checked, not clamped: a score outside the leaf's
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
  let matched = 0;

  for (let i = 0; i < leaves.length; i++) {
    const code = leaves[i].code;
    const input = map !== null ? map.get(code) : guarded && !Object.hasOwn(record!, code) ? undefined : record![code];
    const kind = leafKind[i];
    let points = 0;
    let max = leafMax[i];
    let origin: PointsOrigin = 'missing';
    if (input !== undefined) {
      matched++;
      const { notApplicable, rawValue, appraisedScore, selfScore } = input;
      if (notApplicable === true) {
        max = 0;
        origin = 'not_applicable';
      } else if (rawValue !== undefined && (kind === LEAF_KIND.survey || kind === LEAF_KIND.indicator)) {
        points = applyConversionRule(leafRule[i]!, max, rawValue, code);
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
    fieldPoints[fieldIndex] += points;
    fieldMax[fieldIndex] += max;
    sourcePoints[sourceIndex] += points;
    sourceMax[sourceIndex] += max;
    if (points === 0 && max > 0) zeroLeaves.push(code);
    leafScores[i] = { code, fieldCode: fields[fieldIndex].code, source: sources[sourceIndex].key, points, max, origin };
  }
  if (matched !== countInputs(inputs, matched)) throw unknownCodeError(compiled, inputs);

  let total = 0;
  let applicableMax = 0;
  const fieldScores = fields.map((field, f): FieldScore => {
    total += fieldPoints[f];
    applicableMax += fieldMax[f];
    return { code: field.code, name: field.name, points: fieldPoints[f], max: fieldMax[f], nominalMax: field.max, percent: percentOf(fieldPoints[f], fieldMax[f]) };
  });
  const bySource = sources.map(
    (source, s): SourceScore => ({ key: source.key, kind: source.kind, name: source.name, points: sourcePoints[s], max: sourceMax[s] }),
  );
  const set0 = compiled.set;
  return {
    setCode: set0.code,
    setVersion: set0.version,
    year: set0.year,
    level: set0.level,
    leaves: leafScores,
    fields: fieldScores,
    total,
    max: applicableMax,
    nominalMax: set0.maxTotal,
    percent: percentOf(total, applicableMax),
    bySource,
    zeroLeaves,
  };
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
