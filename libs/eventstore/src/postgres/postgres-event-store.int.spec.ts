import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';
import { Client } from 'pg';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { makeEvent, makeEvents, sleep } from '../contract/fixtures';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../port';
import { PostgresEventStore } from './postgres-event-store';

describeEventStoreContract('PostgreSQL', async () => {
  const db = await createTestDatabase();
  const store = new PostgresEventStore(db.url, { poolSize: 12 });
  await store.migrate();
  return {
    store,
    cleanup: async () => {
      await store.close();
      await db.drop();
    },
  };
});

describe('PostgresEventStore specifics', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let sql: Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.url, { schema: 'specifics' });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await store.close();
    await db.drop();
  });

  it('migrate is idempotent and safe to run concurrently', async () => {
    const others = [1, 2, 3].map(() => new PostgresEventStore(db.url, { schema: 'specifics' }));
    await Promise.all([store.migrate(), ...others.map((s) => s.migrate())]);
    await Promise.all(others.map((s) => s.close()));
    expect(await store.headPosition()).toBe(-1n);
  });

  it('starts positions at 0 and keeps them in revision order within a batch', async () => {
    const result = await store.appendToStream('unit-1', makeEvents(3), 'no_stream');
    const events = await store.readStream('unit-1');
    expect(events.map((e) => e.position)).toEqual([0n, 1n, 2n]);
    expect(result.position).toBe(2n);
    expect(await store.headPosition()).toBe(2n);
  });

  it('stores int8 columns beyond 2^53 without loss', async () => {
    await sql.query(`SELECT setval('specifics.events_position_seq', 9007199254740993)`);
    const result = await store.appendToStream('unit-big', makeEvents(1), 'no_stream');
    expect(result.position).toBe(9007199254740994n);
    const [event] = await store.readAll({ fromPosition: 9007199254740993n });
    expect(event.position).toBe(9007199254740994n);
    expect(await store.headPosition()).toBe(9007199254740994n);
  });

  it('an event id already stored in another stream is refused, not silently accepted', async () => {
    const event = makeEvent('UnitRegistered');
    await store.appendToStream('unit-a', [event], 'no_stream');
    await expect(store.appendToStream('unit-b', [event], 'any')).rejects.toThrow(/already appended/);
    expect(await store.readStream('unit-b')).toEqual([]);
  });

  it('group commit: a bad request fails alone and concurrent retries of one batch are accepted once', async () => {
    const taken = makeEvent('UnitRegistered');
    await store.appendToStream('group-owner', [taken], 'no_stream');
    const retried = makeEvents(2);
    const outcomes = await Promise.allSettled([
      store.appendToStream('group-1', makeEvents(1), 'no_stream'),
      store.appendToStream('group-2', makeEvents(1), 'no_stream'),
      store.appendToStream('group-3', [makeEvent('X'), taken], 'no_stream'),
      store.appendToStream('group-4', retried, 'no_stream'),
      store.appendToStream('group-4', retried, 'no_stream'),
      store.appendToStream('group-1', makeEvents(1), 0n),
      store.appendToStream('group-2', makeEvents(1), 5n),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
    ]);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdError);
    expect((outcomes[6] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    const [first, again] = outcomes.slice(3, 5) as Array<PromiseFulfilledResult<unknown>>;
    expect(again.value).toEqual(first.value);
    expect(await store.readStream('group-3')).toEqual([]);
    expect((await store.readStream('group-4')).map((e) => e.id)).toEqual(retried.map((e) => e.id));
    expect((await store.readStream('group-1')).map((e) => e.revision)).toEqual([0n, 1n]);
    expect((await store.verify()).ok).toBe(true);
  });

  it('assigns positions in commit order: an append waits for an in-flight position holder', async () => {
    const { rows } = await sql.query<{ key: string }>(`SELECT hashtextextended('par-index.eventstore.specifics.position', 0)::text AS key`);
    const before = await store.headPosition();
    const observed: bigint[] = [];
    const subscription = store.subscribeToAll((e) => void observed.push(e.position), { fromPosition: before });
    await sql.query('BEGIN');
    await sql.query('SELECT pg_advisory_xact_lock($1::bigint)', [rows[0].key]);
    // a slow writer: holds the position lock and inserts, but has not committed yet
    await sql.query(
      `INSERT INTO specifics.events (stream_name, revision, event_id, type, data, metadata, hash, previous_hash)
       VALUES ('slow-writer', 0, gen_random_uuid(), 'Slow', '{}', '{}', 'x', NULL)`,
    );
    let settled = false;
    const fast = store.appendToStream('fast-writer', makeEvents(1), 'no_stream').finally(() => (settled = true));
    await sleep(300);
    expect(settled).toBe(false);
    expect(await store.headPosition()).toBe(before);
    await sql.query('COMMIT');
    const result = await fast;
    const slow = await sql.query<{ position: string }>(`SELECT position::text FROM specifics.events WHERE stream_name = 'slow-writer'`);
    expect(result.position).toBeGreaterThan(BigInt(slow.rows[0].position));
    while (observed.length < 2) await sleep(10);
    await subscription.close();
    expect(observed).toEqual([BigInt(slow.rows[0].position), result.position]);
  });
});
