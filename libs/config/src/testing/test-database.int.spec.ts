import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from './test-database';

describe('createTestDatabase (real embedded PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('given a fresh test database, when queried, then it is a real empty PostgreSQL database', async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ tables: string }>(
      "select count(*)::text as tables from information_schema.tables where table_schema = 'public'",
    );
    const version = await client.query<{ server_version_num: string }>('show server_version_num');
    await client.end();
    expect(rows[0]?.tables).toBe('0');
    expect(Number(version.rows[0]?.server_version_num)).toBeGreaterThanOrEqual(150000);
  });
});
