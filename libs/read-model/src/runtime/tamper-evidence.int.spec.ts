import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@par-index/config';
import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';
import { PostgresEventStore } from '@par-index/eventstore';
import { loadTamperEvidence } from './tamper-evidence';

const metadata = {
  actorId: 't',
  actorRole: 'admin',
  occurredAt: '2024-03-01T08:00:00.000Z',
  correlationId: 'c',
  causationId: 'c',
  idempotencyKey: 'k',
  schemaVersion: 1,
};
const events = (n: number) => Array.from({ length: n }, (_, i) => ({ id: randomUUID(), type: 'Legacy', data: { i }, metadata }));

describe('the hash-chain key and the unkeyed-history marker of the embedded mode (real PostgreSQL)', () => {
  let db: TestDatabase;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'par-index-evidence-'));
  const config = () => loadConfig({ PAR_DATA_DIR: dataDir });

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given a store written before the key existed, then its unkeyed events verify next to keyed ones, and the boundary is kept in a signed marker', async () => {
    const legacy = new PostgresEventStore(db.url);
    await legacy.appendToStream('old-unit', events(2), 'no_stream');
    await legacy.close();

    const evidence = await loadTamperEvidence(config(), db.url, true);
    expect(evidence.acceptUnkeyedUpToPosition).toBe(1n);
    expect((statSync(path.join(dataDir, 'keys', 'eventstore-hmac.key')).mode & 0o777).toString(8)).toBe('600');
    const keyed = new PostgresEventStore(db.url, {
      hmacKey: evidence.hmacKey,
      acceptUnkeyedUpToPosition: evidence.acceptUnkeyedUpToPosition,
    });
    await keyed.appendToStream('old-unit', events(1), 1n);
    expect(await keyed.verify()).toMatchObject({ ok: true, eventsChecked: 3 });
    await keyed.close();

    // the next start reads the same key and boundary; an edited marker is refused
    expect(await loadTamperEvidence(config(), db.url, true)).toEqual(evidence);
    const marker = path.join(dataDir, 'keys', 'unkeyed-history.json');
    writeFileSync(marker, readFileSync(marker, 'utf8').replace('"upToPosition":"1"', '"upToPosition":"2"'));
    await expect(loadTamperEvidence(config(), db.url, true)).rejects.toThrow(/not signed by the current hash-chain key/);
  });

  it('given DATABASE_URL (production) without EVENTSTORE_HMAC_KEY, then it refuses; with a short key too', async () => {
    await expect(loadTamperEvidence(loadConfig({ DATABASE_URL: db.url, PAR_DATA_DIR: dataDir }), db.url, false)).rejects.toThrow(
      /EVENTSTORE_HMAC_KEY is not set/,
    );
    expect(() => loadConfig({ DATABASE_URL: db.url, EVENTSTORE_HMAC_KEY: 'short' })).toThrow(/EVENTSTORE_HMAC_KEY/);
    const production = await loadTamperEvidence(loadConfig({ DATABASE_URL: db.url, EVENTSTORE_HMAC_KEY: 'k'.repeat(40) }), db.url, false);
    expect(production).toMatchObject({ hmacKey: Buffer.from('k'.repeat(40)), acceptUnkeyedUpToPosition: undefined });
  });
});
