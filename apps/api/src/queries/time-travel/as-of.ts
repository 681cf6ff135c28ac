import { BadUserInputError } from '../../errors/application-errors';
import { truncateText } from '../../errors/echo-limit';

/** A moment of the past: an instant (epoch milliseconds) or a global position of the event store. */
export type AsOf = { kind: 'instant'; millis: number; text: string } | { kind: 'position'; position: bigint };

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)$/;
const POSITION = /^\d{1,20}$/;

/**
 * `asOf` as a moment: an ISO-8601 instant with an offset (`Z`, `+07:00`, `-0330`, fractions of
 * a second) or a global position (digits only). Anything else, including an impossible date
 * (2024-02-30) or an instant without an offset, is a BAD_USER_INPUT error. Instants are compared
 * as instants: events record milliseconds, so a finer fraction is truncated to the millisecond
 * (an event at t ms happened at or before the asked instant exactly when t ≤ floor(asked)).
 */
export function parseAsOf(value: string, field = 'asOf'): AsOf {
  const text = typeof value === 'string' ? value.trim() : '';
  if (POSITION.test(text)) return { kind: 'position', position: BigInt(text) };
  const millis = instantMillis(text);
  if (millis === null) {
    throw new BadUserInputError(
      `${field} must be an ISO-8601 instant with an offset (e.g. 2024-06-30T17:00:00+07:00) or a global position (e.g. 1234)`,
      {
        field,
        value: truncateText(String(value)),
      },
    );
  }
  return { kind: 'instant', millis, text };
}

function instantMillis(text: string): number | null {
  const match = INSTANT.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '0', fraction = '', offset] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, Number(fraction.padEnd(3, '0').slice(0, 3)));
  if (new Date(local).getUTCDate() !== day) return null; // 2024-02-30 rolls over: refuse
  const offsetMinutes = offsetOf(offset!);
  if (offsetMinutes === null) return null;
  return local - offsetMinutes * 60_000;
}

function offsetOf(offset: string): number | null {
  if (offset === 'Z' || offset === 'z') return 0;
  const sign = offset[0] === '-' ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

/** Whether an event recorded at `occurredAt` / `position` had happened by `asOf`. */
export function happenedBy(asOf: AsOf, event: { position: bigint; metadata: { occurredAt: string } }): boolean {
  return asOf.kind === 'position' ? event.position <= asOf.position : Date.parse(event.metadata.occurredAt) <= asOf.millis;
}
