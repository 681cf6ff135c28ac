import type { EventMetadata } from '../port';
import { selfScoreRecordedV1ToV2, decimalToHundredths } from './self-score-recorded.v1-to-v2';
import { createUpcastChain, type Upcaster } from './upcaster';

const metadata = (schemaVersion: number): EventMetadata => ({
  actorId: 'a',
  actorRole: 'unit-officer',
  occurredAt: '2023-05-01T00:00:00.000Z',
  correlationId: 'c',
  causationId: 'c',
  idempotencyKey: 'k',
  schemaVersion,
});

describe('createUpcastChain', () => {
  it('upgrades a v1 SelfScoreRecorded to v2 and leaves the input untouched', () => {
    const chain = createUpcastChain([selfScoreRecordedV1ToV2]);
    const stored = { data: { criterionId: 'c-1.2', points: 12.5, evidence: 'decision-123.pdf' }, metadata: metadata(1) };
    const snapshot = structuredClone(stored);
    const read = chain('SelfScoreRecorded', stored);
    expect(read.data).toEqual({ criterionId: 'c-1.2', score: 1250, evidenceRefs: ['decision-123.pdf'], note: null, previousScore: null });
    expect(read.metadata.schemaVersion).toBe(2);
    expect(stored).toEqual(snapshot);
  });

  it('leaves current versions and other types alone', () => {
    const chain = createUpcastChain([selfScoreRecordedV1ToV2]);
    const v2 = { data: { points: 1250, evidenceRefs: [] }, metadata: metadata(2) };
    expect(chain('SelfScoreRecorded', v2)).toBe(v2);
    const other = { data: { points: 1.5 }, metadata: metadata(1) };
    expect(chain('UnitRegistered', other)).toBe(other);
  });

  it('applies consecutive steps and owns the version number', () => {
    const step = (from: number, field: string): Upcaster => ({
      eventType: 'E',
      fromSchemaVersion: from,
      upcast: (data, meta) => ({ data: { ...data, [field]: true }, metadata: meta }),
    });
    const chain = createUpcastChain([step(2, 'b'), step(1, 'a')]);
    const read = chain('E', { data: {}, metadata: metadata(1) });
    expect(read).toEqual({ data: { a: true, b: true }, metadata: metadata(3) });
  });

  it('refuses two upcasters for the same step', () => {
    expect(() => createUpcastChain([selfScoreRecordedV1ToV2, selfScoreRecordedV1ToV2])).toThrow(/two upcasters/);
  });
});

describe('decimalToHundredths', () => {
  it.each([
    [12.5, 1250],
    [0.29, 29],
    [55.48, 5548],
    [7, 700],
    [1.005, 101],
    [-2.25, -225],
    [0, 0],
  ])('%p → %p', (points, hundredths) => {
    expect(decimalToHundredths(points)).toBe(hundredths);
  });
});
