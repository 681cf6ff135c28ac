import type { EventStore } from '@par-index/eventstore';
import type { DataSource } from 'typeorm';
import { ScorecardEntity } from '../entities/scorecard.entity';
import type { DerivedReadModel } from '../runtime/apply-batch';
import type { AnyProjection } from '../runtime/projection';
import { ProjectionDaemon, type DaemonLogger } from '../runtime/projection-daemon';
import { assessmentsProjection } from './assessments/assessments.projection';
import { criteriaSetsProjection } from './criteria-sets/criteria-sets.projection';
import { scorecardsReadModel } from './scorecards/scorecards.read-model';
import { unitsProjection } from './units/units.projection';

export { assessmentsProjection, assessmentKeyOf, evolveAssessment } from './assessments/assessments.projection';
export { criteriaSetsProjection, evolveCriteriaSet } from './criteria-sets/criteria-sets.projection';
export { unitsProjection, evolveUnit } from './units/units.projection';
export { scorecardsReadModel } from './scorecards/scorecards.read-model';
export { scoreGroup } from './scorecards/score-group';

// Order matters inside a batch: scorecards read the rows the projections above wrote.
export const READ_MODEL_PROJECTIONS: readonly AnyProjection[] = [unitsProjection, criteriaSetsProjection, assessmentsProjection];
export const DERIVED_READ_MODELS: readonly DerivedReadModel[] = [scorecardsReadModel];
export const READ_MODEL_PROJECTION_NAMES: readonly string[] = [...READ_MODEL_PROJECTIONS, ...DERIVED_READ_MODELS].map((p) => p.name);

export function createProjectionDaemon(store: EventStore, readModel: DataSource, logger?: DaemonLogger): ProjectionDaemon {
  return new ProjectionDaemon(store, readModel, READ_MODEL_PROJECTIONS, DERIVED_READ_MODELS, { logger });
}

/**
 * Empties the read-model tables and their checkpoints in one transaction, then replays the store.
 * Readers see the old rows until that transaction commits, then a growing read model.
 */
export async function rebuildProjections(store: EventStore, readModel: DataSource, logger?: DaemonLogger): Promise<number> {
  await readModel.transaction(async (manager) => {
    for (const entity of [...READ_MODEL_PROJECTIONS.map((p) => p.entity), ScorecardEntity]) {
      await manager.query(`TRUNCATE ${manager.getRepository(entity).metadata.tableName}`);
    }
    await manager.query('DELETE FROM projection_checkpoints WHERE projection_name = ANY($1)', [READ_MODEL_PROJECTION_NAMES]);
  });
  return createProjectionDaemon(store, readModel, logger).catchUp();
}
