import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, type ParConfig } from './config';

/** Where bearer tokens are checked against: a shared HS256 secret or an identity provider's JWKS. */
export type TokenKey =
  | { kind: 'secret'; secret: Uint8Array; source: 'AUTH_JWT_SECRET' | 'embedded'; issuer?: string; audience?: string }
  | { kind: 'jwks'; jwksUrl: string; issuer: string; audience: string };

export function embeddedSecretPath(dataDir: string): string {
  return path.join(dataDir, 'auth', 'jwt-secret');
}

/**
 * The signing key the API verifies tokens with. Embedded mode generates a random secret under the
 * data folder on first use (mode 0600); production without AUTH_JWT_SECRET or AUTH_JWKS_URL refuses.
 */
export function resolveTokenKey(config: ParConfig): TokenKey {
  const { jwtSecret, jwksUrl, issuer, audience } = config.auth;
  if (jwksUrl) return { kind: 'jwks', jwksUrl, issuer: issuer!, audience: audience! };
  if (jwtSecret) return { kind: 'secret', secret: new TextEncoder().encode(jwtSecret), source: 'AUTH_JWT_SECRET', issuer, audience };
  if (config.production) {
    throw new ConfigError(
      'No way to verify identities: set AUTH_JWT_SECRET (an HS256 secret of at least 32 characters) or ' +
        'AUTH_JWKS_URL with AUTH_ISSUER and AUTH_AUDIENCE (your identity provider). ' +
        'Only the embedded mode (no DATABASE_URL, NODE_ENV not production) generates a local secret.',
    );
  }
  return {
    kind: 'secret',
    secret: new TextEncoder().encode(readOrCreateEmbeddedSecret(config.dataDir)),
    source: 'embedded',
    issuer,
    audience,
  };
}

function readOrCreateEmbeddedSecret(dataDir: string): string {
  const file = embeddedSecretPath(dataDir);
  // the data folder keeps its usual mode (the embedded PostgreSQL user may need to enter it); auth/ is private
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // 'wx': a concurrent first start (API and `npm run token`) cannot overwrite the other's secret
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  chmodSync(file, 0o600);
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new ConfigError(`${file} holds no usable secret (under 32 characters): delete it to generate a new one`);
  return secret;
}
