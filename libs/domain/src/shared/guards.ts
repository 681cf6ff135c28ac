import type { Hundredths } from '@par-index/scoring';
import { fail } from './domain-error';

/** Ids appear in stream names, so they are restricted to characters that need no escaping. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** Length limits (in UTF-16 code units) of the free texts commands carry. */
export const TEXT_LIMITS = {
  /** notes, reasons, objection texts */
  text: 4000,
  /** unit and criteria-set names */
  name: 300,
  /** names of fields, criteria and leaves */
  nodeName: 500,
  region: 120,
  source: 300,
  reference: 200,
  evidenceRef: 500,
  evidenceRefs: 50,
} as const;

// A NUL byte cannot be stored (PostgreSQL text/jsonb) and a lone surrogate is not valid Unicode.
// eslint-disable-next-line no-control-regex -- matching the NUL control character is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasUnstorableCharacters(value: string): boolean {
  return UNSTORABLE.test(value);
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

function invalid(field: string, message: string, value: unknown): never {
  return fail('VALIDATION_FAILED', `${field} ${message}`, { field, value });
}

export function requireNonEmptyId(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200 || !ID_PATTERN.test(value)) {
    invalid(field, 'must be a non-empty id of letters, digits, "_", ".", ":" or "-"', value);
  }
  return value;
}

export function requireNonEmptyText(value: unknown, field: string, maxLength: number = TEXT_LIMITS.text): string {
  if (typeof value !== 'string' || value.trim().length === 0) invalid(field, 'must be non-empty text', value);
  if (value.length > maxLength) invalid(field, `must be at most ${maxLength} characters (got ${value.length})`, value);
  if (hasUnstorableCharacters(value)) invalid(field, 'must not contain NUL bytes or unpaired surrogates', value);
  return value;
}

/** null/undefined pass as null; otherwise the text must be non-blank. */
export function optionalText(value: unknown, field: string, maxLength: number = TEXT_LIMITS.text): string | null {
  if (value === null || value === undefined) return null;
  return requireNonEmptyText(value, field, maxLength);
}

export function requireHundredths(value: unknown, field: string): Hundredths {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    invalid(field, 'must be an integer number of hundredths of a point', value);
  }
  return value;
}

export function requireNonNegativeInteger(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    invalid(field, 'must be a non-negative integer', value);
  }
  return value;
}

export function requireFiniteNumber(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) invalid(field, 'must be a finite number', value);
  return value;
}

export function requireIsoTimestamp(value: unknown, field: string): string {
  const match = typeof value === 'string' ? ISO_INSTANT.exec(value) : null;
  if (!match || !isCalendarInstant(match.slice(1).map((part) => Number(part ?? 0)))) {
    invalid(field, 'must be an ISO-8601 timestamp with a zone', value);
  }
  return value as string;
}

/** Range checks without the Date API (the domain never touches clocks or time zones). */
function isCalendarInstant([year, month, day, hour, minute, second, offsetHours, offsetMinutes]: number[]): boolean {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return (
    daysInMonth !== undefined &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59
  );
}

export function requireYear(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_YEAR || value > MAX_YEAR) {
    invalid(field, `must be an integer year in ${MIN_YEAR}..${MAX_YEAR}`, value);
  }
  return value;
}

export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    invalid(field, `must be one of ${allowed.join(', ')}`, value);
  }
  return value as T;
}

export function requireStringList(
  value: unknown,
  field: string,
  maxItems: number = TEXT_LIMITS.evidenceRefs,
  maxLength: number = TEXT_LIMITS.evidenceRef,
): string[] {
  if (!Array.isArray(value)) invalid(field, 'must be a list', value);
  if (value.length > maxItems) invalid(field, `must have at most ${maxItems} items (got ${value.length})`, value.length);
  value.forEach((item, i) => requireNonEmptyText(item, `${field}[${i}]`, maxLength));
  return value as string[];
}
