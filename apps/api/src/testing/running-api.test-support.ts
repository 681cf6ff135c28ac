import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';
import { Client } from 'pg';
import { claimsFor, newTestSecret, signHs256, type TestActor } from './test-tokens.test-support';

export type { TestActor } from './test-tokens.test-support';

export interface GqlResponse<T> {
  data?: T;
  errors?: { message: string; extensions: { code: string; category?: string; details?: unknown } }[];
}

/**
 * The built API (dist/main.js) as its own process against a fresh test database: NestJS 12 is
 * ESM-only and jest's CommonJS runtime cannot load it, and a real process is the truer e2e anyway.
 */
export interface RunningApi {
  url: string;
  database: TestDatabase;
  /** the HS256 secret the API verifies tokens with (AUTH_JWT_SECRET) */
  secret: string;
  /** the storage settings the API runs with (database and role URLs, data folder, chain key): another process (the projector CLI) shares them */
  storageEnv: Record<string, string>;
  /**
   * One GraphQL request. `actor`: null → anonymous; 'admin' → sub e2e-admin with that role; or
   * { role, units?, sub? } (a unit_officer needs its units here). Default 'admin'.
   */
  gql<T = Record<string, unknown>>(query: string, actor?: TestActor | null, headers?: Record<string, string>): Promise<GqlResponse<T>>;
  /** the same request, with the HTTP status */
  gqlWithStatus<T = Record<string, unknown>>(
    query: string,
    actor?: TestActor | null,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: GqlResponse<T> }>;
  /** the same request, with the HTTP status and the response headers */
  gqlWithHeaders<T = Record<string, unknown>>(
    query: string,
    actor?: TestActor | null,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: GqlResponse<T>; headers: Headers }>;
  /** a signed bearer token (raw JWT) for the actor */
  tokenFor(actor: TestActor): string;
  /** rows in the event store: assert that a refused command appended nothing */
  countEvents(): Promise<number>;
  stop(): Promise<void>;
}

const MAIN = path.resolve(__dirname, '../../dist/main.js');

export interface RunningApiOptions {
  /** extra node arguments for the API process, e.g. ['--require', SQL_STATEMENTS_PRELOAD] */
  nodeArgs?: string[];
  /** overrides the API's environment (e.g. { NODE_ENV: 'production' }, or AUTH_JWKS_URL with AUTH_JWT_SECRET: '' to test an identity provider) */
  env?: Record<string, string>;
}

/** Preload that reports each request's SQL statement count in the `x-sql-statements` response header. */
export const SQL_STATEMENTS_PRELOAD = path.resolve(__dirname, 'sql-statements.preload.cjs');

export async function startRunningApi(options: RunningApiOptions = {}): Promise<RunningApi> {
  const database = await createTestDatabase();
  const secret = newTestSecret();
  const auth = { AUTH_JWT_SECRET: secret, AUTH_JWKS_URL: '', AUTH_ISSUER: '', AUTH_AUDIENCE: '' };
  // least-privileged roles; the hash-chain key and the anchors live in the data folder, outside the database
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'par-index-api-'));
  const storage = {
    DATABASE_URL: database.url,
    EVENTSTORE_DATABASE_URL: database.roleUrls.writer,
    PROJECTOR_DATABASE_URL: database.roleUrls.projector,
    API_DATABASE_URL: database.roleUrls.reader,
    PAR_DATA_DIR: dataDir,
    EVENTSTORE_HMAC_KEY: randomBytes(32).toString('hex'),
    EVENTSTORE_ANCHOR_FILE: '',
  };
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), MAIN], {
    env: { ...process.env, ...storage, API_PORT: '0', LOG_LEVEL: 'warn', EVENTSTORE_URL: '', ...auth, ...options.env },
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
  const tokenFor = (actor: TestActor) => signHs256(claimsFor(actor), secret);
  const gqlWithHeaders: RunningApi['gqlWithHeaders'] = async (query, actor = 'admin', headers = {}) => {
    const authorization: Record<string, string> = actor === null ? {} : { authorization: `Bearer ${tokenFor(actor)}` };
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorization, ...headers },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as never, headers: response.headers };
  };
  const gqlWithStatus: RunningApi['gqlWithStatus'] = async (query, actor = 'admin', headers = {}) => {
    const { status, body } = await gqlWithHeaders(query, actor, headers);
    return { status, body: body as never };
  };
  return {
    url,
    database,
    secret,
    storageEnv: storage,
    tokenFor,
    gqlWithStatus,
    gqlWithHeaders,
    async gql(query, actor, headers) {
      return (await gqlWithStatus(query, actor, headers)).body as never;
    },
    async countEvents() {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ count: string }>('SELECT count(*)::text AS count FROM eventstore.events');
        return Number(rows[0]!.count);
      } finally {
        await client.end();
      }
    },
    async stop() {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
