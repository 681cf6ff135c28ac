import 'reflect-metadata';
import './graphql/graphql-production-mode';
import { ConfigError, isPortFree, loadConfig, resolveTokenKey } from '@par-index/config';
import { READ_MODEL_PROJECTION_NAMES, startPlatform } from '@par-index/read-model';
import { createTokenVerifier } from './auth/token-verifier';
import { demoWelcome } from './demo/demo-queries';
import { loadDemoIfFirstStart } from './demo/load-demo';
import { startApi } from './start-api';

/** `npm start`: the embedded default (or production settings from the environment). */
async function main(): Promise<void> {
  const config = loadConfig();
  // before anything starts: production without a secret or JWKS refuses here
  const verifyToken = createTokenVerifier(resolveTokenKey(config));
  if (!(await isPortFree(config.apiPort, config.apiHost))) {
    throw new ConfigError(
      `Port ${config.apiPort} on ${config.apiHost} is already in use: is par-index already running? ` +
        'Stop it first, or set API_PORT to another port.',
    );
  }
  const platform = await startPlatform(config, { runProjector: config.runProjector });
  const { logger, eventStore, readModel } = platform;
  const api = await startApi({ config, logger, eventStore, readModel, projectionNames: READ_MODEL_PROJECTION_NAMES, verifyToken });
  const demo = await loadDemoIfFirstStart(
    {
      config,
      embeddedDatabase: platform.embeddedDatabase,
      eventStore,
      readModel,
      projectionNames: READ_MODEL_PROJECTION_NAMES,
      commandBus: api.commandBus,
      logger,
      projector: platform.projector?.daemon,
    },
    (line) => process.stdout.write(`\n${line}\n`),
  );
  logger.info({ url: api.url, embeddedDatabase: platform.embeddedDatabase, demo }, 'par-index is up');
  process.stdout.write(`\npar-index GraphQL API: ${api.url}\n\n${demo.loaded ? demoWelcome(api.url) : ''}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await api.close();
    await platform.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`\npar-index cannot start: ${error.message}\n\n`);
  } else {
    process.stderr.write(`\npar-index failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
