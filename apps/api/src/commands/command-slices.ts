import { AssessmentCommandHandler } from './assessment/assessment.command';
import { AssessmentResolver } from './assessment/assessment.resolver';
import { CriteriaRevisionResolver } from './assessment/criteria-revision.resolver';
import { CriteriaSetCommandHandler } from './criteria-set/criteria-set.command';
import { CriteriaSetResolver } from './criteria-set/criteria-set.resolver';
import { CommandDispatch } from './shared/command-dispatch';
import { UnitCommandHandler } from './unit/unit.command';
import { UnitGroupMove } from './unit/unit-group-move';
import { UnitResolver } from './unit/unit.resolver';

export const COMMAND_SLICES = [
  CommandDispatch,
  CriteriaSetCommandHandler,
  CriteriaSetResolver,
  UnitCommandHandler,
  UnitResolver,
  UnitGroupMove,
  AssessmentCommandHandler,
  AssessmentResolver,
  CriteriaRevisionResolver,
];
