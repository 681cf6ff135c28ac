import type { MigrationInterface, QueryRunner } from 'typeorm';
import { defineViews } from '../versions/version-schema';

/**
 * Each scorecard keeps its exact total (and each field its exact points, inside `fields`) where the
 * displayed figure is a rounding, so the API ranks and computes statistics on the exact values
 * without re-scoring. Existing versions' rows get them on their next `rebuild` (until then they rank
 * on their displayed totals, as before); the views are redefined to show the column.
 */
export class ScorecardExactTotal1764500000000 implements MigrationInterface {
  name = 'ScorecardExactTotal1764500000000';

  async up(q: QueryRunner): Promise<void> {
    const versions = await versionsWithScorecards(q);
    for (const version of versions) await q.query(`ALTER TABLE rm_v${version}.scorecards ADD COLUMN IF NOT EXISTS exact_total jsonb`);
    if (versions.length > 0) await defineViews(q.manager, await keptVersions(q));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW IF EXISTS public.scorecards');
    for (const version of await versionsWithScorecards(q))
      await q.query(`ALTER TABLE rm_v${version}.scorecards DROP COLUMN IF EXISTS exact_total`);
    await defineViews(q.manager, await keptVersions(q));
  }
}

async function versionsWithScorecards(q: QueryRunner): Promise<number[]> {
  const rows: { schema: string }[] = await q.query(
    `SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'scorecards' AND table_schema ~ '^rm_v[0-9]+$'`,
  );
  return rows.map((row) => Number(row.schema.slice('rm_v'.length)));
}

async function keptVersions(q: QueryRunner): Promise<number[]> {
  const rows: { version: number }[] = await q.query(
    `SELECT version FROM public.read_model_versions WHERE status <> 'pruned' ORDER BY version`,
  );
  return rows.map((row) => row.version);
}
