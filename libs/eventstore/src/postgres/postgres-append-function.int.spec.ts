import { provisionLoginRoles } from '@par-index/config';
import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';
import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { makeEvents } from '../contract/fixtures';
import { WrongExpectedRevisionError } from '../port';
import { PostgresEventStore } from './postgres-event-store';

/** Two stores on one schema stand for two processes: each one's cached stream heads go stale. */
describe('PostgreSQL append function and cached stream heads (real PostgreSQL)', () => {
  const key = randomBytes(32);
  let db: TestDatabase;
  let sql: Client;
  let schemaCount = 0;
  const open: PostgresEventStore[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await Promise.all(open.map((s) => s.close()));
    await sql.end();
    await db.drop();
  });

  function stores(count: number, url = db.url): PostgresEventStore[] {
    const schema = `heads_${++schemaCount}`;
    const created = Array.from({ length: count }, () => new PostgresEventStore(url, { schema, hmacKey: key }));
    open.push(...created);
    return created;
  }

  it('given another process appended, then an append with the right revision succeeds and a stale one conflicts with the actual revision', async () => {
    const [a, b] = stores(2);
    await a.appendToStream('shared', makeEvents(2), 'no_stream');
    await b.readStream('shared');
    await b.appendToStream('shared', makeEvents(3), 1n);
    expect(await a.appendToStream('shared', makeEvents(1), 4n)).toMatchObject({ nextExpectedRevision: 5n });
    await expect(a.appendToStream('shared', makeEvents(1), 3n)).rejects.toMatchObject({ actual: 5n });
    await b.appendToStream('shared', makeEvents(1), 'any'); // b's head (4) is stale too
    await expect(b.appendToStream('shared', makeEvents(1), 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await a.appendToStream('shared', makeEvents(1), 'stream_exists')).toMatchObject({ nextExpectedRevision: 7n });
    const events = await b.readStream('shared');
    expect(events.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n]);
    expect(events.slice(1).every((e, i) => e.previousHash === events[i].hash)).toBe(true);
    expect(await a.verify()).toMatchObject({ ok: true, eventsChecked: 8 });
  });

  it('given racing writers in two processes on the same streams with any, then every event is stored once on an unbroken chain', async () => {
    const [a, b] = stores(2);
    const streams = ['hot-1', 'hot-2', 'hot-3'];
    const writer = (store: PostgresEventStore, w: number) => async () => {
      for (let i = 0; i < 20; i++) await store.appendToStream(streams[(w + i) % streams.length], makeEvents(1 + (i % 2)), 'any');
    };
    await Promise.all([0, 1, 2, 3].flatMap((w) => [writer(a, w)(), writer(b, w)()]));
    const total = (await Promise.all(streams.map((s) => a.readStream(s)))).map((events) => {
      expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => BigInt(i)));
      return events.length;
    });
    expect(total.reduce((x, y) => x + y)).toBe(8 * (10 * 1 + 10 * 2));
    expect(await b.verify()).toMatchObject({ ok: true, eventsChecked: 240 });
  });

  it('given another process wins the stream before every optimistic try, then the append locks the head and gets through', async () => {
    const schema = `heads_${++schemaCount}`;
    const competitor = new PostgresEventStore(db.url, { schema, hmacKey: key });
    open.push(competitor);
    await competitor.appendToStream('contested', makeEvents(1), 'no_stream');
    const pool = new Pool({ connectionString: db.url, max: 4 });
    let interleaved = 0;
    const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
    // the other process appends right before each of our one-statement tries (the locked try runs on a client)
    (pool as unknown as { query: typeof query }).query = async (...args: unknown[]) => {
      const text = typeof args[0] === 'object' ? (args[0] as { text: string }).text : String(args[0]);
      if (text.includes('append_events')) {
        interleaved += 1;
        await competitor.appendToStream('contested', makeEvents(1), 'any');
      }
      return query(...args);
    };
    const store = new PostgresEventStore(pool, { schema, hmacKey: key });
    try {
      const result = await store.appendToStream('contested', makeEvents(1), 'any');
      expect(interleaved).toBe(3);
      expect(result.nextExpectedRevision).toBe(4n); // 1 + 3 competing appends before it
      expect(await store.verify('contested')).toMatchObject({ ok: true, eventsChecked: 5 });
    } finally {
      await store.close();
      await pool.end();
    }
  });

  it('given a stream head moved back by someone with database access, then the next append chains from the actual head', async () => {
    const [store] = stores(1);
    await store.appendToStream('rewound', makeEvents(5), 'no_stream'); // the store caches revision 4
    const schema = `heads_${schemaCount}`;
    const [third] = await store.readStream('rewound', { fromRevision: 3n, maxCount: 1 });
    await sql.query(`ALTER TABLE ${schema}.events DISABLE TRIGGER USER`);
    await sql.query(`DELETE FROM ${schema}.events WHERE stream_name = 'rewound' AND revision = 4`);
    await sql.query(`ALTER TABLE ${schema}.events ENABLE TRIGGER USER`);
    await sql.query(`UPDATE ${schema}.streams SET revision = 3, last_hash = $1 WHERE stream_name = 'rewound'`, [third.hash]);
    await store.appendToStream('rewound', makeEvents(1), 3n);
    const [replaced] = await store.readStream('rewound', { fromRevision: 4n });
    expect(replaced.previousHash).toBe(third.hash);
    expect(await store.verify('rewound')).toMatchObject({ ok: true, eventsChecked: 5 });
  });

  it('only the writer role may execute the append function; a least-privileged store appends through it', async () => {
    const [owner] = stores(1);
    await owner.migrate(); // creates the group roles the login roles join
    await provisionLoginRoles(db.url, db.roleUrls, ['writer', 'projector']);
    const schema = `heads_${schemaCount}`;
    const writer = new PostgresEventStore(db.roleUrls.writer, { schema, hmacKey: key, migrateOnFirstUse: false });
    open.push(writer);
    await writer.appendToStream('by-writer', makeEvents(2), 'no_stream');
    await expect(writer.appendToStream('by-writer', makeEvents(1), 0n)).rejects.toMatchObject({ actual: 1n });
    expect(await owner.verify()).toMatchObject({ ok: true, eventsChecked: 2 });
    const projector = new Client({ connectionString: db.roleUrls.projector });
    await projector.connect();
    try {
      await expect(
        projector.query(
          `SELECT * FROM ${schema}.append_events('{x}', '{-1}', '{NULL}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}')`,
        ),
      ).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/permission denied for function append_events/) });
    } finally {
      await projector.end();
    }
  });

  it('migrate skips an applied migration, and applies it again when an append-only trigger was disabled', async () => {
    const [first] = stores(1);
    await first.appendToStream('guarded', makeEvents(1), 'no_stream');
    const schema = `heads_${schemaCount}`;
    await sql.query(`ALTER TABLE ${schema}.events DISABLE TRIGGER events_append_only`);
    const second = new PostgresEventStore(db.url, { schema });
    open.push(second);
    await second.migrate();
    await expect(sql.query(`DELETE FROM ${schema}.events`)).rejects.toThrow(/append-only/);
  });
});
