/**
 * Names under which assessment events store integer hundredths (scores, points, maxima, totals).
 * Numbers under these names are shown in points; every other value (raw survey values, sample
 * sizes, versions, rounds) is shown as stored.
 */
const HUNDREDTHS_KEYS = new Set([
  'score',
  'previousScore',
  'selfScore',
  'proposedScore',
  'appraisalScore',
  'correctedScore',
  'points',
  'previousPoints',
  'maxTotal',
  'selfScoredTotal',
  'appraised',
  'survey',
  'indicator',
  'total',
  'min',
  'max',
]);

/** A deep copy of stored event data with hundredths shown as points (8693 → 86.93). */
export function eventDataInPoints(value: unknown, key: string | null = null): unknown {
  if (typeof value === 'number') return key !== null && HUNDREDTHS_KEYS.has(key) ? value / 100 : value;
  if (Array.isArray(value)) return value.map((item) => eventDataInPoints(item, null));
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [name, inner] of Object.entries(value)) {
      Object.defineProperty(copy, name, { value: eventDataInPoints(inner, name), enumerable: true, writable: true, configurable: true });
    }
    return copy;
  }
  return value;
}
