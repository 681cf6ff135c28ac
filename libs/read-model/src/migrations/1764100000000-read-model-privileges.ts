import { DATABASE_GROUP_ROLES, createGroupRoleSql } from '@par-index/config';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every read-model table; a migration adding one must grant on it the same way. */
export const READ_MODEL_TABLES = ['projection_checkpoints', 'units', 'criteria_sets', 'assessments', 'scorecards'] as const;

/**
 * Least privilege: the projector writes the read models and their checkpoints (TRUNCATE for
 * rebuild), the API's queries only read them; neither owns a table, and neither touches the
 * migrations table.
 */
export class ReadModelPrivileges1764100000000 implements MigrationInterface {
  name = 'ReadModelPrivileges1764100000000';

  async up(q: QueryRunner): Promise<void> {
    const { projector, reader } = DATABASE_GROUP_ROLES;
    await q.query(createGroupRoleSql(projector));
    await q.query(createGroupRoleSql(reader));
    const tables = READ_MODEL_TABLES.join(', ');
    await q.query(`REVOKE ALL ON ${tables}, read_model_migrations FROM PUBLIC`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ${tables} TO ${projector}`);
    await q.query(`GRANT SELECT ON ${tables} TO ${reader}`);
  }

  async down(q: QueryRunner): Promise<void> {
    const tables = READ_MODEL_TABLES.join(', ');
    await q.query(`REVOKE ALL ON ${tables} FROM ${DATABASE_GROUP_ROLES.projector}, ${DATABASE_GROUP_ROLES.reader}`);
  }
}
