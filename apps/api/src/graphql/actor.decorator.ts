import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ACTOR_ROLES, type ActorRole } from '@par-index/domain';
import { UnauthenticatedError } from '../errors/application-errors';

export interface RequestActor {
  actorId: string;
  actorRole: ActorRole;
  correlationId?: string;
  idempotencyKey?: string;
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/**
 * The acting user, from request headers (an identity provider would sit in front in production):
 * x-actor-id, x-actor-role, and optionally x-correlation-id and idempotency-key.
 */
export const Actor = createParamDecorator((_: unknown, context: ExecutionContext): RequestActor => {
  const request = GqlExecutionContext.create(context).getContext<{ req: { headers: Record<string, string> } }>().req;
  const actorId = header(request.headers, 'x-actor-id');
  const actorRole = header(request.headers, 'x-actor-role');
  if (!actorId || !actorRole) {
    throw new UnauthenticatedError('Commands need the x-actor-id and x-actor-role headers');
  }
  if (!(ACTOR_ROLES as readonly string[]).includes(actorRole)) {
    throw new UnauthenticatedError(`x-actor-role must be one of: ${ACTOR_ROLES.join(', ')}`);
  }
  return {
    actorId,
    actorRole: actorRole as ActorRole,
    correlationId: header(request.headers, 'x-correlation-id'),
    idempotencyKey: header(request.headers, 'idempotency-key'),
  };
});
