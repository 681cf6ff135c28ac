export * from './projection-checkpoint.entity';
export * from './unit.entity';
export * from './criteria-set.entity';
export * from './assessment.entity';
export * from './scorecard.entity';
export * from './audit-timeline.entity';
import { AssessmentEntity } from './assessment.entity';
import { AuditTimelineEntity } from './audit-timeline.entity';
import { CriteriaSetEntity } from './criteria-set.entity';
import { ProjectionCheckpointEntity } from './projection-checkpoint.entity';
import { ScorecardEntity } from './scorecard.entity';
import { UnitEntity } from './unit.entity';

export const READ_MODEL_ENTITIES = [
  ProjectionCheckpointEntity,
  UnitEntity,
  CriteriaSetEntity,
  AssessmentEntity,
  ScorecardEntity,
  AuditTimelineEntity,
];
