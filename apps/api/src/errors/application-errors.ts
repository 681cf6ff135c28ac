/** Errors the application layer raises itself (the domain raises DomainError). */
export class ConcurrencyConflictError extends Error {
  override readonly name = 'ConcurrencyConflictError';
  constructor(
    readonly streamName: string,
    readonly expectedRevision: bigint,
    readonly actualRevision: bigint,
  ) {
    super(
      `${streamName} changed while your command ran: expected revision ${expectedRevision}, now ${actualRevision}. ` +
        'Reload and retry.',
    );
  }
}

export class UnauthenticatedError extends Error {
  override readonly name = 'UnauthenticatedError';
}

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}
