import type { AssessedLevel } from '@par-index/scoring';
import type { CommandContext } from '../shared/command-context';

/** Another unit as the command handler found it in its own stream (the decider cannot read it). */
export interface UnitReference {
  unitId: string;
  level: AssessedLevel;
  active: boolean;
}

/** Every unit command is for role `admin`. */
interface Base {
  context: CommandContext;
}

export type RegisterUnit = Base & {
  type: 'RegisterUnit';
  unitId: string;
  name: string;
  level: AssessedLevel;
  group: string;
  region: string | null;
  /** required for department/district/central_agency (a province) and commune (a district); null for province/ministry */
  parent: UnitReference | null;
};
export type RenameUnit = Base & { type: 'RenameUnit'; name: string };
export type MoveUnitToGroup = Base & { type: 'MoveUnitToGroup'; group: string };
export type ChangeUnitParent = Base & { type: 'ChangeUnitParent'; parent: UnitReference | null };
/** Issued on the old unit's stream. The handler then issues AbsorbUnit on `into`'s stream. */
export type MergeUnit = Base & { type: 'MergeUnit'; into: UnitReference };
export type AbsorbUnit = Base & { type: 'AbsorbUnit'; from: Pick<UnitReference, 'unitId' | 'level'> };
export type DeactivateUnit = Base & { type: 'DeactivateUnit'; reason: string };

export type UnitCommand = RegisterUnit | RenameUnit | MoveUnitToGroup | ChangeUnitParent | MergeUnit | AbsorbUnit | DeactivateUnit;
export type UnitCommandType = UnitCommand['type'];
