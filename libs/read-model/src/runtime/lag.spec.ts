import type { EventStore, RecordedEvent } from '@par-index/eventstore';
import { measureLag } from './lag';

function storeWith(positions: { position: bigint; recordedAt: string }[]): EventStore {
  return {
    headPosition: async () => positions.at(-1)?.position ?? -1n,
    readAll: async ({ fromPosition }: { fromPosition?: bigint | 'start' } = {}) =>
      positions
        .filter((p) => fromPosition === 'start' || fromPosition === undefined || p.position > fromPosition)
        .map((p) => ({ position: p.position, recordedAt: new Date(p.recordedAt) }) as RecordedEvent),
  } as unknown as EventStore;
}

describe('measureLag', () => {
  const log = [
    { position: 0n, recordedAt: '2024-03-01T08:00:00.000Z' },
    { position: 1n, recordedAt: '2024-03-01T08:00:10.000Z' },
    { position: 2n, recordedAt: '2024-03-01T08:00:20.000Z' },
  ];
  const now = new Date('2024-03-01T08:00:30.000Z');

  it('given a checkpoint at the head, then there is no lag', async () => {
    expect(await measureLag(storeWith(log), 2n, now)).toEqual({ head: 2n, events: 0n, seconds: 0 });
  });

  it('given a checkpoint behind, then the lag counts positions and the age of the oldest unapplied event', async () => {
    expect(await measureLag(storeWith(log), 0n, now)).toEqual({ head: 2n, events: 2n, seconds: 20 });
    expect(await measureLag(storeWith(log), -1n, now)).toEqual({ head: 2n, events: 3n, seconds: 30 });
  });
});
