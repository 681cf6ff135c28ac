import { Catch, Inject, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { INFRASTRUCTURE, type Infrastructure } from '../infrastructure/infrastructure';
import { toGraphQLError } from './to-graphql-error';

@Catch()
export class GraphQLExceptionFilter implements GqlExceptionFilter {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  catch(exception: unknown, _host: ArgumentsHost) {
    const error = toGraphQLError(exception);
    if (error.extensions.code === 'INTERNAL_SERVER_ERROR') {
      this.infrastructure.logger.error({ err: exception }, 'unhandled error in a GraphQL operation');
    }
    return error;
  }
}
