import { fail } from './domain-error';
import { requireIsoTimestamp, requireNonEmptyId } from './guards';

export const ACTOR_ROLES = ['unit_officer', 'appraiser', 'council', 'approver', 'admin'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** Who acts and when: supplied by the command handler (the domain never reads a clock). */
export interface CommandContext {
  now: string; // ISO-8601 instant
  actorId: string;
  actorRole: ActorRole;
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
