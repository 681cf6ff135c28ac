/**
 * GraphQL-over-HTTP: the status of a response that carries errors. Codes the API layer raises
 * itself are listed; domain codes follow their category (DomainError.kind).
 */
const STATUS_BY_CODE: Readonly<Record<string, number>> = Object.assign(Object.create(null) as Record<string, number>, {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
  PERSISTED_QUERY_NOT_SUPPORTED: 400,
  QUERY_TOO_COMPLEX: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONCURRENCY_CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  REQUEST_HEADER_FIELDS_TOO_LARGE: 431,
  INTERNAL_SERVER_ERROR: 500,
});

const STATUS_BY_CATEGORY: Readonly<Record<string, number>> = Object.assign(Object.create(null) as Record<string, number>, {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  internal: 500,
});

export interface ErrorExtensionsLike {
  code?: unknown;
  category?: unknown;
}

export function httpStatusOf(extensions: ErrorExtensionsLike | undefined): number {
  const code = typeof extensions?.code === 'string' ? extensions.code : undefined;
  const category = typeof extensions?.category === 'string' ? extensions.category : undefined;
  return (code && STATUS_BY_CODE[code]) || (category && STATUS_BY_CATEGORY[category]) || 500;
}

/** The response status: that of the first error (the one a client reads first). */
export function httpStatusOfErrors(errors: readonly { extensions?: ErrorExtensionsLike }[]): number {
  return errors.length === 0 ? 200 : httpStatusOf(errors[0]!.extensions);
}
