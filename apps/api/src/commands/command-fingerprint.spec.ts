import { commandFingerprint } from './command-fingerprint';

describe('commandFingerprint', () => {
  it('is independent of key order and undefined fields, and sensitive to every value', () => {
    const a = commandFingerprint('ExecuteAssessmentCommand', {
      unitId: 'u1',
      year: 2024,
      request: { type: 'RecordSelfScore', leafCode: 'A1', score: 100, note: undefined },
    });
    const b = commandFingerprint('ExecuteAssessmentCommand', {
      request: { score: 100, leafCode: 'A1', type: 'RecordSelfScore' },
      year: 2024,
      unitId: 'u1',
    });
    expect(a).toBe(b);
    expect(
      commandFingerprint('ExecuteAssessmentCommand', {
        unitId: 'u1',
        year: 2024,
        request: { type: 'RecordSelfScore', leafCode: 'A1', score: 101 },
      }),
    ).not.toBe(a);
    expect(
      commandFingerprint('ExecuteUnitCommand', {
        unitId: 'u1',
        year: 2024,
        request: { type: 'RecordSelfScore', leafCode: 'A1', score: 100 },
      }),
    ).not.toBe(a);
  });
});
