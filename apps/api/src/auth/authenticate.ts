import { UnauthenticatedError } from '../errors/application-errors';
import type { Caller } from './identity';
import type { VerifyToken } from './token-verifier';

type Headers = Record<string, string | string[] | undefined>;

/**
 * The caller of one HTTP request: anonymous without an Authorization header, the token's identity
 * with a valid `Bearer` token, refused (UNAUTHENTICATED) with anything else. x-actor-* headers mean nothing.
 */
export async function authenticate(headers: Headers, verifyToken: VerifyToken): Promise<Caller> {
  const raw = headers.authorization;
  if (raw === undefined) return null;
  const value = Array.isArray(raw) ? raw.join(',') : raw;
  const match = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/i.exec(value.trim());
  if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
  return verifyToken(match[1]!);
}

const callers = new WeakMap<object, Promise<Caller>>();

/** The caller of an HTTP request, verified once however many layers ask (the response cache, then GraphQL's context). */
export function authenticateRequest(request: { headers: Headers }, verifyToken: VerifyToken): Promise<Caller> {
  let caller = callers.get(request);
  if (caller === undefined) {
    caller = authenticate(request.headers, verifyToken);
    callers.set(request, caller);
  }
  return caller;
}
