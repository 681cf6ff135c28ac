import { BadUserInputError } from '../../errors/application-errors';
import { happenedBy, parseAsOf } from './as-of';

const at = (occurredAt: string, position = 1n) => ({ position, metadata: { occurredAt } });

describe('asOf', () => {
  it('given instants with any offset, then they compare as instants, not as text', () => {
    const vietnam = parseAsOf('2024-06-30T17:00:00+07:00');
    expect(vietnam).toEqual({ kind: 'instant', millis: Date.UTC(2024, 5, 30, 10), text: '2024-06-30T17:00:00+07:00' });
    // "2024-06-30T10:00:00.000Z" sorts before "...17:00:00+07:00" as text, and is the same instant
    expect(happenedBy(vietnam, at('2024-06-30T10:00:00.000Z'))).toBe(true);
    expect(happenedBy(vietnam, at('2024-06-30T10:00:00.001Z'))).toBe(false);
    expect(parseAsOf('2024-06-30T06:30-0330')).toMatchObject({ millis: Date.UTC(2024, 5, 30, 10) });
    expect(parseAsOf('2024-06-30T10:00:00.0009999Z')).toMatchObject({ millis: Date.UTC(2024, 5, 30, 10) });
  });

  it('given digits, then it is a global position', () => {
    const asOf = parseAsOf('42');
    expect(asOf).toEqual({ kind: 'position', position: 42n });
    expect(happenedBy(asOf, at('2099-01-01T00:00:00Z', 42n))).toBe(true);
    expect(happenedBy(asOf, at('2000-01-01T00:00:00Z', 43n))).toBe(false);
  });

  it.each([
    'yesterday',
    '2024-06-30',
    '2024-06-30T17:00:00',
    '2024-02-30T00:00:00Z',
    '2024-06-30T24:00:00Z',
    '2024-06-30T10:00:00+25:00',
    '-1',
    '',
    '1e3',
    ' 2024-13-01T00:00:00Z',
  ])('given %j, then it is BAD_USER_INPUT', (value) => {
    expect(() => parseAsOf(value)).toThrow(BadUserInputError);
  });
});
