import { DEFAULT_BACKOFF, backoffDelayMs, hasCaughtUp, resumePosition, shouldDeliver, type BackoffOptions } from './resubscribe-policy';

const noJitter: BackoffOptions = { ...DEFAULT_BACKOFF, jitter: 0 };

describe('resubscribe policy', () => {
  it('backs off exponentially from 100 ms to a 5 s cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffDelayMs(n, noJitter))).toEqual([
      100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000,
    ]);
  });

  it('jitters downwards only, deterministically with an injected random source', () => {
    const options = { ...DEFAULT_BACKOFF, jitter: 0.5, random: () => 1 };
    expect(backoffDelayMs(3, options)).toBe(400);
    expect(backoffDelayMs(3, { ...options, random: () => 0 })).toBe(800);
    expect(backoffDelayMs(10, { ...options, random: () => 0.5 })).toBe(3750);
    expect(backoffDelayMs(-3, noJitter)).toBe(100);
  });

  it('resumes from the furthest of start, last delivered and last checkpoint', () => {
    expect(resumePosition({ fromPosition: 'start', lastDelivered: null, lastCheckpoint: null })).toBe('start');
    expect(resumePosition({ fromPosition: 50n, lastDelivered: null, lastCheckpoint: null })).toBe(50n);
    expect(resumePosition({ fromPosition: 50n, lastDelivered: 70n, lastCheckpoint: 60n })).toBe(70n);
    expect(resumePosition({ fromPosition: 'start', lastDelivered: 70n, lastCheckpoint: 2n ** 63n })).toBe(2n ** 63n);
  });

  it('never delivers an event twice or before the start', () => {
    const progress = { fromPosition: 10n, lastDelivered: 20n, lastCheckpoint: 100n } as const;
    expect(shouldDeliver(20n, progress)).toBe(false);
    expect(shouldDeliver(15n, progress)).toBe(false);
    expect(shouldDeliver(21n, progress)).toBe(true);
    expect(shouldDeliver(10n, { fromPosition: 10n, lastDelivered: null, lastCheckpoint: null })).toBe(false);
    expect(shouldDeliver(0n, { fromPosition: 'start', lastDelivered: null, lastCheckpoint: null })).toBe(true);
  });

  it('is caught up when the server says so, when nothing matched, or once the start target is reached', () => {
    const base = { fromPosition: 'start' as const, lastDelivered: null, lastCheckpoint: null, serverCaughtUp: false };
    expect(hasCaughtUp({ ...base, target: -1n })).toBe(true);
    expect(hasCaughtUp({ ...base, target: 40n })).toBe(false);
    expect(hasCaughtUp({ ...base, target: 40n, serverCaughtUp: true })).toBe(true);
    expect(hasCaughtUp({ ...base, target: 40n, lastDelivered: 39n })).toBe(false);
    expect(hasCaughtUp({ ...base, target: 40n, lastDelivered: 40n })).toBe(true);
    expect(hasCaughtUp({ ...base, target: 40n, lastCheckpoint: 41n })).toBe(true);
    expect(hasCaughtUp({ ...base, fromPosition: 40n, target: 40n })).toBe(true);
  });
});
