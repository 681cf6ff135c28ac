import type { LeafInputRow } from '@par-index/read-model';
import type { CriteriaSet } from '@par-index/scoring';
import type { DataSource } from 'typeorm';

/** A unit-year's scoring inputs with the criteria-set version they are scored against. */
export interface ScoringInputsRow {
  year: number;
  status: string;
  leafInputs: Record<string, LeafInputRow>;
  criteriaSet: CriteriaSet;
}

/** The unit's inputs for `year` and the year before, in one statement (for leaves and the explanation of change). */
export async function loadScoringInputs(db: DataSource, unitId: string, year: number): Promise<ScoringInputsRow[]> {
  return db.query(
    `SELECT a.year, a.status, a.leaf_inputs AS "leafInputs", c.criteria_set AS "criteriaSet"
     FROM assessments a JOIN criteria_sets c ON c.code = a.criteria_set_code AND c.version = a.criteria_set_version
     WHERE a.unit_id = $1 AND a.year IN ($2, $2 - 1)`,
    [unitId, year],
  );
}
