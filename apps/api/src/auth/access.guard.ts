import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError } from '@par-index/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { UnauthenticatedError } from '../errors/application-errors';
import { OPERATION_ACCESS } from './access-policy';
import type { Caller } from './identity';

export interface AuthContext {
  req: { headers: Record<string, string | string[] | undefined> };
  caller: Caller;
}

/** Enforces OPERATION_ACCESS on every Query and Mutation field before its resolver runs. */
@Injectable()
export class AccessGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const parent = info.parentType.name;
    if (parent !== 'Query' && parent !== 'Mutation') return true;
    const access = Object.hasOwn(OPERATION_ACCESS, info.fieldName) ? OPERATION_ACCESS[info.fieldName] : undefined;
    const { caller } = gql.getContext<AuthContext>();
    if (caller === null) {
      if (access?.anonymous) return true;
      throw new UnauthenticatedError(`${info.fieldName} needs a bearer token (Authorization: Bearer <token>)`);
    }
    const allowed = access?.roles ?? [];
    if (!caller.roles.some((role) => allowed.includes(role))) {
      throw new DomainError('FORBIDDEN_FOR_ROLE', `${caller.roles.join(', ')} may not run ${info.fieldName}`, {
        operation: info.fieldName,
        actorRoles: [...caller.roles],
        allowedRoles: [...allowed],
      });
    }
    return true;
  }
}
