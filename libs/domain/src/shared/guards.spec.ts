import { isDomainError } from './domain-error';
import { optionalText, requireNonEmptyText, requireStringList, TEXT_LIMITS } from './guards';

const codeOf = (work: () => unknown) => {
  try {
    work();
    return 'ok';
  } catch (error) {
    return isDomainError(error) ? error.code : 'thrown';
  }
};

describe('text guards', () => {
  it.each([
    ['a NUL byte', 'a\u0000b'],
    ['a lone high surrogate', 'a\uD800b'],
    ['a lone low surrogate', '\uDC00'],
    ['too long a text', 'x'.repeat(TEXT_LIMITS.text + 1)],
    ['blank text', '  '],
  ])('refuse %s', (_, value) => expect(codeOf(() => requireNonEmptyText(value, 'note'))).toBe('VALIDATION_FAILED'));

  it('accepts a paired surrogate (an emoji) and text at the limit', () => {
    expect(requireNonEmptyText('ok 😀', 'note')).toBe('ok 😀');
    expect(codeOf(() => requireNonEmptyText('x'.repeat(TEXT_LIMITS.name), 'name', TEXT_LIMITS.name))).toBe('ok');
    expect(codeOf(() => requireNonEmptyText('x'.repeat(TEXT_LIMITS.name + 1), 'name', TEXT_LIMITS.name))).toBe('VALIDATION_FAILED');
  });

  it('limits optional texts and lists of references too', () => {
    expect(optionalText(null, 'reason')).toBeNull();
    expect(codeOf(() => optionalText('x'.repeat(TEXT_LIMITS.text + 1), 'reason'))).toBe('VALIDATION_FAILED');
    expect(
      codeOf(() =>
        requireStringList(
          Array.from({ length: TEXT_LIMITS.evidenceRefs + 1 }, () => 'd'),
          'evidenceRefs',
        ),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(codeOf(() => requireStringList(['x'.repeat(TEXT_LIMITS.evidenceRef + 1)], 'evidenceRefs'))).toBe('VALIDATION_FAILED');
  });
});
