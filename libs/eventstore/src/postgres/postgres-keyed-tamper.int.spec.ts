import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';
import { Client } from 'pg';
import { makeEvents } from '../contract/fixtures';
import { computeEventHash } from '../hash-chain';
import { PostgresEventStore } from './postgres-event-store';

/**
 * Someone with full database access (superuser: triggers off, any row, any sequence) but without
 * the HMAC key and the anchor file tries to rewrite or truncate history.
 */
describe('keyed hash chain and signed head anchors against a superuser (real PostgreSQL)', () => {
  const key = randomBytes(32);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'par-index-anchors-'));
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
    rmSync(folder, { recursive: true, force: true });
  });

  /** a-unit (5 events), c-unit (3), then b-unit (5, the newest) and an anchor of that head. */
  async function seededStore(options: { anchor?: boolean } = {}) {
    const schema = `keyed_${++schemaCount}`;
    const anchorFile = path.join(folder, `${schema}.jsonl`);
    const store = new PostgresEventStore(db.url, { schema, hmacKey: key, anchorFile });
    await store.appendToStream('a-unit', makeEvents(5), 'no_stream');
    await store.appendToStream('c-unit', makeEvents(3), 'no_stream');
    await store.appendToStream('b-unit', makeEvents(3), 'no_stream');
    await store.appendToStream('b-unit', makeEvents(2), 2n);
    const anchor = options.anchor === false ? undefined : await store.writeAnchor(new Date('2024-03-01T08:00:00Z'));
    expect(await store.verify()).toMatchObject({ ok: true, eventsChecked: 13 });
    return { store, schema, anchorFile, anchor };
  }

  async function asSuperuser(schema: string, statements: string[]): Promise<void> {
    await sql.query(`ALTER TABLE ${schema}.events DISABLE TRIGGER USER`);
    for (const statement of statements) await sql.query(statement);
    await sql.query(`ALTER TABLE ${schema}.events ENABLE TRIGGER USER`);
  }

  /** Rewrites one event's data, then recomputes every hash after it and the stream head, as a forger would. */
  async function forge(store: PostgresEventStore, schema: string, stream: string, revision: bigint, forgerKey?: Buffer) {
    const events = await store.readStream(stream);
    const statements: string[] = [];
    let previous = events[Number(revision)]!.previousHash;
    for (const event of events.slice(Number(revision))) {
      const data = event.revision === revision ? { n: 42 } : event.data;
      const hash = computeEventHash(previous, { ...event, data }, forgerKey);
      statements.push(
        `UPDATE ${schema}.events SET data = '${JSON.stringify(data)}', hash = '${hash}', previous_hash = ${previous === null ? 'NULL' : `'${previous}'`}
         WHERE stream_name = '${stream}' AND revision = ${event.revision}`,
      );
      previous = hash;
    }
    statements.push(`UPDATE ${schema}.streams SET last_hash = '${previous}' WHERE stream_name = '${stream}'`);
    await asSuperuser(schema, statements);
  }

  it('stores keyed hashes, marked with the chain version', async () => {
    const { store } = await seededStore();
    const [first] = await store.readStream('a-unit');
    expect(first!.hash).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    await store.close();
  });

  it('given an event rewritten and every later hash recomputed without the key, then verify names that stream and revision', async () => {
    const { store, schema } = await seededStore();
    await forge(store, schema, 'a-unit', 2n);
    const report = await store.verify();
    expect(report.ok).toBe(false);
    expect(report.firstBrokenLink).toMatchObject({ streamName: 'a-unit', revision: 2n, reason: expect.stringMatching(/unkeyed/) });
    expect((await store.verify('a-unit')).firstBrokenLink).toMatchObject({ streamName: 'a-unit', revision: 2n });
    await store.close();
  });

  it('given an event rewritten and every later hash recomputed with a wrong key, then verify names that stream and revision', async () => {
    const { store, schema } = await seededStore();
    await forge(store, schema, 'c-unit', 1n, randomBytes(32));
    expect((await store.verify()).firstBrokenLink).toMatchObject({
      streamName: 'c-unit',
      revision: 1n,
      reason: expect.stringMatching(/altered/),
    });
    await store.close();
  });

  it('given a whole stream re-hashed from genesis without the key, then its first event is named', async () => {
    const { store, schema } = await seededStore();
    await forge(store, schema, 'b-unit', 0n);
    expect((await store.verify()).firstBrokenLink).toMatchObject({
      streamName: 'b-unit',
      revision: 0n,
      reason: expect.stringMatching(/unkeyed/),
    });
    await store.close();
  });

  it('given the newest events deleted and the head and sequence rewound, then verify reports the truncation against the last anchor', async () => {
    const { store, schema, anchor } = await seededStore();
    expect(anchor).toMatchObject({ streamName: 'b-unit', revision: '4', events: 13, streams: 3 });
    const [b2] = await store.readStream('b-unit', { fromRevision: 2n, maxCount: 1 });
    await asSuperuser(schema, [
      `DELETE FROM ${schema}.events WHERE stream_name = 'b-unit' AND revision > 2`,
      `UPDATE ${schema}.streams SET revision = 2, last_hash = '${b2!.hash}' WHERE stream_name = 'b-unit'`,
      `SELECT setval('${schema}.events_position_seq', ${b2!.position})`,
    ]);
    const report = await store.verify();
    expect(report.ok).toBe(false);
    expect(report.firstBrokenLink).toMatchObject({
      streamName: 'b-unit',
      revision: 4n,
      reason: 'truncated',
      anchoredPosition: BigInt(anchor!.position),
      headPosition: b2!.position,
    });
    expect(report.anchor).toEqual({ position: BigInt(anchor!.position), anchoredAt: '2024-03-01T08:00:00.000Z' });
    // the chain alone no longer shows it: only the anchor outside the database does
    expect((await store.verify('b-unit')).ok).toBe(true);
    await expect(store.writeAnchor()).rejects.toThrow(/refusing to anchor.*truncated/);
    await store.close();
  });

  it('given the newest events of an older stream deleted (below the anchored head), then the truncation is reported too', async () => {
    const { store, schema, anchor } = await seededStore();
    const [a3] = await store.readStream('a-unit', { fromRevision: 3n, maxCount: 1 });
    await asSuperuser(schema, [
      `DELETE FROM ${schema}.events WHERE stream_name = 'a-unit' AND revision = 4`,
      `UPDATE ${schema}.streams SET revision = 3, last_hash = '${a3!.hash}' WHERE stream_name = 'a-unit'`,
    ]);
    expect((await store.verify()).firstBrokenLink).toMatchObject({
      reason: 'truncated',
      anchoredPosition: BigInt(anchor!.position),
      detail: expect.stringMatching(/13 events in 3 streams were anchored, 12 in 3 remain/),
    });
    await store.close();
  });

  it('given the anchor file edited to match a truncated store, then its signature fails', async () => {
    const { store, anchorFile } = await seededStore();
    const edited = readFileSync(anchorFile, 'utf8').replace('"events":13', '"events":12');
    writeFileSync(anchorFile, edited);
    expect((await store.verify()).firstBrokenLink).toMatchObject({ reason: expect.stringMatching(/invalid signature/) });
    await store.close();
  });

  it('appends after the last anchor are not covered until the next anchor (documented limit); anchoring again covers them', async () => {
    const { store, schema, anchor } = await seededStore();
    await store.appendToStream('c-unit', makeEvents(1), 2n);
    const [c2] = await store.readStream('c-unit', { fromRevision: 2n, maxCount: 1 });
    const next = await store.writeAnchor();
    expect(BigInt(next!.position)).toBeGreaterThan(BigInt(anchor!.position));
    expect(await store.writeAnchor()).toBeUndefined(); // head unchanged: nothing written
    await store.appendToStream('c-unit', makeEvents(1), 3n);
    const [c3] = await store.readStream('c-unit', { fromRevision: 3n, maxCount: 1 });
    await asSuperuser(schema, [
      `DELETE FROM ${schema}.events WHERE stream_name = 'c-unit' AND revision = 4`,
      `UPDATE ${schema}.streams SET revision = 3, last_hash = '${c3!.hash}' WHERE stream_name = 'c-unit'`,
    ]);
    expect((await store.verify()).ok).toBe(true); // the limit: nothing outside the database saw revision 4
    await asSuperuser(schema, [
      `DELETE FROM ${schema}.events WHERE stream_name = 'c-unit' AND revision = 3`,
      `UPDATE ${schema}.streams SET revision = 2, last_hash = '${c2!.hash}' WHERE stream_name = 'c-unit'`,
    ]);
    expect((await store.verify()).firstBrokenLink).toMatchObject({ streamName: 'c-unit', revision: 3n, reason: 'truncated' });
    await store.close();
  });

  it('unkeyed events written before the key are accepted only up to the position the operator names', async () => {
    const schema = `keyed_${++schemaCount}`;
    const legacy = new PostgresEventStore(db.url, { schema });
    await legacy.appendToStream('old-unit', makeEvents(2), 'no_stream');
    const lastUnkeyed = await legacy.headPosition();
    await legacy.close();
    const keyed = new PostgresEventStore(db.url, { schema, hmacKey: key, acceptUnkeyedUpToPosition: lastUnkeyed });
    await keyed.appendToStream('old-unit', makeEvents(2), 1n);
    expect(await keyed.verify()).toMatchObject({ ok: true, eventsChecked: 4 });
    await keyed.close();
    const strict = new PostgresEventStore(db.url, { schema, hmacKey: key });
    expect((await strict.verify()).firstBrokenLink).toMatchObject({
      streamName: 'old-unit',
      revision: 0n,
      reason: expect.stringMatching(/unkeyed/),
    });
    await strict.close();
  });
});
