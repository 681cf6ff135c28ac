import { createHash, randomUUID } from 'node:crypto';
import type { ActorRole, CommandContext } from '@par-index/domain';

/** Who sent a command, when, and under which keys: built once per GraphQL request. */
export interface CommandEnvelope {
  now: string;
  actorId: string;
  actorRole: ActorRole;
  /** the units the actor acts for ('*': any), checked by the deciders */
  unitIds: readonly string[] | '*';
  correlationId: string;
  causationId: string;
  /** same key + same stream → the command is applied once (a retry returns the first result) */
  idempotencyKey: string;
  /** when given, the stream must be at exactly this revision (client-side optimistic concurrency) */
  expectedRevision?: bigint;
  /** fingerprint of what the command asks for (commandFingerprint): a reused key must carry the same one */
  commandHash?: string;
}

export function newEnvelope(
  input: Omit<CommandEnvelope, 'now' | 'causationId' | 'correlationId' | 'idempotencyKey'> & Partial<CommandEnvelope>,
): CommandEnvelope {
  const correlationId = input.correlationId ?? randomUUID();
  return {
    now: input.now ?? new Date().toISOString(),
    actorId: input.actorId,
    actorRole: input.actorRole,
    unitIds: input.unitIds,
    correlationId,
    causationId: input.causationId ?? correlationId,
    idempotencyKey: input.idempotencyKey ?? randomUUID(),
    expectedRevision: input.expectedRevision,
    commandHash: input.commandHash,
  };
}

/** Event ids derived from the idempotency key, so a replayed append is recognised by the store. */
export function deterministicEventId(idempotencyKey: string, streamName: string, index: number): string {
  const hex = createHash('sha256').update(`${idempotencyKey}\u0000${streamName}\u0000${index}`).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The domain's view of who acts and when. */
export function commandContext(envelope: CommandEnvelope): CommandContext {
  return { now: envelope.now, actorId: envelope.actorId, actorRole: envelope.actorRole, unitIds: envelope.unitIds };
}
