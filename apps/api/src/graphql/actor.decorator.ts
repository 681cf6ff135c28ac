import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { ActorRole } from '@par-index/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { effectiveRole, OPERATION_ACCESS } from '../auth/access-policy';
import type { AuthContext } from '../auth/access.guard';
import { UnauthenticatedError } from '../errors/application-errors';

export interface RequestActor {
  actorId: string;
  actorRole: ActorRole;
  /** the units the actor acts for: a unit officer's token units, '*' for the other roles */
  unitIds: readonly string[] | '*';
  correlationId?: string;
  idempotencyKey?: string;
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/**
 * The acting user of a command, from the verified bearer token only: the subject is the actor id,
 * the role is the first token role the mutation allows. Optional x-correlation-id and idempotency-key.
 */
export const Actor = createParamDecorator((_: unknown, context: ExecutionContext): RequestActor => {
  const gql = GqlExecutionContext.create(context);
  const { req, caller } = gql.getContext<AuthContext>();
  if (caller === null) throw new UnauthenticatedError('Commands need a bearer token (Authorization: Bearer <token>)');
  const fieldName = gql.getInfo<GraphQLResolveInfo>().fieldName;
  const allowed = Object.hasOwn(OPERATION_ACCESS, fieldName) ? OPERATION_ACCESS[fieldName]!.roles : [];
  const actorRole = effectiveRole(caller.roles, allowed);
  return {
    actorId: caller.sub,
    actorRole,
    unitIds: actorRole === 'unit_officer' ? caller.units : '*',
    correlationId: header(req.headers, 'x-correlation-id'),
    idempotencyKey: header(req.headers, 'idempotency-key'),
  };
});
