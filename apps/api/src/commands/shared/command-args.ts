import { hasUnstorableCharacters } from '@par-index/domain';
import { BadUserInputError } from '../../errors/application-errors';
import { truncateText } from '../../errors/echo-limit';

const REVISION = /^(-1|0|[1-9]\d{0,17})$/;

/** The client's `expectedRevision` (a decimal string, -1 for "no stream yet"), or undefined when absent. */
export function parseExpectedRevision(value: string | null | undefined): bigint | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string' || !REVISION.test(value)) {
    throw new BadUserInputError('expectedRevision must be a stream revision: -1 or a non-negative integer written in decimal', {
      field: 'expectedRevision',
      value,
    });
  }
  return BigInt(value);
}

export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** The `idempotency-key` header: at most 200 characters of storable text, or absent. */
export function parseIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.length > MAX_IDEMPOTENCY_KEY_LENGTH || hasUnstorableCharacters(value)) {
    throw new BadUserInputError(`the idempotency-key header must be 1-${MAX_IDEMPOTENCY_KEY_LENGTH} characters of text`, {
      field: 'idempotency-key',
      value: truncateText(value),
    });
  }
  return value;
}

/** A criteria-set version named by the client: a positive integer, or absent (the latest). */
export function parseSetVersion(version: number | null | undefined, field = 'version'): number | undefined {
  if (version === null || version === undefined) return undefined;
  if (!Number.isInteger(version) || version < 1)
    throw new BadUserInputError(`${field} must be a positive integer`, { field, value: version });
  return version;
}
