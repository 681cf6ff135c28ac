import type { GraphQLFormattedError } from 'graphql';
import { truncateDetails, truncateText } from './echo-limit';

const VARIABLE_COERCION = /^Variable "\$[^"]+" (got invalid value|has invalid value|of required type|of non-null type)/;
const REQUEST_LEVEL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'BAD_USER_INPUT',
]);

/**
 * Apollo's formatError hook: every error leaves with a code and a category, a client's mistake is
 * never INTERNAL_SERVER_ERROR, internal failures say nothing about internals, and no message or
 * detail echoes more than ~200 characters of input back.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = { ...formatted.extensions };
  let code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
  if (VARIABLE_COERCION.test(formatted.message)) code = 'BAD_USER_INPUT';
  if (code === 'INTERNAL_SERVER_ERROR') {
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code, category: 'internal' },
    };
  }
  const category = typeof extensions.category === 'string' ? extensions.category : REQUEST_LEVEL_CODES.has(code) ? 'invalid' : undefined;
  const { http: _http, stacktrace: _stacktrace, originalError: _original, exception: _exception, ...rest } = extensions;
  return {
    ...formatted,
    message: truncateText(formatted.message, 300),
    extensions: {
      ...rest,
      code,
      ...(category ? { category } : {}),
      ...('details' in rest ? { details: truncateDetails(rest.details) } : {}),
    },
  };
}
