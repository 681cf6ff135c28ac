import { END, START } from '@eventstore/db-client';
import { toReadRevision } from './esdb-reads';

describe('stream read options', () => {
  it('reads forwards from the start and backwards from the end by default', () => {
    expect(toReadRevision({})).toBe(START);
    expect(toReadRevision({ direction: 'forwards' })).toBe(START);
    expect(toReadRevision({ direction: 'backwards' })).toBe(END);
  });

  it('passes explicit starts through', () => {
    expect(toReadRevision({ fromRevision: 'start', direction: 'backwards' })).toBe(START);
    expect(toReadRevision({ fromRevision: 'end' })).toBe(END);
    expect(toReadRevision({ fromRevision: 2n ** 40n })).toBe(2n ** 40n);
  });
});
