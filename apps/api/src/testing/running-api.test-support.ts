import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';

/**
 * The built API (dist/main.js) as its own process against a fresh test database: NestJS 12 is
 * ESM-only and jest's CommonJS runtime cannot load it, and a real process is the truer e2e anyway.
 */
export interface RunningApi {
  url: string;
  database: TestDatabase;
  gql<T = Record<string, unknown>>(query: string, role?: string | null, headers?: Record<string, string>): Promise<{ data?: T; errors?: { message: string; extensions: { code: string; details?: unknown } }[] }>;
  stop(): Promise<void>;
}

const MAIN = path.resolve(__dirname, '../../dist/main.js');

export async function startRunningApi(env: Record<string, string> = {}): Promise<RunningApi> {
  const database = await createTestDatabase();
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: { ...process.env, DATABASE_URL: database.url, API_PORT: '0', LOG_LEVEL: 'warn', EVENTSTORE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /GraphQL API: (\S+)/.exec(line);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`API exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    database,
    async gql(query, role = 'admin', headers = {}) {
      const actor: Record<string, string> = role ? { 'x-actor-id': `e2e-${role}`, 'x-actor-role': role } : {};
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...actor, ...headers },
        body: JSON.stringify({ query }),
      });
      return response.json() as never;
    },
    async stop() {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      await database.drop();
    },
  };
}
