import { fail } from './domain-error';
import { requireIsoTimestamp, requireNonEmptyId } from './guards';

export const ACTOR_ROLES = ['unit_officer', 'appraiser', 'council', 'approver', 'admin', 'auditor'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** Who acts and when: supplied by the command handler (the domain never reads a clock). */
export interface CommandContext {
  now: string; // ISO-8601 instant
  actorId: string;
  actorRole: ActorRole;
  /** the units the actor acts for ('*': any); a unit_officer acts only for the units listed (none when absent) */
  unitIds?: readonly string[] | '*';
}

export function requireValidContext(context: CommandContext): void {
  if (context === null || typeof context !== 'object') fail('VALIDATION_FAILED', 'context is required');
  requireIsoTimestamp(context.now, 'context.now');
  requireNonEmptyId(context.actorId, 'context.actorId');
  if (!(ACTOR_ROLES as readonly string[]).includes(context.actorRole)) {
    fail('VALIDATION_FAILED', `context.actorRole must be one of ${ACTOR_ROLES.join(', ')}`, {
      field: 'context.actorRole',
      value: context.actorRole,
    });
  }
}

/** Validates the context and checks the actor holds one of the allowed roles. */
export function requireRole(context: CommandContext, allowed: readonly ActorRole[], action: string): void {
  requireValidContext(context);
  if (!allowed.includes(context.actorRole)) {
    fail('FORBIDDEN_FOR_ROLE', `${context.actorRole} may not ${action}`, {
      actorRole: context.actorRole,
      allowedRoles: [...allowed],
    });
  }
}

/** A unit officer may act only for the units in its scope; other roles are not unit-scoped. */
export function requireUnitInScope(context: CommandContext, unitId: string): void {
  if (context.actorRole !== 'unit_officer' || context.unitIds === '*') return;
  if (!(context.unitIds ?? []).includes(unitId)) {
    fail('FORBIDDEN_FOR_UNIT', `${context.actorId} does not act for unit "${unitId}"`, { unitId });
  }
}
