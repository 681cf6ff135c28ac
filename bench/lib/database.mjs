// A throwaway embedded PostgreSQL for one benchmark (or DATABASE_URL when set), and its version.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

export async function startDatabase(label) {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, where: 'DATABASE_URL', stop: async () => undefined };
  const { startEmbeddedPostgres, findFreePort } = require('@par-index/config');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `par-bench-${label}-`));
  const port = await findFreePort();
  const pg = await startEmbeddedPostgres({ dataDir, port });
  return {
    url: pg.url,
    dataDir,
    port,
    where: `embedded PostgreSQL on port ${port}`,
    stop: async () => {
      await pg.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function postgresVersion(url) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SHOW server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
}
