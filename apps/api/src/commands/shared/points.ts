import { DomainError } from '@par-index/domain';
import { toHundredths } from '@par-index/scoring';

/** No leaf is worth anywhere near this; larger inputs are typos or probes, never points. */
export const MAX_POINTS_MAGNITUDE = 1_000_000;

/** A GraphQL Float of points → exact hundredths, rejecting anything finer than 0.01. */
export function pointsArg(value: number, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DomainError('VALIDATION_FAILED', `${field} is not a finite number`, { field, value: String(value) });
  }
  if (Math.abs(value) > MAX_POINTS_MAGNITUDE) {
    throw new DomainError('VALIDATION_FAILED', `${field} exceeds the maximum magnitude of ${MAX_POINTS_MAGNITUDE} points`, {
      field,
      value,
      max: MAX_POINTS_MAGNITUDE,
    });
  }
  try {
    return toHundredths(value);
  } catch {
    throw new DomainError('VALIDATION_FAILED', `${field} must be a number with at most 2 decimals`, { field, value });
  }
}
