import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';
import { Client } from 'pg';
import { collect, makeEvents, sleep } from '../contract/fixtures';
import { waitUntil } from '../contract/subscribe.contract';
import { PostgresEventStore } from './postgres-event-store';

describe('PostgresEventStore subscription wake-up: LISTEN/NOTIFY with polling as the fallback', () => {
  let db: TestDatabase;
  let sql: Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await db.drop();
  });

  const listeners = async (schema: string) =>
    (await sql.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN "${schema}_events"'`)).rows;

  it('a NOTIFY wakes a subscriber long before its poll interval', async () => {
    const store = new PostgresEventStore(db.url, { schema: 'notify_fast', pollIntervalMs: 60_000 });
    const collector = collect(store, await store.headPosition());
    await waitUntil(() => collector.caughtUp);
    const started = Date.now();
    await store.appendToStream('unit-1', makeEvents(1), 'no_stream');
    await collector.waitFor(1, 5_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    await store.close();
  });

  it('polling still delivers events written without a NOTIFY', async () => {
    const store = new PostgresEventStore(db.url, { schema: 'polled', pollIntervalMs: 100 });
    await store.migrate();
    const collector = collect(store, 'start');
    await waitUntil(() => collector.caughtUp);
    await sql.query(
      `INSERT INTO polled.events (stream_name, revision, event_id, type, data, metadata, hash, previous_hash)
       VALUES ('quiet-writer', 0, gen_random_uuid(), 'Quiet', '{}', '{"schemaVersion":1}', 'h', NULL)`,
    );
    await collector.waitFor(1, 5_000);
    expect(collector.events[0].streamName).toBe('quiet-writer');
    await store.close();
  });

  it('survives losing its LISTEN connection and keeps delivering', async () => {
    const store = new PostgresEventStore(db.url, { schema: 'resilient', pollIntervalMs: 200 });
    const collector = collect(store, await store.headPosition());
    await waitUntil(() => collector.caughtUp);
    await store.appendToStream('unit-1', makeEvents(2), 'no_stream');
    await collector.waitFor(2);
    const before = await listeners('resilient');
    expect(before).toHaveLength(1);
    await sql.query('SELECT pg_terminate_backend($1)', [before[0].pid]);
    await sleep(100);
    await store.appendToStream('unit-1', makeEvents(3), 1n);
    await collector.waitFor(5, 10_000);
    expect(collector.events.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
    await store.close();
  });

  it('releases its LISTEN connection when the last subscription closes', async () => {
    const store = new PostgresEventStore(db.url, { schema: 'released', pollIntervalMs: 200 });
    const first = collect(store, 'start');
    const second = collect(store, 'start');
    await waitUntil(() => first.caughtUp && second.caughtUp);
    expect(await listeners('released')).toHaveLength(1);
    await first.subscription.close();
    expect(await listeners('released')).toHaveLength(1);
    await second.subscription.close();
    expect(await listeners('released')).toHaveLength(0);
    await store.close();
  });
});
