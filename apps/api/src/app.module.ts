import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, ValidationPipe, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health/health.controller';
import { GraphQLExceptionFilter } from './errors/graphql-exception.filter';
import { complexityLimitPlugin } from './graphql/complexity-limit.plugin';
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
            path: '/graphql',
            context: ({ req }: { req: unknown }) => ({ req }),
            // The cast bridges @apollo/server's CJS and ESM typings of the same plugin interface.
            plugins: [complexityLimitPlugin(() => schemaHolder.schema, infrastructure.config.graphqlMaxComplexity) as never],
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
        { provide: APP_PIPE, useValue: new ValidationPipe({ whitelist: true, forbidUnknownValues: false }) },
        ...COMMAND_SLICES,
        ...QUERY_SLICES,
      ],
    };
  }
}

const schemaHolder: { schema: import('graphql').GraphQLSchema | undefined } = { schema: undefined };
