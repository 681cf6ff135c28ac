import { createLogger, openDatabase, type Logger, type ParConfig } from '@par-index/config';
import { createEventStore, type EventStore } from '@par-index/eventstore';
import { openReadModel } from '../data-source';
import { createProjectionDaemon } from '../projections';
import type { ProjectionDaemon } from './projection-daemon';
import type { DataSource } from 'typeorm';

export interface Platform {
  config: ParConfig;
  logger: Logger;
  eventStore: EventStore;
  readModel: DataSource;
  /** the in-process projector, when this process runs one */
  daemon: ProjectionDaemon | undefined;
  embeddedDatabase: boolean;
  stop(): Promise<void>;
}

/**
 * Storage and projections, one code path for both ways to run: embedded PostgreSQL (+ the
 * PostgreSQL event store) by default, DATABASE_URL / EVENTSTORE_URL in production.
 */
export async function startPlatform(config: ParConfig, options: { runProjector: boolean }): Promise<Platform> {
  const logger = createLogger('par-index', config.logLevel);
  const database = await openDatabase(config, (message) => logger.debug({ source: 'postgres' }, message.trim()));
  const eventStore = await createEventStore({ eventStoreUrl: config.eventStoreUrl, databaseUrl: database.url });
  const readModel = await openReadModel(database.url);
  const daemon = options.runProjector ? createProjectionDaemon(eventStore, readModel, logger) : undefined;
  await daemon?.start();
  logger.info(
    { eventStore: config.eventStoreUrl ? 'eventstoredb' : 'postgres', projector: daemon ? 'in-process' : 'external' },
    'platform started',
  );
  return {
    config,
    logger,
    eventStore,
    readModel,
    daemon,
    embeddedDatabase: database.embedded,
    async stop() {
      await daemon?.stop();
      await eventStore.close();
      await readModel.destroy();
      await database.stop();
    },
  };
}
