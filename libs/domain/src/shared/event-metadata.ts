import { requireValidContext, type ActorRole, type CommandContext } from './command-context';
import { fail } from './domain-error';
import { requireNonEmptyText } from './guards';

/** Structurally the event store's EventMetadata (libs/eventstore port), without importing it. */
export interface DomainEventMetadata {
  actorId: string;
  actorRole: ActorRole;
  occurredAt: string;
  correlationId: string;
  causationId: string;
  idempotencyKey: string;
  schemaVersion: number;
}

export interface MetadataInput extends CommandContext {
  correlationId: string;
  causationId: string;
  idempotencyKey: string;
}

/**
 * The metadata the command handler attaches to every event a command produced. occurredAt is the
 * command's `now`, so replaying the same command yields byte-identical metadata.
 */
export function buildEventMetadata(input: MetadataInput, schemaVersion: number): DomainEventMetadata {
  requireValidContext(input);
  requireNonEmptyText(input.correlationId, 'correlationId');
  requireNonEmptyText(input.causationId, 'causationId');
  requireNonEmptyText(input.idempotencyKey, 'idempotencyKey');
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1) {
    fail('VALIDATION_FAILED', 'schemaVersion must be a positive integer', { field: 'schemaVersion', value: schemaVersion });
  }
  return {
    actorId: input.actorId,
    actorRole: input.actorRole,
    occurredAt: input.now,
    correlationId: input.correlationId,
    causationId: input.causationId,
    idempotencyKey: input.idempotencyKey,
    schemaVersion,
  };
}
