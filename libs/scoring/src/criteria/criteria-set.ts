/**
 * A criteria set: the tree of fields (component indexes) → criteria → component criteria used to
 * assess one level in one year. All points are integer hundredths (8693 = 86.93 points).
 */
export type Hundredths = number;

export const ASSESSED_LEVELS = ['province', 'ministry', 'department', 'district', 'commune', 'central_agency'] as const;
export type AssessedLevel = (typeof ASSESSED_LEVELS)[number];

/** How a raw survey/indicator value (e.g. SIPAS satisfaction 75.44%) becomes points. */
export type ConversionRule =
  /** raw ≤ from → 0 points, raw ≥ to → leaf max, linear in between (from > to means lower is better). */
  | { kind: 'linear'; from: number; to: number }
  /** the points of the highest band whose `min` the raw value reaches; below every band → 0. */
  | { kind: 'bands'; bands: ReadonlyArray<{ min: number; points: Hundredths }> };

export type LeafScoring =
  | { kind: 'appraised' }
  | { kind: 'survey'; survey: string; rule: ConversionRule }
  | { kind: 'indicator'; indicator: string; rule: ConversionRule }
  /** deduction leaves have max 0 and take points away, down to `floor` (a negative number). */
  | { kind: 'deduction'; floor: Hundredths };

export interface LeafCriterion {
  type: 'leaf';
  code: string;
  name: string;
  max: Hundredths;
  scoring: LeafScoring;
}

export interface CriterionGroup {
  type: 'group';
  code: string;
  name: string;
  /** must equal the sum of the children's maxima */
  max: Hundredths;
  children: ReadonlyArray<CriteriaNode>;
}

export type CriteriaNode = LeafCriterion | CriterionGroup;

export interface CriteriaSet {
  code: string; // e.g. "PAR-2022-province"
  year: number;
  level: AssessedLevel;
  version: number;
  maxTotal: Hundredths; // must equal the sum of the fields' maxima
  /** top-level groups are the fields (component indexes) */
  fields: ReadonlyArray<CriterionGroup>;
}
