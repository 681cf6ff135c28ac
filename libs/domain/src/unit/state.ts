import type { AssessedLevel } from '@par-index/scoring';
import type { UnitReference } from './commands';
import type { UnitEvent } from './events';

export interface RegisteredUnit {
  status: 'active' | 'deactivated' | 'merged';
  unitId: string;
  name: string;
  formerNames: string[];
  level: AssessedLevel;
  group: string;
  region: string | null;
  parentUnitId: string | null;
  mergedInto: string | null;
  absorbedUnitIds: string[];
  deactivationReason: string | null;
}

export type UnitState = { status: 'unregistered' } | RegisteredUnit;

export function initialUnitState(): UnitState {
  return { status: 'unregistered' };
}

export function evolveUnit(state: UnitState, event: UnitEvent): UnitState {
  if (event.type === 'UnitRegistered') {
    const { unitId, name, level, group, region, parentUnitId } = event.data;
    return {
      status: 'active',
      unitId,
      name,
      formerNames: [],
      level,
      group,
      region,
      parentUnitId,
      mergedInto: null,
      absorbedUnitIds: [],
      deactivationReason: null,
    };
  }
  if (state.status === 'unregistered') return state;
  switch (event.type) {
    case 'UnitRenamed':
      return { ...state, name: event.data.name, formerNames: [...state.formerNames, event.data.previousName] };
    case 'UnitMovedToGroup':
      return { ...state, group: event.data.group };
    case 'UnitParentChanged':
      return { ...state, parentUnitId: event.data.parentUnitId };
    case 'UnitMerged':
      return { ...state, status: 'merged', mergedInto: event.data.into };
    case 'UnitAbsorbed':
      return { ...state, absorbedUnitIds: [...state.absorbedUnitIds, event.data.from] };
    case 'UnitDeactivated':
      return { ...state, status: 'deactivated', deactivationReason: event.data.reason };
    default: {
      const _exhaustive: never = event;
      throw new Error(`unknown unit event ${JSON.stringify(_exhaustive)}`);
    }
  }
}

/** Every id whose history belongs to this unit: its own and those of the units merged into it. */
export function unitIdentities(state: UnitState): string[] {
  return state.status === 'unregistered' ? [] : [state.unitId, ...state.absorbedUnitIds];
}

/** For command handlers: this unit as a parent / merge target reference. */
export function toUnitReference(state: UnitState): UnitReference | undefined {
  return state.status === 'unregistered' ? undefined : { unitId: state.unitId, level: state.level, active: state.status === 'active' };
}
