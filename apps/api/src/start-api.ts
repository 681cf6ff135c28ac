import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { answerClientErrorsAsGraphQL, bodyParserErrorMiddleware, JSON_BODY_LIMIT } from './errors/http-layer-errors';
import { responseCacheOf } from './graphql/response-cache';
import { responseCacheMiddleware } from './graphql/response-cache.middleware';
import { GRAPHIQL_ASSETS_DIR, GRAPHIQL_ASSETS_PATH } from './graphiql/offline-graphiql.plugin';
import type { Infrastructure } from './infrastructure/infrastructure';

export interface RunningApi {
  url: string;
  /** the command handlers, for in-process callers (the demo loader) */
  commandBus: CommandBus;
  close(): Promise<void>;
}

export async function startApi(infrastructure: Infrastructure): Promise<RunningApi> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(infrastructure), {
    logger: ['error', 'warn'],
    // Registered by hand so the error middleware sits right behind it (GraphQL-shaped 400/413).
    bodyParser: false,
  });
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.use(bodyParserErrorMiddleware);
  app.use('/graphql', responseCacheMiddleware(responseCacheOf(infrastructure), infrastructure.verifyToken));
  // an ETag is a hash of every answer, and no client revalidates a POST
  app.set('etag', false);
  answerClientErrorsAsGraphQL(app.getHttpServer());
  app.enableShutdownHooks();
  app.useStaticAssets(GRAPHIQL_ASSETS_DIR, { prefix: GRAPHIQL_ASSETS_PATH, index: false });
  await app.listen(infrastructure.config.apiPort, infrastructure.config.apiHost);
  const address = app.getHttpServer().address() as { port: number };
  return {
    url: `http://${infrastructure.config.apiHost}:${address.port}/graphql`,
    commandBus: app.get(CommandBus),
    close: () => app.close(),
  };
}
