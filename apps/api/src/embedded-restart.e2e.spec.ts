import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { findFreePort } from '@par-index/config';
import { Client } from 'pg';

const MAIN = path.resolve(__dirname, '../dist/main.js');

interface Started {
  child: ChildProcess;
  url?: string;
  exitCode?: number | null;
  stderr: string;
}

/** `npm start` as it runs on a laptop: the built API, embedded PostgreSQL, nothing else configured. */
function startApi(dataDir: string, pgPort: number, apiPort: number): Promise<Started> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PAR_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      API_PORT: String(apiPort),
      DATABASE_URL: '',
      EVENTSTORE_URL: '',
      EVENTSTORE_DATABASE_URL: '',
      PROJECTOR_DATABASE_URL: '',
      API_DATABASE_URL: '',
      EVENTSTORE_HMAC_KEY: '',
      EVENTSTORE_ANCHOR_FILE: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started: Started = { child, stderr: '' };
  child.stderr!.on('data', (chunk) => (started.stderr += String(chunk)));
  return new Promise((resolve) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /GraphQL API: (\S+)/.exec(line);
      if (match) resolve({ ...started, url: match[1] });
    });
    child.once('exit', (code) => resolve({ ...started, exitCode: code, stderr: started.stderr }));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

async function superuserQuery<T>(pgPort: number, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: `postgres://postgres:par-index@127.0.0.1:${pgPort}/par_index` });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('npm start after kill -9 (built API, embedded PostgreSQL, real processes)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'par-index-restart-'));
  const running: ChildProcess[] = [];

  afterAll(async () => {
    for (const child of running) {
      child.kill('SIGTERM');
      await exited(child);
    }
    // should a step have failed after a kill -9, stop the PostgreSQL this test left behind
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    if (existsSync(pidFile)) {
      const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        // already gone
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('recovers the orphaned embedded PostgreSQL, keeps the data, and still refuses while a live par-index owns the folder', async () => {
    const pgPort = await findFreePort();
    const first = await startApi(dataDir, pgPort, await findFreePort());
    expect(first.stderr).toBe('');
    expect(first.url).toBeDefined();
    await superuserQuery(pgPort, `CREATE TABLE kill9_marker (v text); INSERT INTO kill9_marker VALUES ('still here')`);
    const orphanPid = Number.parseInt(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]!, 10);
    expect(JSON.parse(readFileSync(path.join(dataDir, 'par-index.owner.json'), 'utf8'))).toMatchObject({
      pid: first.child.pid,
      postmasterPid: orphanPid,
    });
    // the secrets the embedded mode generated: owner-only files under the data folder
    for (const file of [
      'secrets/database-writer.password',
      'secrets/database-projector.password',
      'secrets/database-reader.password',
      'keys/eventstore-hmac.key',
    ]) {
      expect((statSync(path.join(dataDir, file)).mode & 0o777).toString(8)).toBe('600');
    }

    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(() => process.kill(orphanPid, 0)).not.toThrow(); // the PostgreSQL it started lives on, orphaned

    const second = await startApi(dataDir, pgPort, await findFreePort());
    expect({ exitCode: second.exitCode, stderr: second.stderr }).toEqual({ exitCode: undefined, stderr: '' });
    running.push(second.child);
    const answer = await fetch(second.url!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
    expect(await superuserQuery(pgPort, 'SELECT v FROM kill9_marker')).toEqual([{ v: 'still here' }]);
    // the restarted platform connects as the least-privileged login roles, never as the superuser
    const sessions = await superuserQuery<{ usename: string; rolsuper: boolean }>(
      pgPort,
      `SELECT DISTINCT a.usename, r.rolsuper FROM pg_stat_activity a JOIN pg_roles r ON r.rolname = a.usename
       WHERE a.datname = 'par_index' AND a.pid <> pg_backend_pid() ORDER BY a.usename`,
    );
    expect(sessions).toEqual([
      { usename: 'par_index_projector_login', rolsuper: false },
      { usename: 'par_index_reader_login', rolsuper: false },
      { usename: 'par_index_writer_login', rolsuper: false },
    ]);

    const third = await startApi(dataDir, pgPort, await findFreePort());
    expect(third.exitCode).toBe(1);
    expect(third.stderr).toMatch(new RegExp(`in use by a running PostgreSQL \\(pid \\d+\\), started by par-index pid ${second.child.pid}`));
  }, 180_000);
});
