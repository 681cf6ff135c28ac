import type { AssessedLevel } from '@par-index/scoring';

interface Stamped {
  at: string;
  by: string;
}

export type UnitRegistered = {
  type: 'UnitRegistered';
  data: Stamped & { unitId: string; name: string; level: AssessedLevel; group: string; region: string | null; parentUnitId: string | null };
};
export type UnitRenamed = { type: 'UnitRenamed'; data: Stamped & { name: string; previousName: string } };
/** Moved to another ranking group (block). */
export type UnitMovedToGroup = { type: 'UnitMovedToGroup'; data: Stamped & { group: string; previousGroup: string } };
export type UnitParentChanged = {
  type: 'UnitParentChanged';
  data: Stamped & { parentUnitId: string | null; previousParentUnitId: string | null };
};
/** On the merged (old) unit's stream; the unit becomes inactive. Pairs with UnitAbsorbed on `into`. */
export type UnitMerged = { type: 'UnitMerged'; data: Stamped & { into: string } };
/** On the surviving unit's stream; `from`'s history now reads under this unit too. */
export type UnitAbsorbed = { type: 'UnitAbsorbed'; data: Stamped & { from: string } };
export type UnitDeactivated = { type: 'UnitDeactivated'; data: Stamped & { reason: string } };

export type UnitEvent = UnitRegistered | UnitRenamed | UnitMovedToGroup | UnitParentChanged | UnitMerged | UnitAbsorbed | UnitDeactivated;
export type UnitEventType = UnitEvent['type'];

export const UNIT_EVENT_TYPES = [
  'UnitRegistered',
  'UnitRenamed',
  'UnitMovedToGroup',
  'UnitParentChanged',
  'UnitMerged',
  'UnitAbsorbed',
  'UnitDeactivated',
] as const satisfies readonly UnitEventType[];
