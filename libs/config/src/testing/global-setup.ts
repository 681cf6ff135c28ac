import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../embedded-postgres';
import { findFreePort } from '../port-check';

declare global {
  var __PAR_TEST_PG__: { stop(): Promise<void>; dataDir: string } | undefined;
}

/**
 * Jest globalSetup: one real PostgreSQL for the whole run. PAR_TEST_DATABASE_URL (an admin URL
 * whose user may CREATE DATABASE) skips the embedded server, e.g. to test against another version.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.PAR_TEST_DATABASE_URL) return;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'par-index-test-'));
  const port = await findFreePort();
  const pg = await startEmbeddedPostgres({ dataDir, port });
  process.env.PAR_TEST_DATABASE_URL = pg.url;
  globalThis.__PAR_TEST_PG__ = { stop: () => pg.stop(), dataDir };
}
