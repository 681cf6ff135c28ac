import { truncateDetails, truncateText } from './echo-limit';
import { formatGraphQLError } from './format-error';
import { httpStatusOf, httpStatusOfErrors } from './http-status';

describe('GraphQL-over-HTTP statuses', () => {
  it.each([
    [{ code: 'BAD_USER_INPUT' }, 400],
    [{ code: 'VALIDATION_FAILED', category: 'invalid' }, 400],
    [{ code: 'QUERY_TOO_COMPLEX', category: 'invalid' }, 400],
    [{ code: 'GRAPHQL_PARSE_FAILED' }, 400],
    [{ code: 'UNAUTHENTICATED', category: 'forbidden' }, 401],
    [{ code: 'FORBIDDEN_FOR_ROLE', category: 'forbidden' }, 403],
    [{ code: 'LEAF_NOT_FOUND', category: 'not_found' }, 404],
    [{ code: 'NOT_FOUND', category: 'not_found' }, 404],
    [{ code: 'SELF_SCORING_CLOSED', category: 'conflict' }, 409],
    [{ code: 'CONCURRENCY_CONFLICT', category: 'conflict' }, 409],
    [{ code: 'IDEMPOTENCY_KEY_REUSED', category: 'conflict' }, 409],
    [{ code: 'INTERNAL_SERVER_ERROR' }, 500],
    [{ code: 'SOMETHING_NEW' }, 500],
    [{ code: 'constructor' }, 500],
  ])('%j → %i', (extensions, status) => expect(httpStatusOf(extensions)).toBe(status));

  it('takes the status of the first error; no errors is 200', () => {
    expect(httpStatusOfErrors([{ extensions: { code: 'NOT_FOUND' } }, { extensions: { code: 'BAD_USER_INPUT' } }])).toBe(404);
    expect(httpStatusOfErrors([])).toBe(200);
  });
});

describe('formatted errors', () => {
  it('reports variable coercion failures as BAD_USER_INPUT, with the echoed value truncated', () => {
    const formatted = formatGraphQLError({
      message: `Variable "$y" got invalid value "${'a'.repeat(5000)}"; Int cannot represent it`,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', category: 'invalid' });
    expect(formatted.message.length).toBeLessThan(350);
  });

  it('says nothing about internals', () => {
    expect(
      formatGraphQLError({ message: "Cannot read properties of undefined (reading 'x')", extensions: { stacktrace: ['at x'] } }),
    ).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR', category: 'internal' },
    });
  });

  it('truncates echoed details', () => {
    const formatted = formatGraphQLError({
      message: 'bad',
      extensions: { code: 'VALIDATION_FAILED', category: 'invalid', details: { value: 'v'.repeat(10_000), http: 1 } },
    });
    expect(JSON.stringify(formatted.extensions!.details).length).toBeLessThan(300);
    expect(truncateText('x'.repeat(10))).toBe('x'.repeat(10));
    expect(truncateDetails(Array.from({ length: 60 }, () => 1))).toHaveLength(51);
  });
});
