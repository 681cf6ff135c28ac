import type { Upcaster } from './upcaster';

/**
 * SelfScoreRecorded v1 stored `points` as a decimal number (12.5) and one `evidence` string.
 * v2 (the domain's current shape) carries `score` in integer hundredths (1250), so sums are exact,
 * `evidenceRefs: string[]`, and the `note` / `previousScore` fields v1 did not have.
 */
export const selfScoreRecordedV1ToV2: Upcaster = {
  eventType: 'SelfScoreRecorded',
  fromSchemaVersion: 1,
  upcast(data, metadata) {
    const { points, evidence, ...rest } = data;
    if (typeof points !== 'number') throw new Error(`SelfScoreRecorded v1 without numeric points: ${JSON.stringify(data)}`);
    return {
      data: { note: null, previousScore: null, ...rest, score: decimalToHundredths(points), evidenceRefs: evidenceRefsOf(evidence) },
      metadata,
    };
  },
};

/** 12.5 → 1250 from the number's shortest decimal text, so 0.29 gives 29, not 28.999999999999996. */
export function decimalToHundredths(value: number): number {
  if (!Number.isFinite(value)) throw new Error(`points must be finite, got ${value}`);
  const text = Math.abs(value).toString();
  if (text.includes('e')) return Math.round(value * 100);
  const [whole, fraction = ''] = text.split('.');
  const hundredths = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  const roundsUp = fraction.length > 2 && Number(fraction[2]) >= 5;
  const magnitude = hundredths + (roundsUp ? 1 : 0);
  return value < 0 ? -magnitude : magnitude;
}

function evidenceRefsOf(evidence: unknown): string[] {
  if (Array.isArray(evidence)) return evidence.map(String);
  if (typeof evidence === 'string' && evidence.trim() !== '') return [evidence];
  return [];
}
