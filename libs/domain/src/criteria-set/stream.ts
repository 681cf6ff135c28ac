import type { AssessedLevel } from '@par-index/scoring';
import { requireNonEmptyId } from '../shared/guards';

/** One stream per criteria set code, holding every version of it (see state.ts). */
export const CRITERIA_SET_STREAM_PREFIX = 'criteria-set-';

/** The conventional code of the set for a year and level: "PAR-2022-province". */
export function criteriaSetCode(year: number, level: AssessedLevel): string {
  return `PAR-${year}-${level}`;
}

export function criteriaSetStreamName(code: string): string {
  return `${CRITERIA_SET_STREAM_PREFIX}${requireNonEmptyId(code, 'code')}`;
}

/** The code from a stream name, or null when the name is not a criteria-set stream. */
export function parseCriteriaSetStreamName(streamName: string): { code: string } | null {
  if (!streamName.startsWith(CRITERIA_SET_STREAM_PREFIX)) return null;
  const code = streamName.slice(CRITERIA_SET_STREAM_PREFIX.length);
  return /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/.test(code) ? { code } : null;
}
