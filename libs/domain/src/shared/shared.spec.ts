import { requireRole, requireValidContext } from './command-context';
import { DOMAIN_ERROR_CODES, DOMAIN_ERROR_KINDS, DomainError, isDomainError } from './domain-error';
import { buildEventMetadata } from './event-metadata';
import { ctx, NOW } from './fixtures.test-support';
import { requireHundredths, requireIsoTimestamp, requireNonEmptyId, requireYear } from './guards';
import { sameValue } from './same-value';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isDomainError(error) ? error.code : 'NOT_A_DOMAIN_ERROR';
  }
  return undefined;
}

describe('value guards', () => {
  it.each(['unit-1', 'PAR-2022-province', 'a:b.c_d', '0f8fad5b-d9cb-469f-a165-70867728950e'])('accepts id %s', (id) => {
    expect(requireNonEmptyId(id, 'id')).toBe(id);
  });
  it.each(['', ' ', 'a b', '-lead', 'a/b', 42, null])('rejects id %p', (id) => {
    expect(codeOf(() => requireNonEmptyId(id, 'id'))).toBe('VALIDATION_FAILED');
  });
  it('accepts integer hundredths, including negatives', () => {
    expect(requireHundredths(-50, 's')).toBe(-50);
    expect(codeOf(() => requireHundredths(0.5, 's'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => requireHundredths('86.93', 's'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => requireHundredths(Number.MAX_VALUE, 's'))).toBe('VALIDATION_FAILED');
  });
  it('accepts ISO timestamps with a zone only', () => {
    expect(requireIsoTimestamp(NOW, 't')).toBe(NOW);
    expect(requireIsoTimestamp('2023-03-01T15:00:00+07:00', 't')).toBe('2023-03-01T15:00:00+07:00');
    expect(codeOf(() => requireIsoTimestamp('2023-03-01', 't'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => requireIsoTimestamp('2023-03-01T08:00:00', 't'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => requireIsoTimestamp('2023-13-45T08:00:00Z', 't'))).toBe('VALIDATION_FAILED');
  });
  it('accepts years in range', () => {
    expect(requireYear(2022, 'y')).toBe(2022);
    expect(codeOf(() => requireYear(1999, 'y'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => requireYear(2022.5, 'y'))).toBe('VALIDATION_FAILED');
  });
  it('names the field in details', () => {
    try {
      requireYear(3000, 'command.year');
    } catch (error) {
      expect((error as DomainError).details).toEqual({ field: 'command.year', value: 3000 });
    }
    expect.assertions(1);
  });
});

describe('command context and roles', () => {
  it('accepts a complete context', () => expect(() => requireValidContext(ctx('admin'))).not.toThrow());
  it('rejects an unknown role', () =>
    expect(codeOf(() => requireValidContext({ ...ctx('admin'), actorRole: 'root' as never }))).toBe('VALIDATION_FAILED'));
  it('rejects a missing actor', () =>
    expect(codeOf(() => requireValidContext({ ...ctx('admin'), actorId: '' }))).toBe('VALIDATION_FAILED'));
  it('forbids roles not allowed', () =>
    expect(codeOf(() => requireRole(ctx('council'), ['approver'], 'approve'))).toBe('FORBIDDEN_FOR_ROLE'));
});

describe('DomainError', () => {
  it('carries a stable code, its kind and details', () => {
    const error = new DomainError('SCORE_ABOVE_MAXIMUM', 'too high', { max: 150 });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.kind).toBe('invalid');
    expect(error.details).toEqual({ max: 150 });
  });
  it('has SCREAMING_SNAKE codes, each with a kind', () => {
    for (const code of DOMAIN_ERROR_CODES) {
      expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
      expect(['invalid', 'forbidden', 'not_found', 'conflict']).toContain(DOMAIN_ERROR_KINDS[code]);
    }
  });
});

describe('buildEventMetadata', () => {
  const input = { ...ctx('appraiser'), correlationId: 'corr-1', causationId: 'cmd-1', idempotencyKey: 'idem-1' };
  it('maps the command context onto the event-store metadata', () => {
    expect(buildEventMetadata(input, 1)).toEqual({
      actorId: 'user-appraiser-1',
      actorRole: 'appraiser',
      occurredAt: NOW,
      correlationId: 'corr-1',
      causationId: 'cmd-1',
      idempotencyKey: 'idem-1',
      schemaVersion: 1,
    });
  });
  it('rejects a missing idempotency key', () =>
    expect(codeOf(() => buildEventMetadata({ ...input, idempotencyKey: '' }, 1))).toBe('VALIDATION_FAILED'));
  it('rejects a non-positive schema version', () => expect(codeOf(() => buildEventMetadata(input, 0))).toBe('VALIDATION_FAILED'));
});

describe('sameValue', () => {
  it('ignores key order and undefined keys', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1, d: undefined })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
  });
});

describe('requireIsoTimestamp calendar checks', () => {
  it.each(['2024-02-29T00:00:00Z', '2023-12-31T23:59:59.999999+07:00', '2023-03-01T08:00Z'])('accepts %s', (t) => {
    expect(requireIsoTimestamp(t, 't')).toBe(t);
  });
  it.each(['2023-02-29T00:00:00Z', '2023-04-31T00:00:00Z', '2023-01-01T24:00:00Z', '2023-01-01T00:60:00Z', '2023-01-01T00:00:00+25:00'])(
    'rejects %s',
    (t) => {
      expect(codeOf(() => requireIsoTimestamp(t, 't'))).toBe('VALIDATION_FAILED');
    },
  );
});
