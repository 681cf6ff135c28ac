import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';
import { Client } from 'pg';
import { makeEvents } from '../contract/fixtures';
import { computeEventHash } from '../hash-chain';
import { PostgresEventStore } from './postgres-event-store';

/** Tampering goes around the store, straight to the rows, as someone with database access could. */
describe('PostgresEventStore hash chain against direct edits in PostgreSQL', () => {
  let db: TestDatabase;
  let sql: Client;
  let schemaCount = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await db.drop();
  });

  /** A store in its own schema with streams a-unit (5 events), b-unit (5) and c-unit (3). */
  async function seededStore(): Promise<{ store: PostgresEventStore; schema: string }> {
    const schema = `tamper_${++schemaCount}`;
    const store = new PostgresEventStore(db.url, { schema });
    await store.appendToStream('a-unit', makeEvents(5), 'no_stream');
    await store.appendToStream('b-unit', makeEvents(3), 'no_stream');
    await store.appendToStream('c-unit', makeEvents(3), 'no_stream');
    await store.appendToStream('b-unit', makeEvents(2), 2n);
    expect((await store.verify()).ok).toBe(true);
    return { store, schema };
  }

  async function tamper(schema: string, statement: string): Promise<void> {
    await sql.query(`ALTER TABLE ${schema}.events DISABLE TRIGGER events_append_only`);
    await sql.query(statement);
    await sql.query(`ALTER TABLE ${schema}.events ENABLE TRIGGER events_append_only`);
  }

  it('refuses UPDATE, DELETE and TRUNCATE on the events table through the ordinary path', async () => {
    const { store, schema } = await seededStore();
    await expect(sql.query(`UPDATE ${schema}.events SET data = '{}'`)).rejects.toThrow(/append-only/);
    await expect(sql.query(`DELETE FROM ${schema}.events`)).rejects.toThrow(/append-only/);
    await expect(sql.query(`TRUNCATE ${schema}.events`)).rejects.toThrow(/append-only/);
    await store.close();
  });

  it('an edited event data field is reported at that stream and revision', async () => {
    const { store, schema } = await seededStore();
    await tamper(schema, `UPDATE ${schema}.events SET data = jsonb_set(data, '{n}', '99') WHERE stream_name = 'b-unit' AND revision = 3`);
    const whole = await store.verify();
    expect(whole.ok).toBe(false);
    expect(whole.firstBrokenLink).toEqual({ streamName: 'b-unit', revision: 3n, reason: expect.stringMatching(/altered/) });
    expect(whole.streamsChecked).toBe(2);
    expect((await store.verify('b-unit')).firstBrokenLink).toMatchObject({ streamName: 'b-unit', revision: 3n });
    expect(await store.verify('a-unit')).toMatchObject({ ok: true, eventsChecked: 5 });
    expect(await store.verify('c-unit')).toMatchObject({ ok: true, eventsChecked: 3 });
    await store.close();
  });

  it('edited metadata or type is reported too', async () => {
    const { store, schema } = await seededStore();
    await tamper(
      schema,
      `UPDATE ${schema}.events SET metadata = metadata || '{"actorId":"someone-else"}' WHERE stream_name = 'c-unit' AND revision = 0`,
    );
    expect((await store.verify()).firstBrokenLink).toMatchObject({ streamName: 'c-unit', revision: 0n });
    await tamper(schema, `UPDATE ${schema}.events SET type = 'Forged' WHERE stream_name = 'a-unit' AND revision = 4`);
    expect((await store.verify()).firstBrokenLink).toMatchObject({ streamName: 'a-unit', revision: 4n });
    await store.close();
  });

  it('an edit whose hash was recomputed by the forger breaks the link to the next event', async () => {
    const { store, schema } = await seededStore();
    const [original] = await store.readStream('a-unit', { fromRevision: 1n, maxCount: 1 });
    const forgedData = { n: 42 };
    const forgedHash = computeEventHash(original.previousHash, { ...original, data: forgedData });
    await tamper(
      schema,
      `UPDATE ${schema}.events SET data = '${JSON.stringify(forgedData)}', hash = '${forgedHash}' WHERE stream_name = 'a-unit' AND revision = 1`,
    );
    const report = await store.verify('a-unit');
    expect(report.firstBrokenLink).toEqual({
      streamName: 'a-unit',
      revision: 2n,
      reason: 'previous_hash does not match the preceding event',
    });
    await store.close();
  });

  it('a deleted event in the middle or at the end of a stream is reported', async () => {
    const { store, schema } = await seededStore();
    await tamper(schema, `DELETE FROM ${schema}.events WHERE stream_name = 'b-unit' AND revision = 1`);
    expect((await store.verify()).firstBrokenLink).toEqual({ streamName: 'b-unit', revision: 1n, reason: 'revision 1 is missing' });
    await tamper(schema, `DELETE FROM ${schema}.events WHERE stream_name = 'a-unit' AND revision = 4`);
    expect((await store.verify('a-unit')).firstBrokenLink).toMatchObject({
      streamName: 'a-unit',
      revision: 4n,
      reason: expect.stringMatching(/missing/),
    });
    await tamper(schema, `DELETE FROM ${schema}.events WHERE stream_name = 'c-unit'`);
    expect((await store.verify('c-unit')).firstBrokenLink).toMatchObject({ streamName: 'c-unit', revision: 0n });
    await store.close();
  });
});
