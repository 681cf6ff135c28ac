import type { AssessmentStatus } from '@par-index/domain';
import { EntitySchema } from 'typeorm';

/** An exact value in hundredths (numerator ÷ denominator, decimal strings: they may exceed 2^53). */
export interface StoredFraction {
  num: string;
  den: string;
}

export interface FieldScoreRow {
  code: string;
  name: string;
  points: number; // hundredths
  max: number; // hundredths, applicable maximum
  percent: number; // for display only (ranks are computed exactly by libs/scoring)
  rank: number;
  /** the exact points when `points` is their rounding (a converted survey part); absent: `points` is exact */
  exactPoints?: StoredFraction;
}

/** A unit-year's computed index and its ranks in its group; rewritten whenever the group changes. */
export interface ScorecardRow {
  unitId: string;
  year: number;
  level: string;
  groupCode: string;
  /** the domain's workflow status (ASSESSMENT_STATUSES) */
  status: AssessmentStatus;
  criteriaSetCode: string;
  criteriaSetVersion: number;
  /** true when the group's scorecards were scored against different versions of their criteria set */
  mixedCriteriaVersions: boolean;
  total: number; // hundredths
  /** the exact total when `total` is its rounding (the sum of unrounded parts); null: `total` is exact */
  exactTotal: StoredFraction | null;
  applicableMax: number; // hundredths
  percent: number; // display value, 2 decimals
  rank: number;
  groupSize: number;
  fields: FieldScoreRow[];
  bySource: Record<string, number>;
  zeroLeaves: string[];
  updatedAt: string;
}

export const ScorecardEntity = new EntitySchema<ScorecardRow>({
  name: 'Scorecard',
  tableName: 'scorecards',
  columns: {
    unitId: { name: 'unit_id', type: 'text', primary: true },
    year: { type: 'int', primary: true },
    level: { type: 'text' },
    groupCode: { name: 'group_code', type: 'text' },
    status: { type: 'text' },
    criteriaSetCode: { name: 'criteria_set_code', type: 'text' },
    criteriaSetVersion: { name: 'criteria_set_version', type: 'int' },
    mixedCriteriaVersions: { name: 'mixed_criteria_versions', type: 'boolean' },
    total: { type: 'int' },
    exactTotal: { name: 'exact_total', type: 'jsonb', nullable: true },
    applicableMax: { name: 'applicable_max', type: 'int' },
    percent: { type: 'numeric', precision: 7, scale: 2, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } },
    rank: { type: 'int' },
    groupSize: { name: 'group_size', type: 'int' },
    fields: { type: 'jsonb' },
    bySource: { name: 'by_source', type: 'jsonb' },
    zeroLeaves: { name: 'zero_leaves', type: 'jsonb' },
    updatedAt: { name: 'updated_at', type: 'text' },
  },
  indices: [{ name: 'scorecards_group_rank', columns: ['year', 'level', 'groupCode', 'rank'] }],
});
