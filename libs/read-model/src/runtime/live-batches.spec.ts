import { LiveBatches } from './live-batches';
import type { ProjectedEvent } from './projection';

const event = (position: number): ProjectedEvent => ({
  type: 'SelfScoreRecorded',
  data: {},
  streamName: 'assessment-a-2024',
  revision: BigInt(position),
  position: BigInt(position),
  metadata: { actorId: 'a', actorRole: 'admin', occurredAt: '2026-11-23T00:00:00Z' },
});

describe('LiveBatches', () => {
  it('given events arriving while a batch is applied, then the next batch takes all of them, in order, up to the maximum', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (release = resolve));
    const live = new LiveBatches(
      async (batch) => {
        batches.push(batch.map((e) => Number(e.position)));
        if (batches.length === 1) await first;
      },
      3,
      () => undefined,
    );
    await live.push(event(1));
    for (const position of [2, 3, 4, 5]) await live.push(event(position));
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await live.settled();
    expect(batches).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('given a batch that fails, then the queue is dropped, onFailure is called once and later events are ignored', async () => {
    const applied: number[] = [];
    let failures = 0;
    const live = new LiveBatches(
      async (batch) => {
        applied.push(...batch.map((e) => Number(e.position)));
        throw new Error('poison');
      },
      10,
      () => (failures += 1),
    );
    await live.push(event(1));
    await live.settled();
    await live.push(event(2));
    await live.settled();
    expect({ applied, failures }).toEqual({ applied: [1], failures: 1 });
  });
});
