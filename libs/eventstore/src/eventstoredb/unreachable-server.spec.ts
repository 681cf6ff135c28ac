import { createServer } from 'node:net';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/** A port nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('EventStoreDbEventStore without a reachable server', () => {
  let store: EventStoreDbEventStore;
  const logs: string[] = [];
  beforeAll(async () => {
    const port = await closedPort();
    store = new EventStoreDbEventStore(`esdb://127.0.0.1:${port}?tls=false`, {
      logger: (m) => void logs.push(m),
      backoff: { initialMs: 10, maxMs: 40, jitter: 0 },
    });
  });
  afterAll(() => store.close());

  it('rejects reads and appends with the client error instead of hanging', async () => {
    await expect(store.headPosition()).rejects.toThrow();
    await expect(store.readStream('unit-1')).rejects.toThrow();
    await expect(
      store.appendToStream(
        'unit-1',
        [
          {
            id: '0b6b3c3e-79a4-4a5e-9b0e-5f6f0c7c1d2e',
            type: 'T',
            data: {},
            metadata: {
              actorId: 'a',
              actorRole: 'r',
              occurredAt: '2024-01-01T00:00:00.000Z',
              correlationId: 'c',
              causationId: 'k',
              idempotencyKey: 'i',
              schemaVersion: 1,
            },
          },
        ],
        'any',
      ),
    ).rejects.toThrow();
  }, 30_000);

  it('keeps resubscribing with backoff, and close() ends it without onError', async () => {
    const onError = jest.fn();
    const subscription = store.subscribeToAll(() => undefined, { onError });
    const deadline = Date.now() + 20_000;
    while (logs.filter((l) => l.includes('resubscribing')).length < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(logs.filter((l) => l.includes('resubscribing')).length).toBeGreaterThanOrEqual(2);
    await subscription.close();
    expect(onError).not.toHaveBeenCalled();
  }, 30_000);
});
