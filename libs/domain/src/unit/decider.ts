import type { Decider } from '../shared/decider';
import type { UnitCommand } from './commands';
import { decideUnit } from './decide';
import type { UnitEvent } from './events';
import { evolveUnit, initialUnitState, type UnitState } from './state';

export const unitDecider: Decider<UnitCommand, UnitEvent, UnitState> = {
  decide: decideUnit,
  evolve: evolveUnit,
  initialState: initialUnitState,
};
