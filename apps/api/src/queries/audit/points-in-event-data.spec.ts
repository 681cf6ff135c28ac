import { eventDataInPoints } from './points-in-event-data';

describe('event data shown in points', () => {
  it('given stored hundredths, then scores, points and totals are shown in points and raw values stay as stored', () => {
    expect(
      eventDataInPoints({
        leafCode: 'F1',
        score: 8693,
        previousScore: null,
        rawValue: 75.44,
        sampleSize: 486,
        survey: 'SIPAS',
        points: 302,
      }),
    ).toEqual({
      leafCode: 'F1',
      score: 86.93,
      previousScore: null,
      rawValue: 75.44,
      sampleSize: 486,
      survey: 'SIPAS',
      points: 3.02,
    });
    expect(eventDataInPoints({ totals: { appraised: 5548, survey: 2909, indicator: 236, total: 8693 }, approvalRound: 2 })).toEqual({
      totals: { appraised: 55.48, survey: 29.09, indicator: 2.36, total: 86.93 },
      approvalRound: 2,
    });
    expect(eventDataInPoints({ flaggedLeaves: [{ leafCode: 'B', min: 0, max: 50, selfScore: 80, appraisalScore: null }] })).toEqual({
      flaggedLeaves: [{ leafCode: 'B', min: 0, max: 0.5, selfScore: 0.8, appraisalScore: null }],
    });
  });

  it('given a key named like an Object.prototype member, then it is copied as data', () => {
    const copy = eventDataInPoints(JSON.parse('{"__proto__": {"score": 100}, "constructor": 5}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, '__proto__')).toBe(true);
    expect(copy.constructor).toBe(5);
  });
});
