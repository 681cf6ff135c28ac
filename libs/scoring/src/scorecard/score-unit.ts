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
  const lookup = inputLookup(inputs, compiled);
  const { leaves, leafKind, leafMax, leafFloor, leafField, leafSource, leafRule, fields, sources } = compiled;
  const fieldPoints = new Array<number>(fields.length).fill(0);
  const fieldMax = new Array<number>(fields.length).fill(0);
  const sourcePoints = new Array<number>(sources.length).fill(0);
  const sourceMax = new Array<number>(sources.length).fill(0);
  const leafScores = new Array<LeafScore>(leaves.length);
  const zeroLeaves: string[] = [];
  let matched = 0;

  for (let i = 0; i < leaves.length; i++) {
    const code = leaves[i].code;
    const input = lookup(code);
    if (input !== undefined) matched++;
    const kind = leafKind[i];
    const fieldIndex = leafField[i];
    let points = 0;
    let max = leafMax[i];
    let origin: PointsOrigin;
    if (input?.notApplicable === true) {
      max = 0;
      origin = 'not_applicable';
    } else if ((kind === LEAF_KIND.survey || kind === LEAF_KIND.indicator) && input?.rawValue !== undefined) {
      points = applyConversionRule(leafRule[i]!, max, input.rawValue, code);
      origin = 'converted';
    } else if (input?.appraisedScore !== undefined) {
      points = checkedPoints(code, input.appraisedScore, kind === LEAF_KIND.deduction ? leafFloor[i] : 0, max);
      origin = 'appraised';
    } else if (input?.selfScore !== undefined) {
      points = checkedPoints(code, input.selfScore, kind === LEAF_KIND.deduction ? leafFloor[i] : 0, max);
      origin = 'self';
    } else {
      origin = 'missing';
    }
    fieldPoints[fieldIndex] += points;
    fieldMax[fieldIndex] += max;
    sourcePoints[leafSource[i]] += points;
    sourceMax[leafSource[i]] += max;
    if (points === 0 && max > 0) zeroLeaves.push(code);
    leafScores[i] = { code, fieldCode: fields[fieldIndex].code, source: sources[leafSource[i]].key, points, max, origin };
  }
  if (matched !== countInputs(inputs)) throw unknownCodeError(compiled, inputs);

  let total = 0;
  let applicableMax = 0;
  const fieldScores = fields.map((field, f): FieldScore => {
    total += fieldPoints[f];
    applicableMax += fieldMax[f];
    return { code: field.code, name: field.name, points: fieldPoints[f], max: fieldMax[f], nominalMax: field.max, percent: percentOf(fieldPoints[f], fieldMax[f]) };
  });
  const bySource = sources.map((source, s): SourceScore => ({ ...source, points: sourcePoints[s], max: sourceMax[s] }));
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
 * Reads inputs by code. A plain object is indexed directly (the hot path) unless a leaf code is
 * also an Object.prototype member such as "constructor", in which case own-property checks apply.
 */
function inputLookup(inputs: LeafInputs, compiled: CompiledCriteriaSet): (code: string) => LeafInput | undefined {
  if (inputs instanceof Map) return (code) => inputs.get(code);
  const record = inputs as Readonly<Record<string, LeafInput | undefined>>;
  const prototype: unknown = Object.getPrototypeOf(record);
  if ((prototype === Object.prototype && !compiled.hasPrototypeCollision) || prototype === null) return (code) => record[code];
  return (code) => (Object.hasOwn(record, code) ? record[code] : undefined);
}

function countInputs(inputs: LeafInputs): number {
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
