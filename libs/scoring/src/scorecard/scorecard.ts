import type { Hundredths } from '../criteria/criteria-set';
import type { Fraction } from '../points/exact-sum';
import type { PercentHundredths } from '../points/ratio';
import type { ScoreSource } from './compiled-set';

/**
 * What the assessment holds for one leaf of one unit. Which value counts:
 * - appraised and deduction leaves: `appraisedScore` if present, else `selfScore`, else 0;
 * - survey and indicator leaves: `rawValue` converted by the leaf's rule; without a raw value,
 *   points recorded directly (`appraisedScore`, else `selfScore`), else 0.
 * `notApplicable` excludes the leaf from the unit's maximum (and its points are 0).
 */
export interface LeafInput {
  selfScore?: Hundredths;
  appraisedScore?: Hundredths;
  rawValue?: number;
  notApplicable?: boolean;
}

export type LeafInputs = ReadonlyMap<string, LeafInput> | Readonly<Record<string, LeafInput>>;

/** Which of the inputs produced a leaf's effective points. */
export type PointsOrigin = 'appraised' | 'self' | 'converted' | 'missing' | 'not_applicable';

export interface LeafScore {
  code: string;
  fieldCode: string;
  /** key of the leaf's source in `bySource` */
  source: string;
  points: Hundredths;
  /** the leaf's maximum, or 0 when it is not applicable to this unit */
  max: Hundredths;
  /** for a converted result, rounded half up from its exact value (which the field, source and total keep) */
  origin: PointsOrigin;
}

export interface FieldScore {
  code: string;
  name: string;
  points: Hundredths;
  /** the unit's own applicable maximum for the field */
  max: Hundredths;
  /** the field's maximum in the criteria set */
  nominalMax: Hundredths;
  /** points ÷ applicable max, display-rounded; null when nothing in the field applies */
  percent: PercentHundredths | null;
  /** the field's exact points (hundredths) when not whole: `points` and `percent` are rounded once from it */
  exactPoints?: Fraction;
}

export interface SourceScore extends ScoreSource {
  /** rounded half up once from `exactPoints`: displayed parts need not add up to the displayed total */
  points: Hundredths;
  max: Hundredths;
  /** the exact points (hundredths) when not whole */
  exactPoints?: Fraction;
}

/** The full result of one unit in one year under one version of a criteria set. */
export interface UnitScorecard {
  setCode: string;
  setVersion: number;
  year: number;
  level: string;
  /** every leaf in document order */
  leaves: LeafScore[];
  fields: FieldScore[];
  /** the total as published: `exactTotal` rounded half up once to whole hundredths */
  total: Hundredths;
  /**
   * the sum of the unrounded parts (hundredths) when it is not whole; ranks and the index are
   * computed from it (absent: `total` is exact)
   */
  exactTotal?: Fraction;
  /** the unit's own applicable maximum: the index is total ÷ max */
  max: Hundredths;
  nominalMax: Hundredths;
  /** exactTotal ÷ max as a percentage, rounded half up once */
  percent: PercentHundredths | null;
  /** total split by source, in order of first appearance; the exact parts sum to `exactTotal` */
  bySource: SourceScore[];
  /** codes of applicable non-deduction leaves with a positive max that scored 0 */
  zeroLeaves: string[];
}
