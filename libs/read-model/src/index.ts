export * from './entities';
export { openReadModel, openReadModelVersion } from './data-source';
export * from './runtime/projection';
export { applyBatch, ProjectionApplyError, type DerivedReadModel, type BatchResult } from './runtime/apply-batch';
export {
  ProjectionDaemon,
  ProjectionFailedError,
  toProjectedEvent,
  type DaemonOptions,
  type DaemonLogger,
} from './runtime/projection-daemon';
export { ProjectorRunner, type ProjectorRunnerOptions } from './runtime/projector-runner';
export { ProjectionLease, isVersionLeased, newInstanceId } from './runtime/lease';
export { readCheckpoints, NO_POSITION, CheckpointConflictError } from './runtime/checkpoints';
export { waitForCheckpoints, type ProjectionWait } from './runtime/wait-for-checkpoints';
export { measureLag, type Lag } from './runtime/lag';
export * from './runtime/projection-state';
export * from './versions/version-schema';
export * from './projections';
export * from './versions/blue-green';
export * from './versions/version-diff';
export { writeVersion, VersionBusyError, type OpsContext, type VersionWriter } from './versions/version-writer';
export { startPlatform, type Platform, type PlatformOptions } from './runtime/platform';
export { STORE_ROLES } from './runtime/platform-storage';
export { anchorHeadNow } from './runtime/tamper-evidence';
