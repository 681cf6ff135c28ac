import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, ValidationPipe, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { GraphQLExceptionFilter } from './errors/graphql-exception.filter';
import { complexityLimitPlugin } from './graphql/complexity-limit.plugin';
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
        GraphQLModule.forRoot<ApolloDriverConfig>({
            driver: ApolloDriver,
            autoSchemaFile: true,
            includeStacktraceInErrorResponses: false,
            sortSchema: true,
            path: '/graphql',
            context: ({ req }: { req: unknown }) => ({ req }),
            // The cast bridges @apollo/server's CJS and ESM typings of the same plugin interface.
            // Nest's own GraphiQL page loads from a CDN: off, and ours serves the IDE from our files.
            graphiql: false,
            plugins: [
              complexityLimitPlugin(() => schemaHolder.schema, infrastructure.config.graphqlMaxComplexity) as never,
              offlineGraphiqlPlugin() as never,
            ],
            transformSchema: (schema) => {
              schemaHolder.schema = schema;
              return schema;
            },
        }),
      ],
      providers: [
        { provide: INFRASTRUCTURE, useValue: infrastructure },
        { provide: APP_FILTER, useClass: GraphQLExceptionFilter },
        { provide: APP_PIPE, useValue: new ValidationPipe({ whitelist: true, forbidUnknownValues: false }) },
        ...COMMAND_SLICES,
        ...QUERY_SLICES,
      ],
    };
  }
}

const schemaHolder: { schema: import('graphql').GraphQLSchema | undefined } = { schema: undefined };
