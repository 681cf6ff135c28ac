import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each scorecard says which criteria-set version scored it, and whether its group mixes versions.
 * Applied to every read-model version's schema; the API's view is re-created so it shows the columns.
 */
export class ScorecardCriteriaVersion1764200000000 implements MigrationInterface {
  name = 'ScorecardCriteriaVersion1764200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const schema of await versionSchemas(q)) {
      await q.query(`ALTER TABLE ${schema}.scorecards
        ADD COLUMN IF NOT EXISTS criteria_set_code text NOT NULL DEFAULT '',
        ADD COLUMN IF NOT EXISTS criteria_set_version int NOT NULL DEFAULT 0,
        ADD COLUMN IF NOT EXISTS mixed_criteria_versions boolean NOT NULL DEFAULT false`);
    }
    await repointScorecardsView(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW IF EXISTS public.scorecards');
    for (const schema of await versionSchemas(q)) {
      await q.query(
        `ALTER TABLE ${schema}.scorecards DROP COLUMN criteria_set_code, DROP COLUMN criteria_set_version, DROP COLUMN mixed_criteria_versions`,
      );
    }
    await repointScorecardsView(q);
  }
}

async function versionSchemas(q: QueryRunner): Promise<string[]> {
  const rows: { schema: string }[] = await q.query(
    `SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'scorecards' AND table_schema ~ '^rm_v[0-9]+$'`,
  );
  return rows.map((row) => row.schema);
}

async function repointScorecardsView(q: QueryRunner): Promise<void> {
  const [active]: { version: number }[] = await q.query('SELECT version FROM public.read_model_active WHERE id = 1');
  await q.query('DROP VIEW IF EXISTS public.scorecards');
  await q.query(`CREATE VIEW public.scorecards AS SELECT * FROM rm_v${Number(active!.version)}.scorecards`);
}
