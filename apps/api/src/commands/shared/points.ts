import { DomainError } from '@par-index/domain';
import { toHundredths } from '@par-index/scoring';

/** A GraphQL Float of points → exact hundredths, rejecting anything finer than 0.01. */
export function pointsArg(value: number, field: string): number {
  try {
    return toHundredths(value);
  } catch {
    throw new DomainError('VALIDATION_FAILED', `${field} must be a number with at most 2 decimals`, { field, value });
  }
}
