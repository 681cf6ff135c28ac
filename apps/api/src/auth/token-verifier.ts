import type { TokenKey } from '@par-index/config';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { UnauthenticatedError } from '../errors/application-errors';
import { identityFromClaims, InvalidClaimsError, type Identity } from './identity';

export type VerifyToken = (token: string) => Promise<Identity>;

/** Asymmetric algorithms accepted from an identity provider's JWKS (never HS* or none). */
const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** Verifies signature, algorithm, expiry and (when configured) issuer and audience; any failure is UNAUTHENTICATED. */
export function createTokenVerifier(key: TokenKey): VerifyToken {
  const keySource: Uint8Array | JWTVerifyGetKey = key.kind === 'secret' ? key.secret : createRemoteJWKSet(new URL(key.jwksUrl));
  const options = {
    algorithms: key.kind === 'secret' ? ['HS256'] : JWKS_ALGORITHMS,
    issuer: key.issuer,
    audience: key.audience,
    requiredClaims: ['sub', 'exp'],
  };
  return async (token) => {
    let claims: Record<string, unknown>;
    try {
      // jwtVerify is overloaded on the key's type; both branches run the same checks
      claims = (typeof keySource === 'function' ? await jwtVerify(token, keySource, options) : await jwtVerify(token, keySource, options))
        .payload;
    } catch (error) {
      throw new UnauthenticatedError(`The bearer token was refused: ${describe(error)}`);
    }
    try {
      return identityFromClaims(claims);
    } catch (error) {
      if (error instanceof InvalidClaimsError) throw new UnauthenticatedError(`The bearer token was refused: ${error.message}`);
      throw error;
    }
  };
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'it has expired';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'its signing algorithm is not accepted';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'its signature does not verify';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return `claim check failed (${(error as { claim?: string }).claim ?? 'unknown claim'})`;
    default:
      return 'it is malformed or cannot be verified';
  }
}
