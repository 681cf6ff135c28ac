import { requireNonEmptyId, requireYear } from '../shared/guards';

/** One stream per unit and year: `assessment-{unitId}-{year}`. */
export const ASSESSMENT_STREAM_PREFIX = 'assessment-';

export function assessmentStreamName(unitId: string, year: number): string {
  return `${ASSESSMENT_STREAM_PREFIX}${requireNonEmptyId(unitId, 'unitId')}-${requireYear(year, 'year')}`;
}

/** Unit ids may contain "-": the year is the last four-digit segment. */
export function parseAssessmentStreamName(streamName: string): { unitId: string; year: number } | null {
  const match = /^assessment-([A-Za-z0-9][A-Za-z0-9_.:-]*)-(\d{4})$/.exec(streamName);
  return match ? { unitId: match[1], year: Number(match[2]) } : null;
}
