import { ASSESSED_LEVELS, type AssessedLevel } from '@par-index/scoring';
import { requireRole, type ActorRole } from '../shared/command-context';
import { fail } from '../shared/domain-error';
import { optionalText, requireNonEmptyId, requireNonEmptyText, requireOneOf, TEXT_LIMITS } from '../shared/guards';
import type { AbsorbUnit, ChangeUnitParent, DeactivateUnit, MergeUnit, RegisterUnit, UnitCommand, UnitReference } from './commands';
import type { UnitEvent } from './events';
import { EXPECTED_PARENT_LEVEL } from './hierarchy';
import type { RegisteredUnit, UnitState } from './state';

/** Who may issue any unit command. */
export const UNIT_COMMAND_ROLES: readonly ActorRole[] = ['admin'];

/**
 * Idempotency: registering the same unit again, renaming to the current name, moving to the
 * current group or parent, re-merging into the same unit, re-absorbing the same unit and
 * deactivating an inactive unit are no-ops (no events).
 */
export function decideUnit(command: UnitCommand, state: UnitState): UnitEvent[] {
  requireRole(command.context, UNIT_COMMAND_ROLES, 'manage units');
  const stamp = { at: command.context.now, by: command.context.actorId };
  switch (command.type) {
    case 'RegisterUnit':
      return decideRegister(command, state, stamp);
    case 'RenameUnit': {
      const unit = requireActive(state);
      const name = requireNonEmptyText(command.name, 'name', TEXT_LIMITS.name);
      return name === unit.name ? [] : [{ type: 'UnitRenamed', data: { name, previousName: unit.name, ...stamp } }];
    }
    case 'MoveUnitToGroup': {
      const unit = requireActive(state);
      const group = requireNonEmptyId(command.group, 'group');
      return group === unit.group ? [] : [{ type: 'UnitMovedToGroup', data: { group, previousGroup: unit.group, ...stamp } }];
    }
    case 'ChangeUnitParent':
      return decideChangeParent(command, requireActive(state), stamp);
    case 'MergeUnit':
      return decideMerge(command, state, stamp);
    case 'AbsorbUnit':
      return decideAbsorb(command, requireActive(state), stamp);
    case 'DeactivateUnit':
      return decideDeactivate(command, state, stamp);
    default: {
      const _exhaustive: never = command;
      return fail('VALIDATION_FAILED', `unknown unit command ${(_exhaustive as { type: string }).type}`);
    }
  }
}

type Stamp = { at: string; by: string };

function decideRegister(command: RegisterUnit, state: UnitState, stamp: Stamp): UnitEvent[] {
  const unitId = requireNonEmptyId(command.unitId, 'unitId');
  const name = requireNonEmptyText(command.name, 'name', TEXT_LIMITS.name);
  const level = requireOneOf(command.level, ASSESSED_LEVELS, 'level');
  const group = requireNonEmptyId(command.group, 'group');
  const region = optionalText(command.region, 'region', TEXT_LIMITS.region);
  const parentUnitId = requireValidParent(unitId, level, command.parent);
  const data = { unitId, name, level, group, region, parentUnitId };
  if (state.status !== 'unregistered') {
    const same =
      state.unitId === unitId &&
      state.name === name &&
      state.level === level &&
      state.group === group &&
      state.region === region &&
      state.parentUnitId === parentUnitId;
    if (same) return [];
    fail('UNIT_ALREADY_REGISTERED', `unit "${state.unitId}" is already registered`, { unitId: state.unitId });
  }
  return [{ type: 'UnitRegistered', data: { ...data, ...stamp } }];
}

function decideChangeParent(command: ChangeUnitParent, unit: RegisteredUnit, stamp: Stamp): UnitEvent[] {
  const parentUnitId = requireValidParent(unit.unitId, unit.level, command.parent);
  if (parentUnitId === unit.parentUnitId) return [];
  return [{ type: 'UnitParentChanged', data: { parentUnitId, previousParentUnitId: unit.parentUnitId, ...stamp } }];
}

