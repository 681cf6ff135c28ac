import { createHmac, createSign, randomBytes, type KeyObject } from 'node:crypto';

/** Test actors: a role string (sub `e2e-<role>`, a unit_officer then has no units) or an explicit identity. */
export type TestActor = string | { role: string | string[]; units?: string[]; sub?: string };

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export function newTestSecret(): string {
  return randomBytes(32).toString('hex');
}

/** A compact JWT signed with HS256, built here because jest's CommonJS runtime cannot load jose. */
export function signHs256(
  claims: Record<string, unknown>,
  secret: string,
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' },
): string {
  const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

export function claimsFor(actor: TestActor, lifetimeSeconds = 3600): Record<string, unknown> {
  const { role, units, sub } = typeof actor === 'string' ? { role: actor, units: undefined, sub: undefined } : actor;
  const roles = Array.isArray(role) ? role : [role];
  const now = Math.floor(Date.now() / 1000);
  return { sub: sub ?? `e2e-${roles[0]}`, roles, units: units ?? [], iat: now, exp: now + lifetimeSeconds };
}

/** An unsigned token (`alg: none`): must always be refused. */
export function unsignedToken(claims: Record<string, unknown>): string {
  return `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}.`;
}

/** A compact JWT signed with RS256 (an identity provider's kind of token). */
export function signRs256(claims: Record<string, unknown>, privateKey: KeyObject, kid: string): string {
  const unsigned = `${base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }))}.${base64url(JSON.stringify(claims))}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url')}`;
}
