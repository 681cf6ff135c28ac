import { copyText } from './copy-rows';

describe('copyText (COPY text format)', () => {
  it('given null or undefined, then \\N', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText(undefined)).toBe('\\N');
  });

  it('given numbers, bigints and booleans, then their plain text', () => {
    expect([copyText(42), copyText(-1.5), copyText(12345678901234567890n), copyText(true)]).toEqual([
      '42',
      '-1.5',
      '12345678901234567890',
      'true',
    ]);
  });

  it('given a reason with a tab, a newline, a return and a backslash, then each is escaped so the row keeps its columns', () => {
    expect(copyText('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyText('\\N')).toBe('\\\\N');
  });

  it('given an object, then its JSON, with the JSON escapes themselves escaped', () => {
    expect(copyText({ note: 'line 1\nline 2' })).toBe('{"note":"line 1\\\\nline 2"}');
    expect(copyText(['constructor', '__proto__'])).toBe('["constructor","__proto__"]');
  });
});
