import { isDomainError, requireIsoTimestamp, requireNonEmptyId, requireOneOf, requireYear } from '@par-index/domain';
import { ASSESSED_LEVELS } from '@par-index/scoring';
import { BadUserInputError } from '../errors/application-errors';
import { truncateText } from '../errors/echo-limit';
import { MAX_PAGE_SIZE } from '../graphql/query-cost';

export { MAX_PAGE_SIZE };

export function requirePageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be an integer in 1..${MAX_PAGE_SIZE}`, { field: 'first', value: first, max: MAX_PAGE_SIZE });
  }
  return first;
}

/** An ISO-8601 instant with an offset, as epoch milliseconds (so instants compare as instants, not strings). */
export function parseInstant(value: string, field: string): number {
  let millis = Number.NaN;
  try {
    // the domain's own check: a real calendar instant (no 30 February, no 24:00) with an offset
    millis = Date.parse(requireIsoTimestamp(value, field));
  } catch (error) {
    if (!isDomainError(error)) throw error;
  }
  if (!Number.isFinite(millis)) {
    throw new BadUserInputError(`${field} must be an ISO-8601 instant with an offset, e.g. 2024-06-30T17:00:00+07:00`, {
      field,
      value: truncateText(value),
    });
  }
  return millis;
}

/** A query for something no id can name is a mistake (400), not an empty answer. */
export function requireUnitYear(unitId: string, year: number): void {
  requireNonEmptyId(unitId, 'unitId');
  requireYear(year, 'year');
}

export function requireGroupKey(year: number, level: string, group: string): void {
  requireYear(year, 'year');
  requireOneOf(level, ASSESSED_LEVELS, 'level');
  requireNonEmptyId(group, 'group');
}
