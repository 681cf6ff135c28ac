import { START } from '@eventstore/db-client';
import { MAX_LOG_POSITION, commitPositionOf, isAfterPosition, parsePosition, serialisePosition, toReadPosition } from './positions';

describe('log positions', () => {
  it('round-trips positions beyond Number.MAX_SAFE_INTEGER without loss', () => {
    const big = 2n ** 63n + 12_345n;
    expect(serialisePosition(big)).toBe('9223372036854788153');
    expect(parsePosition(serialisePosition(big))).toBe(big);
    expect(parsePosition(serialisePosition(MAX_LOG_POSITION))).toBe(MAX_LOG_POSITION);
    expect(parsePosition('-1')).toBe(-1n);
  });

  it('survives a JSON round trip as a string', () => {
    const position = BigInt(Number.MAX_SAFE_INTEGER) + 2n;
    const json = JSON.stringify({ checkpoint: serialisePosition(position) });
    expect(parsePosition((JSON.parse(json) as { checkpoint: string }).checkpoint)).toBe(position);
  });

  it('rejects text that is not a position', () => {
    for (const bad of ['', '01', '1e3', '1.5', ' 1', '-2', 'abc', '0x10']) {
      expect(() => parsePosition(bad)).toThrow(SyntaxError);
    }
    expect(() => parsePosition((MAX_LOG_POSITION + 1n).toString())).toThrow(RangeError);
    expect(() => serialisePosition(-2n)).toThrow(RangeError);
  });

  it('maps the exclusive port position to a client read position', () => {
    expect(toReadPosition(undefined)).toBe(START);
    expect(toReadPosition('start')).toBe(START);
    expect(toReadPosition(-1n)).toBe(START);
    expect(toReadPosition(2n ** 60n)).toEqual({ commit: 2n ** 60n, prepare: 2n ** 60n });
  });

  it('treats fromPosition as exclusive', () => {
    expect(isAfterPosition(10n, 10n)).toBe(false);
    expect(isAfterPosition(11n, 10n)).toBe(true);
    expect(isAfterPosition(0n, 'start')).toBe(true);
    expect(isAfterPosition(0n, undefined)).toBe(true);
  });

  it('takes the record commit position, then the resolved one, and refuses unknown positions', () => {
    expect(commitPositionOf({ commit: 5n, prepare: 5n }, 9n, 'e')).toBe(5n);
    expect(commitPositionOf(undefined, 9n, 'e')).toBe(9n);
    expect(commitPositionOf({ commit: MAX_LOG_POSITION, prepare: MAX_LOG_POSITION }, 7n, 'e')).toBe(7n);
    expect(() => commitPositionOf(undefined, undefined, 'e-1')).toThrow(/e-1.*22\.6/);
  });
});
