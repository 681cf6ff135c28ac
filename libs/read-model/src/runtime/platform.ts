import { createLogger, openDatabase, type Logger, type ParConfig } from '@par-index/config';
import { createEventStore, type EventStore } from '@par-index/eventstore';
import { openReadModel } from '../data-source';
import { createProjector } from '../projections';
import type { ProjectorRunner } from './projector-runner';
import type { DataSource } from 'typeorm';

export interface Platform {
  config: ParConfig;
  logger: Logger;
  eventStore: EventStore;
  readModel: DataSource;
  /** the in-process projector (leader or hot standby), when this process runs one */
  projector: ProjectorRunner | undefined;
  databaseUrl: string;
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
  const projector = options.runProjector ? createProjector({ databaseUrl: database.url, store: eventStore, control: readModel, logger }) : undefined;
  await projector?.start();
  logger.info(
    { eventStore: config.eventStoreUrl ? 'eventstoredb' : 'postgres', projector: projector ? 'in-process' : 'external' },
    'platform started',
  );
  return {
    config,
    logger,
    eventStore,
    readModel,
    projector,
    databaseUrl: database.url,
    embeddedDatabase: database.embedded,
    async stop() {
      await projector?.stop();
      await eventStore.close();
      await readModel.destroy();
      await database.stop();
    },
  };
}
