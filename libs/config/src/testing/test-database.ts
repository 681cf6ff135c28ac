import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { RoleUrls } from '../database-roles';

export interface TestDatabase {
  /** the admin (superuser) connection: the owner of everything migrated through it */
  url: string;
  /** login URLs for the least-privileged roles, unique to this database; created by provisionLoginRoles */
  roleUrls: RoleUrls;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.PAR_TEST_DATABASE_URL;
  if (!url) throw new Error('PAR_TEST_DATABASE_URL is unset: run integration tests through jest (its globalSetup starts PostgreSQL)');
  return url;
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database on the test server, so test files never see each other's rows. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const password = randomBytes(12).toString('hex');
  const roleUrl = (role: string) => {
    const login = new URL(url);
    login.username = `${name}_${role}`;
    login.password = password;
    return login.toString();
  };
  const roleUrls: RoleUrls = { writer: roleUrl('writer'), projector: roleUrl('projector'), reader: roleUrl('reader') };
  return {
    url: url.toString(),
    roleUrls,
    drop: () =>
      withAdmin(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        for (const role of ['writer', 'projector', 'reader']) await client.query(`DROP ROLE IF EXISTS ${name}_${role}`);
      }),
  };
}
