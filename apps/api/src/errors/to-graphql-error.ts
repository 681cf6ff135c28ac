import { DomainError } from '@par-index/domain';
import { GraphQLError } from 'graphql';
import {
  BadUserInputError,
  ConcurrencyConflictError,
  IdempotencyKeyReusedError,
  NotFoundError,
  UnauthenticatedError,
} from './application-errors';

interface BadRequestLike extends Error {
  getStatus(): number;
  getResponse(): { message?: string | string[] };
}

// Duck-typed (Nest's HttpException with status 400, e.g. from ValidationPipe) so this module stays
// free of Nest, which is ESM-only and cannot be loaded by jest's CommonJS runtime.
function isBadRequest(error: unknown): error is BadRequestLike {
  const candidate = error as Partial<BadRequestLike> | null;
  return typeof candidate?.getStatus === 'function' && typeof candidate.getResponse === 'function' && candidate.getStatus() === 400;
}

/** No identity, or a token that did not verify: HTTP 401 under GraphQL-over-HTTP. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      category: 'unauthenticated',
      http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) },
    },
  });
}

/**
 * Every failure leaves the API as a GraphQLError with a stable `extensions.code` (the domain's own
 * code for broken rules) and a `category` a client can switch on.
 */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof DomainError) {
    return new GraphQLError(error.message, {
      extensions: { code: error.code, category: error.kind, details: error.details ?? null },
    });
  }
  if (error instanceof ConcurrencyConflictError) {
    return new GraphQLError(error.message, {
      extensions: {
        code: 'CONCURRENCY_CONFLICT',
        category: 'conflict',
        details: {
          streamName: error.streamName,
          expectedRevision: error.expectedRevision.toString(),
          actualRevision: error.actualRevision.toString(),
        },
      },
    });
  }
  if (error instanceof BadUserInputError) {
    return new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', category: 'invalid', details: error.details ?? null } });
  }
  if (error instanceof IdempotencyKeyReusedError) {
    return new GraphQLError(error.message, {
      extensions: {
        code: 'IDEMPOTENCY_KEY_REUSED',
        category: 'conflict',
        details: { streamName: error.streamName, idempotencyKey: error.idempotencyKey },
      },
    });
  }
  if (isBadRequest(error)) {
    const response = error.getResponse();
    const problems = Array.isArray(response.message) ? response.message : [response.message ?? error.message];
    return new GraphQLError(`Invalid input: ${problems.join('; ')}`, {
      extensions: { code: 'BAD_USER_INPUT', category: 'invalid', details: { problems } },
    });
  }
  if (error instanceof UnauthenticatedError) {
    return unauthenticated(error.message);
  }
  if (error instanceof NotFoundError) {
    return new GraphQLError(error.message, { extensions: { code: 'NOT_FOUND', category: 'not_found' } });
  }
  return new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR', category: 'internal' } });
}
