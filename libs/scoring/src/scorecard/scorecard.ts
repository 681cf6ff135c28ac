import type { Hundredths } from '../criteria/criteria-set';
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
}

export interface SourceScore extends ScoreSource {
  points: Hundredths;
  max: Hundredths;
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
  total: Hundredths;
  /** the unit's own applicable maximum: the index is total ÷ max */
  max: Hundredths;
  nominalMax: Hundredths;
  percent: PercentHundredths | null;
  /** total split by source, in order of first appearance; sums to `total` */
  bySource: SourceScore[];
  /** codes of applicable non-deduction leaves with a positive max that scored 0 */
  zeroLeaves: string[];
}
