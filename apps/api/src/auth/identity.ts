import { ACTOR_ROLES, type ActorRole } from '@par-index/domain';

/** A caller whose bearer token verified: the subject, its roles and (unit officers) its units. */
export interface Identity {
  sub: string;
  roles: readonly ActorRole[];
  units: readonly string[];
}

/** The request's caller: an Identity, or null for an anonymous request (no Authorization header). */
export type Caller = Identity | null;

export class InvalidClaimsError extends Error {
  override readonly name = 'InvalidClaimsError';
}

const stringList = (value: unknown, claim: string): string[] => {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item.length > 0)) {
    throw new InvalidClaimsError(`the token's "${claim}" claim must be a list of strings`);
  }
  return value as string[];
};

/** The domain's actor-id rule (libs/domain guards): refused at the door rather than at the first command. */
const SUBJECT = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;

/** Roles the API does not know are ignored (an identity provider may carry others); none known → refused. */
export function identityFromClaims(claims: Record<string, unknown>): Identity {
  const sub = claims.sub;
  if (typeof sub !== 'string' || !SUBJECT.test(sub)) {
    throw new InvalidClaimsError('the token\'s "sub" must be an id of up to 200 letters, digits, "_", ".", ":" or "-"');
  }
  const roles = stringList(claims.roles, 'roles').filter((role): role is ActorRole => (ACTOR_ROLES as readonly string[]).includes(role));
  if (roles.length === 0) throw new InvalidClaimsError(`the token carries none of the roles ${ACTOR_ROLES.join(', ')}`);
  return { sub, roles: [...new Set(roles)], units: stringList(claims.units, 'units') };
}
