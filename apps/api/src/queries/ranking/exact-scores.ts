import { roundFraction, scoreUnit, type CriteriaSet, type Fraction, type LeafInputs } from '@par-index/scoring';
import type { DataSource } from 'typeorm';

/**
 * A unit-year's exact total and field points (hundredths, unrounded sums of their parts) where they
 * are not whole hundredths: a survey part converted from raw data makes the displayed total a
 * rounding of them, and ranks, indexes and statistics must come from them instead.
 */
export interface ExactScores {
  total?: Fraction;
  fields: ReadonlyMap<string, Fraction>;
}

/** What a scorecard row needs to be matched with its exact scores. */
export interface ExactScoresKey {
  unitId: string;
  year: number;
  total: number;
  fields: readonly { code: string; points: number }[];
  criteriaSetCode: string;
  criteriaSetVersion: number;
  /** the last event position of the unit-year's assessment (null: no assessment in the read model) */
  inputsPosition: string | null;
  exact?: ExactScores | null;
}

interface InputsRow {
  unitId: string;
  year: number;
  position: string;
  leafInputs: LeafInputs;
  criteriaSetCode: string;
  criteriaSetVersion: number;
  /** sent once per criteria-set version in a statement, null on the other rows */
  criteriaSet: CriteriaSet | null;
}

const MAX_ENTRIES = 100_000;
const DISPLAYED_IS_EXACT: ExactScores = { fields: new Map() };
const memoKey = (row: { unitId: string; year: number }) => `${row.year}\u0000${row.unitId}`;
const versionOf = (row: { inputsPosition?: string | null; position?: string; criteriaSetCode: string; criteriaSetVersion: number }) =>
  `${row.inputsPosition ?? row.position}\u0000${row.criteriaSetCode}\u0000${row.criteriaSetVersion}`;

function exactScoresOf(set: CriteriaSet, inputs: LeafInputs): ExactScores {
  const scorecard = scoreUnit(set, inputs);
  const fields = new Map<string, Fraction>();
  for (const field of scorecard.fields) if (field.exactPoints !== undefined) fields.set(field.code, field.exactPoints);
  return { ...(scorecard.exactTotal === undefined ? {} : { total: scorecard.exactTotal }), fields };
}

/** Exact scores agree with the row when they round to its displayed figures (otherwise the row is left as displayed). */
function agrees(row: ExactScoresKey, exact: ExactScores): boolean {
  if (exact.total !== undefined && roundFraction(exact.total) !== row.total) return false;
  return row.fields.every((field) => {
    const points = exact.fields.get(field.code);
    return points === undefined || roundFraction(points) === field.points;
  });
}

/**
 * The read model keeps displayed (rounded) totals only, so exact scores are recomputed here by
 * libs/scoring from the assessment's inputs, once per assessment version (its last event position):
 * later requests reuse them until the assessment moves. Costs one statement when some row is new
 * or moved, none otherwise.
 */
export class ExactScoresMemo {
  private readonly memo = new Map<string, { version: string; exact: ExactScores }>();

  async attach(db: DataSource, rows: readonly ExactScoresKey[]): Promise<void> {
    const missing = rows.filter((row) => row.inputsPosition !== null && this.memo.get(memoKey(row))?.version !== versionOf(row));
    if (missing.length > 0) await this.load(db, missing);
    for (const row of rows) {
      const found = row.inputsPosition === null ? undefined : this.memo.get(memoKey(row));
      row.exact = found !== undefined && found.version === versionOf(row) && agrees(row, found.exact) ? found.exact : null;
    }
  }

  private async load(db: DataSource, rows: readonly ExactScoresKey[]): Promise<void> {
    const inputs = (await db.query(
      `SELECT a.unit_id AS "unitId", a.year, a.last_position::text AS position, a.leaf_inputs AS "leafInputs",
              a.criteria_set_code AS "criteriaSetCode", a.criteria_set_version AS "criteriaSetVersion",
              CASE WHEN row_number() OVER (PARTITION BY c.code, c.version ORDER BY a.unit_id, a.year) = 1 THEN c.criteria_set END AS "criteriaSet"
       FROM assessments a JOIN criteria_sets c ON c.code = a.criteria_set_code AND c.version = a.criteria_set_version
       WHERE (a.unit_id, a.year) IN (SELECT * FROM unnest($1::text[], $2::int[]))`,
      [rows.map((row) => row.unitId), rows.map((row) => row.year)],
    )) as InputsRow[];
    const sets = new Map<string, CriteriaSet>();
    for (const row of inputs) if (row.criteriaSet !== null) sets.set(`${row.criteriaSetCode}\u0000${row.criteriaSetVersion}`, row.criteriaSet);
    for (const row of inputs) {
      const set = sets.get(`${row.criteriaSetCode}\u0000${row.criteriaSetVersion}`);
      if (set === undefined) continue;
      let exact = DISPLAYED_IS_EXACT;
      try {
        exact = exactScoresOf(set, row.leafInputs);
      } catch {
        // inputs the set cannot score: the row stays as displayed
      }
      this.memo.delete(memoKey(row));
      this.memo.set(memoKey(row), { version: versionOf(row), exact });
      if (this.memo.size > MAX_ENTRIES) this.memo.delete(this.memo.keys().next().value!);
    }
  }
}

const memos = new WeakMap<DataSource, ExactScoresMemo>();

/** Attaches each row's exact scores (`row.exact`; null when its displayed figures are exact or unknown). */
export async function attachExactScores(db: DataSource, rows: readonly ExactScoresKey[]): Promise<void> {
  let memo = memos.get(db);
  if (memo === undefined) memos.set(db, (memo = new ExactScoresMemo()));
  await memo.attach(db, rows);
}
