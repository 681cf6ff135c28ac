import type { Hundredths } from '../criteria/criteria-set';
import { compareIndex, type PercentHundredths } from '../points/ratio';
import type { UnitScorecard } from '../scorecard/scorecard';

export type FieldDirection = 'higher' | 'lower' | 'same' | 'added' | 'removed' | 'not_comparable';

export interface FieldMove {
  code: string;
  name: string;
  direction: FieldDirection;
  points: Hundredths | null;
  previousPoints: Hundredths | null;
  percent: PercentHundredths | null;
  previousPercent: PercentHundredths | null;
}

export interface FieldMovement {
  /** current fields in order, then fields only the previous scorecard had */
  fields: FieldMove[];
  higher: number;
  lower: number;
  same: number;
  /** fields present in both with an index in both: the denominator of "8/8 fields higher" */
  compared: number;
}

/**
 * Which fields rose or fell between two scorecards of a unit (e.g. last year and this year).
 * Fields are matched by code and compared on their index (points ÷ applicable max) exactly, since
 * a field's maximum may differ between years.
 */
export function fieldMovement(current: UnitScorecard, previous: UnitScorecard): FieldMovement {
  const before = new Map(previous.fields.map((field) => [field.code, field]));
  const currentCodes = new Set(current.fields.map((field) => field.code));
  const fields: FieldMove[] = current.fields.map((field) => {
    const prior = before.get(field.code);
    const move = {
      code: field.code,
      name: field.name,
      points: field.points,
      previousPoints: prior?.points ?? null,
      percent: field.percent,
      previousPercent: prior?.percent ?? null,
    };
    if (!prior) return { ...move, direction: 'added' };
    if (field.max <= 0 || prior.max <= 0) return { ...move, direction: 'not_comparable' };
    const order = compareIndex(field.points, field.max, prior.points, prior.max);
    return { ...move, direction: order > 0 ? 'higher' : order < 0 ? 'lower' : 'same' };
  });
  for (const prior of previous.fields) {
    if (!currentCodes.has(prior.code)) {
      fields.push({
        code: prior.code,
        name: prior.name,
        direction: 'removed',
        points: null,
        previousPoints: prior.points,
        percent: null,
        previousPercent: prior.percent,
      });
    }
  }
  const count = (direction: FieldDirection) => fields.filter((field) => field.direction === direction).length;
  const higher = count('higher');
  const lower = count('lower');
  const same = count('same');
  return { fields, higher, lower, same, compared: higher + lower + same };
}
