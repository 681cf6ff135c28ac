import { createLogger, openDatabase, type Logger, type ParConfig } from '@par-index/config';
import type { EventStore } from '@par-index/eventstore';
import type { DataSource } from 'typeorm';
import { createProjectionDaemon } from '../projections';
import { openPlatformStorage } from './platform-storage';
import { scheduleAnchors } from './tamper-evidence';
import type { ProjectionDaemon } from './projection-daemon';

export interface Platform {
  config: ParConfig;
  logger: Logger;
  /** the writer role when this process serves the API; the projector role otherwise */
  eventStore: EventStore;
  /** the reader role when this process serves the API; the projector role otherwise */
  readModel: DataSource;
  /** the in-process projector, when this process runs one (always as the projector role) */
  daemon: ProjectionDaemon | undefined;
  embeddedDatabase: boolean;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  runProjector: boolean;
  /** false for the projector's own process and its ops commands. Default true. */
  serveApi?: boolean;
}

/**
 * Storage and projections, one code path for both ways to run: embedded PostgreSQL (+ the
 * PostgreSQL event store) by default, DATABASE_URL / EVENTSTORE_URL in production. Connections
 * are least-privileged roles (see platform-storage.ts).
 */
export async function startPlatform(config: ParConfig, options: PlatformOptions): Promise<Platform> {
  const logger = createLogger('par-index', config.logLevel);
  const database = await openDatabase(config, (message) => logger.debug({ source: 'postgres' }, message.trim()));
  const serveApi = options.serveApi ?? true;
  const needsProjectorRole = options.runProjector || !serveApi;
  const storage = await openPlatformStorage(config, database, logger, { api: serveApi, projector: needsProjectorRole });
  const primary = (serveApi ? storage.api : storage.projector)!;
  const daemon = options.runProjector
    ? createProjectionDaemon(storage.projector!.eventStore, storage.projector!.readModel, logger)
    : undefined;
  await daemon?.start();
  const anchors = scheduleAnchors(primary.eventStore, config.anchorIntervalSeconds, logger);
  logger.info(
    { eventStore: config.eventStoreUrl ? 'eventstoredb' : 'postgres', projector: daemon ? 'in-process' : 'external' },
    'platform started',
  );
  return {
    config,
    logger,
    eventStore: primary.eventStore,
    readModel: primary.readModel,
    daemon,
    embeddedDatabase: database.embedded,
    async stop() {
      await daemon?.stop();
      await anchors.stop();
      await storage.close();
      await database.stop();
    },
  };
}
