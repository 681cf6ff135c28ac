import type { Decider } from '../shared/decider';
import type { CriteriaSetCommand } from './commands';
import { decideCriteriaSet } from './decide';
import type { CriteriaSetEvent } from './events';
import { evolveCriteriaSet, initialCriteriaSetState, type CriteriaSetState } from './state';

export const criteriaSetDecider: Decider<CriteriaSetCommand, CriteriaSetEvent, CriteriaSetState> = {
  decide: decideCriteriaSet,
  evolve: evolveCriteriaSet,
  initialState: initialCriteriaSetState,
};
