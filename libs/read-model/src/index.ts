export * from './entities';
export { openReadModel } from './data-source';
export * from './runtime/projection';
export { applyBatch, type DerivedReadModel, type BatchResult } from './runtime/apply-batch';
export { ProjectionDaemon, toProjectedEvent, type DaemonStatus, type DaemonOptions, type DaemonLogger } from './runtime/projection-daemon';
export { readCheckpoints, NO_POSITION } from './runtime/checkpoints';
export { waitForCheckpoints } from './runtime/wait-for-checkpoints';
export * from './projections';
export { startPlatform, type Platform } from './runtime/platform';
