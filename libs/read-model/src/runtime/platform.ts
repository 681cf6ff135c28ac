import { createLogger, openDatabase, type Logger, type ParConfig } from '@par-index/config';
import type { EventStore } from '@par-index/eventstore';
import type { DataSource } from 'typeorm';
import { createProjector } from '../projections';
import { openPlatformStorage } from './platform-storage';
import type { ProjectorRunner } from './projector-runner';
import { scheduleAnchors } from './tamper-evidence';

export interface Platform {
  config: ParConfig;
  logger: Logger;
  /** the writer role when this process serves the API; the projector role otherwise */
  eventStore: EventStore;
  /** the reader role when this process serves the API; the projector role otherwise */
  readModel: DataSource;
  /** the in-process projector (leader or hot standby), when this process runs one; always the projector role */
  projector: ProjectorRunner | undefined;
  /** the login URL behind `readModel` (leases, per-version connections of ops commands) */
  databaseUrl: string;
  /** the owner (migrations): ops commands open it only for a version's DDL and the switch */
  ownerDatabaseUrl: string;
  embeddedDatabase: boolean;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  runProjector: boolean;
  /** false for the projector's own process and its ops commands. Default true. */
  serveApi?: boolean;
  /** where logs go; ops commands print their result on stdout and log to stderr. Default stdout. */
  logTo?: 'stdout' | 'stderr';
}

/**
 * Storage and projections, one code path for both ways to run: embedded PostgreSQL (+ the
 * PostgreSQL event store) by default, DATABASE_URL / EVENTSTORE_URL in production. Connections
 * are least-privileged roles (see platform-storage.ts).
 */
export async function startPlatform(config: ParConfig, options: PlatformOptions): Promise<Platform> {
  const logger = createLogger('par-index', config.logLevel, options.logTo);
  const database = await openDatabase(config, (message) => logger.debug({ source: 'postgres' }, message.trim()));
  const serveApi = options.serveApi ?? true;
  const storage = await openPlatformStorage(config, database, logger, { api: serveApi, projector: options.runProjector || !serveApi });
  const primary = (serveApi ? storage.api : storage.projector)!;
  const projector = options.runProjector
    ? createProjector({
        databaseUrl: database.roleUrls.projector,
        store: storage.projector!.eventStore,
        control: storage.projector!.readModel,
        logger,
      })
    : undefined;
  await projector?.start();
  const anchors = scheduleAnchors(primary.eventStore, config.anchorIntervalSeconds, logger, !database.embedded);
  logger.info(
    { eventStore: config.eventStoreUrl ? 'eventstoredb' : 'postgres', projector: projector ? 'in-process' : 'external' },
    'platform started',
  );
  return {
    config,
    logger,
    eventStore: primary.eventStore,
    readModel: primary.readModel,
    projector,
    databaseUrl: serveApi ? database.roleUrls.reader : database.roleUrls.projector,
    ownerDatabaseUrl: database.url,
    embeddedDatabase: database.embedded,
    async stop() {
      await projector?.stop();
      await anchors.stop();
      await storage.close();
      await database.stop();
    },
  };
}
