/** Errors the application layer raises itself (the domain raises DomainError). */
export class ConcurrencyConflictError extends Error {
  override readonly name = 'ConcurrencyConflictError';
  constructor(
    readonly streamName: string,
    readonly expectedRevision: bigint,
    readonly actualRevision: bigint,
  ) {
    super(
      `${streamName} changed while your command ran: expected revision ${expectedRevision}, now ${actualRevision}. ` + 'Reload and retry.',
    );
  }
}

export class UnauthenticatedError extends Error {
  override readonly name = 'UnauthenticatedError';
}

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** A client mistake the API layer itself detects (e.g. a malformed expectedRevision or page size). */
export class BadUserInputError extends Error {
  override readonly name = 'BadUserInputError';
  constructor(
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The idempotency key was already used on this stream for a different command. */
export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';
  constructor(
    readonly streamName: string,
    readonly idempotencyKey: string,
  ) {
    super(`The idempotency key was already used on ${streamName} for a different command: use a new key for a new command.`);
  }
}
