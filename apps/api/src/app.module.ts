import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, ValidationPipe, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { formatGraphQLError } from './errors/format-error';
import { GraphQLExceptionFilter } from './errors/graphql-exception.filter';
import { httpStatusPlugin } from './errors/http-status.plugin';
import { complexityLimitPlugin } from './graphql/complexity-limit.plugin';
import { unstorableTextPlugin } from './graphql/unstorable-text.plugin';
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
            formatError: formatGraphQLError,
            // Statuses follow the errors (errors/http-status.ts), execution errors included.
            preserveHttpStatusForExecutionErrors: false,
            // The casts bridge @apollo/server's CJS and ESM typings of the same plugin interface.
            plugins: [
              unstorableTextPlugin() as never,
              complexityLimitPlugin(() => schemaHolder.schema, infrastructure.config.graphqlMaxComplexity) as never,
              httpStatusPlugin() as never,
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
