import { DATABASE_GROUP_ROLES } from '@par-index/config';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTimelineTableSql, versionGrantsSql } from '../versions/version-schema';

/**
 * The per-leaf audit timeline: created in every existing read-model version's schema (written by
 * the projector role), with its view in `public` pointing at the active version (read by the API). Existing versions fill it on their next rebuild;
 * the projector's checkpoint for `audit_timeline` starts at the beginning, so a running projector
 * catches it up from the first event.
 */
export class AuditTimeline1764400000000 implements MigrationInterface {
  name = 'AuditTimeline1764400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const schema of await versionSchemas(q)) {
      for (const sql of auditTimelineTableSql(schema)) await q.query(sql);
      for (const sql of versionGrantsSql(Number(schema.slice('rm_v'.length)))) await q.query(sql);
    }
    const [active]: { version: number }[] = await q.query('SELECT version FROM public.read_model_active WHERE id = 1');
    await q.query(`CREATE VIEW public.audit_timeline AS SELECT * FROM rm_v${Number(active!.version)}.audit_timeline`);
    // least privilege, as 1764300000000 does for the views it found: the API and the projector read it
    const { projector, reader } = DATABASE_GROUP_ROLES;
    await q.query('REVOKE ALL ON public.audit_timeline FROM PUBLIC');
    await q.query(`GRANT SELECT ON public.audit_timeline TO ${projector}, ${reader}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW IF EXISTS public.audit_timeline');
    for (const schema of await versionSchemas(q)) await q.query(`DROP TABLE IF EXISTS ${schema}.audit_timeline`);
  }
}

async function versionSchemas(q: QueryRunner): Promise<string[]> {
  const rows: { schema: string }[] = await q.query(
    `SELECT nspname AS schema FROM pg_namespace WHERE nspname ~ '^rm_v[0-9]+$' AND EXISTS (
       SELECT 1 FROM information_schema.tables WHERE table_schema = nspname AND table_name = 'assessments')`,
  );
  return rows.map((row) => row.schema);
}