function decideMerge(command: MergeUnit, state: UnitState, stamp: Stamp): UnitEvent[] {
  const into = requireReference(command.into, 'into');
  if (state.status === 'merged' && state.mergedInto === into.unitId) return [];
  const unit = requireActive(state);
  if (into.unitId === unit.unitId) fail('MERGE_INTO_SELF', 'a unit cannot be merged into itself', { unitId: unit.unitId });
  if (into.level !== unit.level)
    fail('MERGE_LEVEL_MISMATCH', `a ${unit.level} cannot be merged into a ${into.level}`, { level: unit.level, intoLevel: into.level });
  if (!into.active) fail('MERGE_TARGET_INACTIVE', `unit "${into.unitId}" is not active`, { into: into.unitId });
  return [{ type: 'UnitMerged', data: { into: into.unitId, ...stamp } }];
}

function decideAbsorb(command: AbsorbUnit, unit: RegisteredUnit, stamp: Stamp): UnitEvent[] {
  const from = requireNonEmptyId(command.from?.unitId, 'from.unitId');
  const fromLevel = requireOneOf(command.from.level, ASSESSED_LEVELS, 'from.level');
  if (from === unit.unitId) fail('MERGE_INTO_SELF', 'a unit cannot absorb itself', { unitId: unit.unitId });
  if (fromLevel !== unit.level)
    fail('MERGE_LEVEL_MISMATCH', `a ${unit.level} cannot absorb a ${fromLevel}`, { level: unit.level, fromLevel });
  if (unit.absorbedUnitIds.includes(from)) return [];
  return [{ type: 'UnitAbsorbed', data: { from, ...stamp } }];
}

function decideDeactivate(command: DeactivateUnit, state: UnitState, stamp: Stamp): UnitEvent[] {
  if (state.status === 'unregistered') fail('UNIT_NOT_REGISTERED', 'the unit is not registered');
  if (state.status === 'merged')
    fail('UNIT_MERGED', `unit "${state.unitId}" was merged into "${state.mergedInto}"`, { mergedInto: state.mergedInto });
  if (state.status === 'deactivated') return [];
  const reason = requireNonEmptyText(command.reason, 'reason');
  return [{ type: 'UnitDeactivated', data: { reason, ...stamp } }];
}

export function requireActive(state: UnitState): RegisteredUnit {
  switch (state.status) {
    case 'active':
      return state;
    case 'unregistered':
      return fail('UNIT_NOT_REGISTERED', 'the unit is not registered');
    case 'merged':
      return fail('UNIT_MERGED', `unit "${state.unitId}" was merged into "${state.mergedInto}"`, { mergedInto: state.mergedInto });
    case 'deactivated':
      return fail('UNIT_INACTIVE', `unit "${state.unitId}" is deactivated`);
  }
}

function requireReference(ref: UnitReference | null | undefined, field: string): UnitReference {
  if (ref === null || typeof ref !== 'object') fail('VALIDATION_FAILED', `${field} is required`, { field });
  requireNonEmptyId(ref.unitId, `${field}.unitId`);
  requireOneOf(ref.level, ASSESSED_LEVELS, `${field}.level`);
  if (typeof ref.active !== 'boolean') fail('VALIDATION_FAILED', `${field}.active must be a boolean`, { field: `${field}.active` });
  return ref;
}

function requireValidParent(unitId: string, level: AssessedLevel, parent: UnitReference | null | undefined): string | null {
  const expected = EXPECTED_PARENT_LEVEL[level];
  if (parent === null || parent === undefined) {
    if (expected !== null) fail('PARENT_REQUIRED', `a ${level} needs a parent ${expected}`, { level, expectedParentLevel: expected });
    return null;
  }
  if (expected === null) fail('PARENT_NOT_ALLOWED', `a ${level} has no parent unit`, { level });
  const ref = requireReference(parent, 'parent');
  if (ref.unitId === unitId) fail('PARENT_LEVEL_MISMATCH', 'a unit cannot be its own parent', { unitId });
  if (ref.level !== expected) {
    fail('PARENT_LEVEL_MISMATCH', `a ${level}'s parent must be a ${expected}, not a ${ref.level}`, {
      level,
      expectedParentLevel: expected,
      parentLevel: ref.level,
    });
  }
  if (!ref.active) fail('PARENT_INACTIVE', `parent unit "${ref.unitId}" is not active`, { parentUnitId: ref.unitId });
  return ref.unitId;
}
