import type { EventStore } from '@par-index/eventstore';
import type { DataSource } from 'typeorm';
import { openReadModelVersion } from '../data-source';
import { createProjectionDaemon, READ_MODEL_PROJECTION_NAMES } from '../projections';
import { ProjectionLease } from '../runtime/lease';
import type { DaemonLogger, ProjectionDaemon } from '../runtime/projection-daemon';

/** What an ops command (rebuild, switch, rollback) needs to write a read-model version. */
export interface OpsContext {
  store: EventStore;
  /** a connection to the control tables and the API's views (public) */
  control: DataSource;
  databaseUrl: string;
  /** this process's instance id, shown as the lease holder */
  holder: string;
  logger?: DaemonLogger;
  onBatch?: (version: number, lastPosition: bigint, events: number) => void;
}

export class VersionBusyError extends Error {
  override readonly name = 'VersionBusyError';
}

/** A version's single writer for the length of an ops command: its lease, connection and daemon. */
export interface VersionWriter {
  version: number;
  daemon: ProjectionDaemon;
  close(): Promise<void>;
}

export async function writeVersion(ctx: OpsContext, version: number): Promise<VersionWriter> {
  const lease = new ProjectionLease(ctx.databaseUrl, version, READ_MODEL_PROJECTION_NAMES);
  if (!(await lease.tryAcquire())) {
    await lease.release();
    throw new VersionBusyError(`read-model version ${version} is being written by another instance (a live projector or another rebuild)`);
  }
  const dataSource = await openReadModelVersion(ctx.databaseUrl, version, { poolSize: 3 });
  const daemon = createProjectionDaemon(ctx.store, dataSource, {
    version,
    holder: ctx.holder,
    mode: 'rebuilding',
    logger: ctx.logger,
    catchUpBatchSize: 10_000,
    onBatch: (lastPosition, events) => ctx.onBatch?.(version, lastPosition, events),
  });
  return {
    version,
    daemon,
    async close() {
      await daemon.stop();
      await dataSource.destroy();
      await lease.release();
    },
  };
}
