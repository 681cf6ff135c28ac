import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { appendFunctionSignature, migrationSql, type StoreNames, type StoreRoles } from './schema';

/**
 * Runs the idempotent migration unless this exact migration is already applied: its fingerprint is
 * the comment on the append function, and the append-only triggers are still there and enabled.
 * The check is one read, so a store's first use (every process start) takes no catalog locks and
 * writes nothing; a changed migration (new DDL, other roles) or a disabled trigger runs it again.
 */
export async function migrate(pool: Pool, names: StoreNames, roles: StoreRoles | undefined): Promise<void> {
  const sql = migrationSql(names, roles);
  const fingerprint = `par-index eventstore migration ${createHash('sha256').update(sql).digest('hex').slice(0, 32)}`;
  if (await isApplied(pool, names, fingerprint)) return;
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    // concurrent CREATE ... IF NOT EXISTS can still collide in the catalogs; one migrator at a time
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('par-index.eventstore.migrate', 0))`);
    await client.query(`${sql}\nCOMMENT ON FUNCTION ${appendFunctionSignature(names)} IS '${fingerprint}';`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}

async function isApplied(pool: Pool, names: StoreNames, fingerprint: string): Promise<boolean> {
  const { rows } = await pool.query<{ applied: boolean | null }>(
    `SELECT obj_description(to_regprocedure($1), 'pg_proc') = $2
        AND (SELECT count(*) FROM pg_trigger WHERE tgrelid = to_regclass($3) AND tgenabled = 'O'
             AND tgname IN ('events_append_only', 'events_no_truncate')) = 2 AS applied`,
    [appendFunctionSignature(names), fingerprint, names.events],
  );
  return rows[0].applied === true;
}
