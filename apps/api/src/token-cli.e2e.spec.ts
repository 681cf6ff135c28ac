import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startRunningApi, type RunningApi } from './testing/running-api.test-support';

/** `npm run token` (dist/token-cli.js): prints only a token, which the running API accepts. */
describe('the token command', () => {
  const CLI = path.resolve(__dirname, '../dist/token-cli.js');
  let dataDir: string;
  let api: RunningApi;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'par-token-'));
    api = await startRunningApi();
  });
  afterAll(async () => {
    await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const token = (args: string[], env: Record<string, string> = {}) =>
    execFileSync(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', PAR_DATA_DIR: dataDir, ...env },
      encoding: 'utf8',
    });

  it('given embedded mode, then it creates the 0600 secret and prints exactly one JWT line', () => {
    const output = token(['--role', 'appraiser']);
    expect(output).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(statSync(path.join(dataDir, 'auth', 'jwt-secret')).mode & 0o777).toBe(0o600);
    const claims = JSON.parse(Buffer.from(output.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({ sub: 'local-appraiser', roles: ['appraiser'], units: [] });
    expect(claims.exp - claims.iat).toBe(8 * 3600);
  });

  it('given AUTH_JWT_SECRET, then the API accepts its token, scoped to its units', async () => {
    const jwt = token(['--role', 'unit_officer', '--unit', 'binh-duong', '--unit', 'lang-son', '--sub', 'officer-7', '--ttl', '30m'], {
      AUTH_JWT_SECRET: api.secret,
    }).trim();
    const { status, body } = await api.gqlWithStatus('{ assessmentHistory(unitId:"lang-son", year:2024) { type } }', null, {
      authorization: `Bearer ${jwt}`,
    });
    expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
    const other = await api.gqlWithStatus('{ assessmentHistory(unitId:"ha-tinh", year:2024) { type } }', null, {
      authorization: `Bearer ${jwt}`,
    });
    expect(other.body.errors?.[0]?.extensions.code).toBe('FORBIDDEN_FOR_UNIT');
  });

  it.each([
    [['--role', 'unit_officer'], /needs at least one --unit/],
    [['--role', 'root'], /must be one of/],
    [['--role', 'admin', '--ttl', 'forever'], /30m, 8h or 7d/],
  ])('given %j, then it refuses on stderr and prints no token', (args, message) => {
    const result = spawnSync(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', PAR_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('given a production configuration without a secret, then it refuses', () => {
    const result = spawnSync(process.execPath, [CLI, '--role', 'admin'], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/AUTH_JWT_SECRET/);
  });
});
