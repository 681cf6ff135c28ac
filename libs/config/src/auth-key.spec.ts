import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { embeddedSecretPath, resolveTokenKey } from './auth-key';
import { ConfigError, loadConfig } from './config';

describe('resolveTokenKey', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(path.join(os.tmpdir(), 'par-auth-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('given embedded mode, when first resolved, then a 0600 secret is created under the data folder and reused', () => {
    const config = loadConfig({ PAR_DATA_DIR: dataDir });
    const first = resolveTokenKey(config);
    const file = embeddedSecretPath(dataDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first).toMatchObject({ kind: 'secret', source: 'embedded' });
    const second = resolveTokenKey(config);
    expect(second.kind === 'secret' && Buffer.from(second.secret).toString()).toBe(readFileSync(file, 'utf8'));
    expect(first).toEqual(second);
  });

  it('given AUTH_JWT_SECRET, then it is used and nothing is written', () => {
    const key = resolveTokenKey(loadConfig({ PAR_DATA_DIR: dataDir, AUTH_JWT_SECRET: 's'.repeat(40), AUTH_ISSUER: 'par' }));
    expect(key).toMatchObject({ kind: 'secret', source: 'AUTH_JWT_SECRET', issuer: 'par' });
    expect(() => statSync(embeddedSecretPath(dataDir))).toThrow();
  });

  it('given a JWKS with issuer and audience, then tokens are checked against it', () => {
    const env = {
      AUTH_JWKS_URL: 'https://idp.example/.well-known/jwks.json',
      AUTH_ISSUER: 'https://idp.example/',
      AUTH_AUDIENCE: 'par-index',
    };
    expect(resolveTokenKey(loadConfig(env))).toEqual({
      kind: 'jwks',
      jwksUrl: env.AUTH_JWKS_URL,
      issuer: env.AUTH_ISSUER,
      audience: env.AUTH_AUDIENCE,
    });
  });

  it.each([{ DATABASE_URL: 'postgres://u:p@db:5432/par' }, { NODE_ENV: 'production' }])(
    'given production (%o) without a secret or JWKS, then it refuses to start with a clear message',
    (env) => {
      const config = loadConfig({ ...env, PAR_DATA_DIR: dataDir });
      expect(() => resolveTokenKey(config)).toThrow(ConfigError);
      expect(() => resolveTokenKey(config)).toThrow(/AUTH_JWT_SECRET.*AUTH_JWKS_URL/);
    },
  );
});
