import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';
import { Client } from 'pg';
import { makeEvent } from '../contract/fixtures';
import type { RecordedEvent } from '../port';
import { selfScoreRecordedV1ToV2 } from '../upcasting/self-score-recorded.v1-to-v2';
import { PostgresEventStore } from './postgres-event-store';

describe('PostgresEventStore upcasting: SelfScoreRecorded v1 → v2 on read', () => {
  let db: TestDatabase;
  let sql: Client;
  let store: PostgresEventStore;
  const v1 = makeEvent(
    'SelfScoreRecorded',
    { unitId: 'dept-home-affairs', criterionId: '2.1.3', points: 12.5, evidence: 'decision-123.pdf' },
    1,
  );
  const v2 = makeEvent(
    'SelfScoreRecorded',
    { unitId: 'dept-home-affairs', criterionId: '2.1.4', points: 50, evidenceRefs: ['a.pdf', 'b.pdf'] },
    2,
  );
  const expectedV1AsV2 = {
    unitId: 'dept-home-affairs',
    criterionId: '2.1.3',
    score: 1250,
    evidenceRefs: ['decision-123.pdf'],
    note: null,
    previousScore: null,
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    // the v1 event was written by an older version of the platform, without upcasters
    const writer = new PostgresEventStore(db.url);
    await writer.appendToStream('selfscore-dept-home-affairs-2023', [v1], 'no_stream');
    await writer.close();
    store = new PostgresEventStore(db.url, { upcasters: [selfScoreRecordedV1ToV2] });
    await store.appendToStream('selfscore-dept-home-affairs-2023', [v2], 0n);
  });
  afterAll(async () => {
    await store.close();
    await sql.end();
    await db.drop();
  });

  function expectV2(events: RecordedEvent[]): void {
    expect(events.map((e) => e.data)).toEqual([expectedV1AsV2, v2.data]);
    expect(events.map((e) => e.metadata.schemaVersion)).toEqual([2, 2]);
  }

  it('readStream, readAll and subscribeToAll all return the v2 shape', async () => {
    expectV2(await store.readStream('selfscore-dept-home-affairs-2023'));
    expectV2(await store.readAll({ filter: { eventTypes: ['SelfScoreRecorded'] } }));
    const received: RecordedEvent[] = [];
    await new Promise<void>((resolve) => {
      const subscription = store.subscribeToAll((e) => void received.push(e), {
        fromPosition: 'start',
        onCaughtUp: () => void subscription.close().then(resolve),
      });
    });
    expectV2(received);
  });

  it('leaves the stored row in its v1 shape', async () => {
    const { rows } = await sql.query(`SELECT data, metadata FROM eventstore.events WHERE event_id = $1`, [v1.id]);
    expect(rows[0].data).toEqual({ unitId: 'dept-home-affairs', criterionId: '2.1.3', points: 12.5, evidence: 'decision-123.pdf' });
    expect(rows[0].metadata.schemaVersion).toBe(1);
  });

  it('keeps the hash chain valid: hashes cover the stored shape', async () => {
    expect(await store.verify()).toMatchObject({ ok: true, eventsChecked: 2 });
  });
});
