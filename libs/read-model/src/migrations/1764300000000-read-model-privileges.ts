import { DATABASE_GROUP_ROLES } from '@par-index/config';
import { createGroupRoleSql } from '@par-index/eventstore';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { versionGrantsSql } from '../versions/version-schema';

/** The read-model views this migration found; views added later grant themselves (e.g. 1764400000000). */
const VIEWS_AT_THIS_MIGRATION = ['units', 'criteria_sets', 'assessments', 'scorecards', 'projection_checkpoints'] as const;

/** Control tables of the projector in `public`: what the projector role writes besides rm_vN. */
const PROJECTOR_WRITES = ['projection_state', 'projection_skips'] as const;
const PROJECTOR_READS = ['read_model_versions', 'read_model_active'] as const;

/**
 * Least privilege: the projector writes the versioned read models (`rm_vN`, TRUNCATE for rebuild)
 * and its control rows; the API's queries only read the `public` views and control tables. Neither
 * owns anything nor touches the migrations table. Views re-created later (a version switch, a
 * migration) keep SELECT through the owner's default privileges in `public`.
 */
export class ReadModelPrivileges1764300000000 implements MigrationInterface {
  name = 'ReadModelPrivileges1764300000000';

  async up(q: QueryRunner): Promise<void> {
    const { projector, reader } = DATABASE_GROUP_ROLES;
    await q.query(createGroupRoleSql(projector));
    await q.query(createGroupRoleSql(reader));
    const publicObjects = [...VIEWS_AT_THIS_MIGRATION, ...PROJECTOR_WRITES, ...PROJECTOR_READS].map((t) => `public.${t}`).join(', ');
    await q.query(`REVOKE ALL ON ${publicObjects}, public.read_model_migrations FROM PUBLIC`);
    await q.query(`GRANT SELECT ON ${publicObjects} TO ${projector}, ${reader}`);
    await q.query(`GRANT INSERT, UPDATE, DELETE ON ${PROJECTOR_WRITES.map((t) => `public.${t}`).join(', ')} TO ${projector}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO ${projector}, ${reader}`);
    const schemas: { schema: string }[] = await q.query(`SELECT nspname AS schema FROM pg_namespace WHERE nspname ~ '^rm_v[0-9]+$'`);
    for (const { schema } of schemas) {
      for (const statement of versionGrantsSql(Number(schema.slice('rm_v'.length)))) await q.query(statement);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const { projector, reader } = DATABASE_GROUP_ROLES;
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM ${projector}, ${reader}`);
  }
}
