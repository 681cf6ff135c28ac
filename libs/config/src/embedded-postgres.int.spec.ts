import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { findFreePort } from './port-check';

// Runs against the built dist (npm test builds first), in a child process: see the fixture.
const fixture = path.join(__dirname, 'testing/embedded-postgres-child.cjs');

interface Started {
  child: ChildProcess;
  result: { url?: string; error?: string; name?: string };
}

function start(dataDir: string, port: number): Promise<Started> {
  const child = spawn(process.execPath, [fixture, dataDir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve({ child, result: JSON.parse(line) }));
    child.once('error', reject);
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('startEmbeddedPostgres (real embedded PostgreSQL in a child process)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'par-index-embedded-'));
  let first: Started | undefined;
  afterAll(async () => {
    if (first) await stop(first.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given a new folder, when started, stopped and started again, then the data persists', async () => {
    const port = await findFreePort();
    first = await start(dataDir, port);
    await query(first.result.url!, "create table kept(v text); insert into kept values ('still here')");
    await stop(first.child);

    first = await start(dataDir, port);
    expect(await query(first.result.url!, 'select v from kept')).toEqual([{ v: 'still here' }]);
  });

  it('given a running instance on the folder, when a second one starts, then it refuses with a clear message', async () => {
    const second = await start(dataDir, await findFreePort());
    expect(second.result.name).toBe('ConfigError');
    expect(second.result.error).toMatch(/is in use by a running PostgreSQL \(pid \d+\).*already running/);
  });

  it('given the port is taken, when started on another folder, then it refuses naming the port', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const otherDir = mkdtempSync(path.join(os.tmpdir(), 'par-index-embedded-'));
    try {
      const attempt = await start(otherDir, port);
      expect(attempt.result.error).toContain(`Port ${port} for the embedded PostgreSQL is already in use`);
    } finally {
      blocker.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});
