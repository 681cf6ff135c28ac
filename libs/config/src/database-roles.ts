import { Client } from 'pg';
import { ConfigError } from './config';

/**
 * The group roles (NOLOGIN) that hold the grants; migrations create them and grant to them. Login
 * roles are members of one group each, so a password change never touches a grant.
 */
export const DATABASE_GROUP_ROLES = {
  /** INSERT and SELECT on the event store, nothing else */
  writer: 'par_index_writer',
  /** reads the event store, writes the read models and their checkpoints */
  projector: 'par_index_projector',
  /** SELECT on the read models */
  reader: 'par_index_reader',
} as const;

export type DatabaseRole = keyof typeof DATABASE_GROUP_ROLES;
export type RoleUrls = Record<DatabaseRole, string>;

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertRoleName(name: string): string {
  if (!ROLE_NAME.test(name)) throw new ConfigError(`invalid PostgreSQL role name ${JSON.stringify(name)}`);
  return name;
}

function userOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Creates (or re-passwords) the login role named in each role URL as a member of its group, using
 * the owner connection. A URL naming the owner itself is left alone (the caller warns about it).
 * Without CREATEROLE on the owner, the login roles must already exist (the operator's job).
 */
export async function provisionLoginRoles(
  ownerUrl: string,
  roleUrls: RoleUrls,
  roles: readonly DatabaseRole[] = Object.keys(DATABASE_GROUP_ROLES) as DatabaseRole[],
): Promise<void> {
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    const { rows } = await owner.query<{ may: boolean }>(
      'SELECT rolsuper OR rolcreaterole AS may FROM pg_roles WHERE rolname = current_user',
    );
    if (!rows[0]?.may) return;
    for (const role of roles) {
      const url = new URL(roleUrls[role]);
      const login = assertRoleName(userOf(roleUrls[role]));
      if (login === userOf(ownerUrl)) continue;
      const password = decodeURIComponent(url.password);
      await owner.query(`DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${login}') THEN
    CREATE ROLE ${login} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$`);
      const { rows: literal } = await owner.query<{ q: string }>('SELECT quote_literal($1) AS q', [password]);
      await owner.query(`ALTER ROLE ${login} LOGIN PASSWORD ${literal[0]!.q}`);
      await owner.query(`GRANT ${DATABASE_GROUP_ROLES[role]} TO ${login}`);
    }
  } finally {
    await owner.end();
  }
}

/** What a connection runs as: refused when it is a superuser, the point of least privilege. */
export async function describeConnectionRole(url: string): Promise<{ user: string; superuser: boolean }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ user: string; superuser: boolean }>(
      'SELECT current_user AS user, rolsuper AS superuser FROM pg_roles WHERE rolname = current_user',
    );
    return rows[0]!;
  } finally {
    await client.end();
  }
}
