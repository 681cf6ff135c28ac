import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';
import type { Decider } from '@par-index/domain';
import { createEventStore, type EventStore } from '@par-index/eventstore';
import { AggregateCache } from './aggregate-cache';

type Added = { type: 'Added'; data: { n: number } };
const sum: Decider<never, Added, number> = { initialState: () => 0, evolve: (state, event) => state + event.data.n, decide: () => [] };

describe('AggregateCache (real PostgreSQL event store)', () => {
  let db: TestDatabase;
  let store: EventStore;
  const add = (stream: string, ...ns: number[]) =>
    store.appendToStream(
      stream,
      ns.map((n) => ({
        id: randomUUID(),
        type: 'Added',
        data: { n },
        metadata: {
          actorId: 't',
          actorRole: 'admin',
          occurredAt: '2026-11-23T00:00:00Z',
          correlationId: 'c',
          causationId: 'c',
          idempotencyKey: randomUUID(),
          schemaVersion: 1,
        },
      })),
      'any',
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    store = createEventStore({ databaseUrl: db.url });
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('given a folded stream, when more events are appended, then the next load reads only those and folds them onto the cached state', async () => {
    const cache = new AggregateCache(sum);
    await add('sum-a', 1, 2, 3);
    expect(await cache.load(store, 'sum-a')).toBe(6);
    const reads = jest.spyOn(store, 'readStream');
    expect(await cache.load(store, 'sum-a')).toBe(6);
    expect(reads).toHaveBeenLastCalledWith('sum-a', { fromRevision: 3n });
    await add('sum-a', 10);
    expect(await cache.load(store, 'sum-a')).toBe(16);
    expect(reads).toHaveBeenLastCalledWith('sum-a', { fromRevision: 3n });
    expect(await cache.load(store, 'sum-a')).toBe(16);
    expect(reads).toHaveBeenLastCalledWith('sum-a', { fromRevision: 4n });
    reads.mockRestore();
  });

  it('given a stream that does not exist yet, then the initial state, and nothing is cached until it has events', async () => {
    const cache = new AggregateCache(sum);
    expect(await cache.load(store, 'sum-new')).toBe(0);
    await add('sum-new', 5);
    expect(await cache.load(store, 'sum-new')).toBe(5);
  });
});
