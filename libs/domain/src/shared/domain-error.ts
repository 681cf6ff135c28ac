/**
 * Every rule `decide` enforces fails with one of these stable codes. `DOMAIN_ERROR_KINDS` tells the
 * API layer how to map a code onto a transport status without string matching.
 */
export type DomainErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict';

export const DOMAIN_ERROR_KINDS = {
  VALIDATION_FAILED: 'invalid',
  FORBIDDEN_FOR_ROLE: 'forbidden',
  FORBIDDEN_FOR_UNIT: 'forbidden',
  SEPARATION_OF_DUTIES: 'forbidden',
  // criteria set
  CRITERIA_SET_NOT_DRAFTED: 'not_found',
  CRITERIA_SET_ALREADY_DRAFTED: 'conflict',
  CRITERIA_SET_FROZEN: 'conflict',
  CRITERIA_SET_NOT_PUBLISHED: 'conflict',
  CRITERIA_SET_RETIRED: 'conflict',
  CRITERIA_SET_MISMATCH: 'conflict',
  INVALID_CRITERIA_SET: 'invalid',
  NODE_CODE_TAKEN: 'conflict',
  NODE_NOT_FOUND: 'not_found',
  PARENT_NOT_A_GROUP: 'invalid',
  // unit
  UNIT_NOT_REGISTERED: 'not_found',
  UNIT_ALREADY_REGISTERED: 'conflict',
  UNIT_INACTIVE: 'conflict',
  UNIT_MERGED: 'conflict',
  PARENT_REQUIRED: 'invalid',
  PARENT_NOT_ALLOWED: 'invalid',
  PARENT_LEVEL_MISMATCH: 'invalid',
  PARENT_INACTIVE: 'conflict',
  MERGE_INTO_SELF: 'invalid',
  MERGE_LEVEL_MISMATCH: 'invalid',
  MERGE_TARGET_INACTIVE: 'conflict',
  // assessment
  ASSESSMENT_NOT_OPEN: 'conflict',
  ASSESSMENT_ALREADY_OPEN: 'conflict',
  CRITERIA_VERSION_NOT_NEWER: 'conflict',
  LEVEL_MISMATCH: 'invalid',
  YEAR_MISMATCH: 'invalid',
  LEAF_NOT_FOUND: 'not_found',
  LEAF_KIND_MISMATCH: 'invalid',
  SCORE_ABOVE_MAXIMUM: 'invalid',
  SCORE_BELOW_FLOOR: 'invalid',
  SELF_SCORING_CLOSED: 'conflict',
  SELF_ASSESSMENT_INCOMPLETE: 'conflict',
  APPRAISAL_NOT_STARTED: 'conflict',
  APPRAISAL_CLOSED: 'conflict',
  APPRAISAL_REASON_REQUIRED: 'invalid',
  APPRAISAL_INCOMPLETE: 'conflict',
  APPRAISAL_NOT_FINAL: 'conflict',
  NO_APPRAISAL_TO_OBJECT: 'conflict',
  OBJECTION_ID_TAKEN: 'conflict',
  OBJECTION_NOT_FOUND: 'not_found',
  OBJECTION_ALREADY_DECIDED: 'conflict',
  OBJECTIONS_PENDING: 'conflict',
  ASSESSMENT_ALREADY_APPROVED: 'conflict',
  ASSESSMENT_NOT_APPROVED: 'conflict',
  LEAF_NOT_APPLICABLE: 'conflict',
  GROUP_FIXED_BY_PUBLICATION: 'conflict',
} as const satisfies Record<string, DomainErrorKind>;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_KINDS;
export const DOMAIN_ERROR_CODES = Object.keys(DOMAIN_ERROR_KINDS) as DomainErrorCode[];

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly kind: DomainErrorKind;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.kind = DOMAIN_ERROR_KINDS[code];
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

export function fail(code: DomainErrorCode, message: string, details?: Record<string, unknown>): never {
  throw new DomainError(code, message, details);
}
