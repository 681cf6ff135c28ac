import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { Module, ValidationPipe, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health/health.controller';
import { AccessGuard } from './auth/access.guard';
import { authenticateRequest } from './auth/authenticate';
import { formatGraphQLError } from './errors/format-error';
import { GraphQLExceptionFilter } from './errors/graphql-exception.filter';
import { httpStatusPlugin } from './errors/http-status.plugin';
import { toGraphQLError } from './errors/to-graphql-error';
import { complexityLimitPlugin } from './graphql/complexity-limit.plugin';
import { introspectionPolicyPlugin } from './graphql/introspection-policy.plugin';
import { responseCacheOf } from './graphql/response-cache';
import { responseCachePlugin } from './graphql/response-cache.plugin';
import { unstorableTextPlugin } from './graphql/unstorable-text.plugin';
import { offlineGraphiqlPlugin } from './graphiql/offline-graphiql.plugin';
import { INFRASTRUCTURE, type Infrastructure } from './infrastructure/infrastructure';
import { COMMAND_SLICES } from './commands/command-slices';
import { QUERY_SLICES } from './queries/query-slices';

@Module({})
export class AppModule {
  static register(infrastructure: Infrastructure): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        TerminusModule.forRoot({ logger: false }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          includeStacktraceInErrorResponses: false,
          sortSchema: true,
          // served in production too; GRAPHQL_INTROSPECTION decides whether anonymous callers may use it
          introspection: true,
          path: '/graphql',
          // keep the status an error asks for (extensions.http: 401 unauthenticated, 403 forbidden)
          preserveHttpStatusForExecutionErrors: false,
          // a bad token refuses the whole request (HTTP 401); no token is an anonymous caller
          context: async ({ req }: { req: { headers: Record<string, string | string[] | undefined> } }) => {
            try {
              return { req, caller: await authenticateRequest(req, infrastructure.verifyToken) };
            } catch (error) {
              throw toGraphQLError(error);
            }
          },
          formatError: formatGraphQLError,
          // Nest's own GraphiQL page loads from a CDN: off, and ours serves the IDE from our files.
          graphiql: false,
          // The casts bridge @apollo/server's CJS and ESM typings of the same plugin interface.
          plugins: [
            unstorableTextPlugin() as never,
            // no cache hints are served, and the default cache-control plugin wraps every field resolver
            ApolloServerPluginCacheControlDisabled() as never,
            introspectionPolicyPlugin(infrastructure.config.graphqlIntrospection) as never,
            complexityLimitPlugin(() => schemaHolder.schema, infrastructure.config.graphqlMaxComplexity) as never,
            // statuses follow the errors (errors/http-status.ts), execution errors included
            httpStatusPlugin() as never,
            // looked up before Apollo by start-api's middleware; stored here
            responseCachePlugin(responseCacheOf(infrastructure)) as never,
            offlineGraphiqlPlugin() as never,
          ],
          transformSchema: (schema) => {
            schemaHolder.schema = schema;
            return schema;
          },
        }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: INFRASTRUCTURE, useValue: infrastructure },
        { provide: APP_FILTER, useClass: GraphQLExceptionFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_PIPE, useValue: new ValidationPipe({ whitelist: true, forbidUnknownValues: false }) },
        ...COMMAND_SLICES,
        ...QUERY_SLICES,
      ],
    };
  }
}

const schemaHolder: { schema: import('graphql').GraphQLSchema | undefined } = { schema: undefined };
