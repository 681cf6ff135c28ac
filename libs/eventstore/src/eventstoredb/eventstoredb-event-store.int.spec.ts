import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { makeEvent, makeEvents, uniquePrefix } from '../contract/fixtures';
import { EventTooLargeError } from './append-batching';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { HASH_METADATA_KEY, PREVIOUS_HASH_METADATA_KEY } from './hash-metadata';

const url = process.env.EVENTSTORE_URL;

if (!url) {
  const line = 'SKIPPED: EventStoreDB contract suite — set EVENTSTORE_URL=esdb://localhost:2113?tls=false to run it';
  process.stderr.write(`\n*** ${line} ***\n\n`);
  console.warn(line);
  describe.skip(`EventStore contract: EventStoreDB (${line})`, () => {
    it('needs a running EventStoreDB', () => undefined);
  });
} else {
  const connectionString = url;

  describeEventStoreContract('EventStoreDB', async () => {
    const store = new EventStoreDbEventStore(connectionString);
    return { store, cleanup: () => store.close() };
  });

  describe('EventStoreDbEventStore specifics', () => {
    const logs: string[] = [];
    let store: EventStoreDbEventStore;
    let raw: EventStoreDBClient;
    beforeAll(() => {
      store = new EventStoreDbEventStore(connectionString, { logger: (m) => void logs.push(m) });
      raw = EventStoreDBClient.connectionString(connectionString);
    });
    afterAll(async () => {
      await store.close();
      await raw.dispose();
    });

    it('keeps the hash chain in the stored metadata and hides it from callers', async () => {
      const stream = uniquePrefix('esdb-hash');
      await store.appendToStream(stream, makeEvents(2), 'no_stream');
      const stored = [];
      for await (const resolved of raw.readStream(stream)) stored.push(resolved.event);
      const read = await store.readStream(stream);
      expect(stored).toHaveLength(2);
      const metadata = stored.map((e) => e?.metadata as Record<string, unknown>);
      expect(metadata[0][HASH_METADATA_KEY]).toBe(read[0].hash);
      expect(metadata[0][PREVIOUS_HASH_METADATA_KEY]).toBeNull();
      expect(metadata[1][PREVIOUS_HASH_METADATA_KEY]).toBe(read[0].hash);
      expect(read[1].metadata).not.toHaveProperty(HASH_METADATA_KEY);
      expect(read[1].metadata).not.toHaveProperty(PREVIOUS_HASH_METADATA_KEY);
    });

    it('splits a batch above 1 MiB into several requests that continue one chain', async () => {
      const stream = uniquePrefix('esdb-split');
      const big = 'x'.repeat(200_000);
      const events = Array.from({ length: 12 }, (_, i) => makeEvent('Bulky', { i, big }));
      const result = await store.appendToStream(stream, events, 'no_stream');
      expect(result.nextExpectedRevision).toBe(11n);
      expect(logs.some((l) => l.includes(stream) && /split into \d+ requests/.test(l))).toBe(true);
      const read = await store.readStream(stream);
      expect(read.map((e) => e.id)).toEqual(events.map((e) => e.id));
      expect(read[11].position).toBe(result.position);
      expect(await store.verify(stream)).toMatchObject({ ok: true, eventsChecked: 12 });
      // replaying the whole split batch is still idempotent
      expect(await store.appendToStream(stream, events, 'no_stream')).toEqual(result);
    });

    it('refuses a single event above the request limit', async () => {
      const stream = uniquePrefix('esdb-huge');
      await expect(store.appendToStream(stream, [makeEvent('Huge', { big: 'x'.repeat(1_100_000) })], 'no_stream')).rejects.toThrow(
        EventTooLargeError,
      );
      expect(await store.readStream(stream)).toEqual([]);
    });

    it('reports an event written around the adapter as a broken link', async () => {
      const stream = uniquePrefix('esdb-tamper');
      await store.appendToStream(stream, makeEvents(2), 'no_stream');
      await raw.appendToStream(stream, jsonEvent({ type: 'Forged', data: { evil: true } }), { expectedRevision: 1n });
      expect(await store.verify(stream)).toMatchObject({
        ok: false,
        eventsChecked: 3,
        firstBrokenLink: { streamName: stream, revision: 2n, reason: 'hash missing from metadata' },
      });
    });
  });
}
