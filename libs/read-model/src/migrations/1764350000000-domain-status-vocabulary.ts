import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One status vocabulary: assessments and scorecards rows written before it used the read model's
 * own words (open, submitted, reopened); they take the domain's (self_assessment, appraisal).
 * Applied to every read-model version's schema; the views are unchanged (same columns).
 */
export class DomainStatusVocabulary1764350000000 implements MigrationInterface {
  name = 'DomainStatusVocabulary1764350000000';

  async up(q: QueryRunner): Promise<void> {
    for (const schema of await versionSchemas(q)) {
      for (const table of ['assessments', 'scorecards']) {
        await q.query(`UPDATE ${schema}.${table} SET status = CASE status
          WHEN 'open' THEN 'self_assessment' WHEN 'submitted' THEN 'appraisal' WHEN 'reopened' THEN 'appraisal' ELSE status END
          WHERE status IN ('open', 'submitted', 'reopened')`);
      }
    }
  }

  async down(): Promise<void> {
    // the old words cannot be recovered (appraisal was both "submitted" and "reopened"): rebuild instead
  }
}

async function versionSchemas(q: QueryRunner): Promise<string[]> {
  const rows: { schema: string }[] = await q.query(
    `SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'assessments' AND table_schema ~ '^rm_v[0-9]+$'`,
  );
  return rows.map((row) => row.schema);
}
