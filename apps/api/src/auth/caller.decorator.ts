import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AuthContext } from './access.guard';
import type { Caller } from './identity';

/** The verified caller of the request (null: anonymous); the AccessGuard has already let it through. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  return GqlExecutionContext.create(context).getContext<AuthContext>().caller;
});
