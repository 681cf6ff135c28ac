import type { UnitState } from '../unit/state';
import type { AssessedUnit } from './commands';

/** For the command handler: the unit stream's state as OpenAssessment needs it (null: not registered). */
export function toAssessedUnit(state: UnitState): AssessedUnit | null {
  if (state.status === 'unregistered') return null;
  return { unitId: state.unitId, level: state.level, group: state.group, active: state.status === 'active' };
}
