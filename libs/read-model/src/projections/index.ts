import type { EventStore } from '@par-index/eventstore';
import type { DataSource } from 'typeorm';
import type { DerivedReadModel } from '../runtime/apply-batch';
import type { AnyProjection } from '../runtime/projection';
import { ProjectionDaemon, type DaemonOptions } from '../runtime/projection-daemon';
import { ProjectorRunner, type ProjectorRunnerOptions } from '../runtime/projector-runner';
import { assessmentsProjection } from './assessments/assessments.projection';
import { criteriaSetsProjection } from './criteria-sets/criteria-sets.projection';
import { scorecardsReadModel } from './scorecards/scorecards.read-model';
import { auditTimelineReadModel } from './audit-timeline/audit-timeline.read-model';
import { unitsProjection } from './units/units.projection';

export { assessmentsProjection, assessmentKeyOf, evolveAssessment } from './assessments/assessments.projection';
export { criteriaSetsProjection, evolveCriteriaSet } from './criteria-sets/criteria-sets.projection';
export { unitsProjection, evolveUnit } from './units/units.projection';
export { scorecardsReadModel } from './scorecards/scorecards.read-model';
export { scoreGroup } from './scorecards/score-group';
export { foldReadModelAsOf, assessmentAsOf, groupScorecardsAsOf, type ReadModelAsOf } from './time-travel/read-model-as-of';
export { auditTimelineReadModel } from './audit-timeline/audit-timeline.read-model';
export { auditEntryOf, type PreviousValue } from './audit-timeline/audit-entry';

// Order matters inside a batch: scorecards read the rows the projections above wrote.
export const READ_MODEL_PROJECTIONS: readonly AnyProjection[] = [unitsProjection, criteriaSetsProjection, assessmentsProjection];
export const DERIVED_READ_MODELS: readonly DerivedReadModel[] = [scorecardsReadModel, auditTimelineReadModel];
export const READ_MODEL_PROJECTION_NAMES: readonly string[] = [...READ_MODEL_PROJECTIONS, ...DERIVED_READ_MODELS].map((p) => p.name);

/** A daemon of the platform's projections writing through `readModel` (a version's connection). */
export function createProjectionDaemon(store: EventStore, readModel: DataSource, options: DaemonOptions): ProjectionDaemon {
  return new ProjectionDaemon(store, readModel, READ_MODEL_PROJECTIONS, DERIVED_READ_MODELS, options);
}

/** The lease-holding projector of the platform's projections (`run`, or inside the API). */
export function createProjector(options: Omit<ProjectorRunnerOptions, 'projections' | 'derived'>): ProjectorRunner {
  return new ProjectorRunner({ ...options, projections: READ_MODEL_PROJECTIONS, derived: DERIVED_READ_MODELS });
}
