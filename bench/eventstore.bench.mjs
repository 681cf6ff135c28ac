// Raw PostgresEventStore append throughput: single-event appends with an exact expected revision.
// Scenarios: 1 writer, 8 writers on their own streams, 8 writers on one hot stream (conflicts retried).
// Starts its own embedded PostgreSQL (@par-index/config) unless DATABASE_URL is set.
// Run: npx turbo run build --filter=@par-index/eventstore... && node bench/eventstore.bench.mjs
// Env: BENCH_APPENDS (appends per scenario, default 4000), DATABASE_URL (use an existing server).
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
/** the keyed hash chain production uses (EVENTSTORE_HMAC_KEY) */
const CHAIN_KEY = Buffer.from('bench-chain-key-0123456789abcdef0123456789');
const { PostgresEventStore, WrongExpectedRevisionError } = require('@par-index/eventstore');
const TOTAL = Number(process.env.BENCH_APPENDS ?? 4000);

async function startDatabase() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined, where: 'DATABASE_URL' };
  const config = require('@par-index/config');
  if (typeof config.startEmbeddedPostgres !== 'function')
    throw new Error('set DATABASE_URL: @par-index/config has no startEmbeddedPostgres');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'par-index-bench-'));
  const port = await config.findFreePort();
  const pg = await config.startEmbeddedPostgres({ dataDir, port });
  return {
    url: pg.url,
    where: `embedded PostgreSQL on port ${port}`,
    stop: async () => {
      await pg.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function event(i) {
  return {
    id: randomUUID(),
    type: 'SelfScoreRecorded',
    data: { unitId: 'unit-42', criterionId: `c-${i % 37}`, points: 1250, evidenceRefs: ['decision-123.pdf'] },
    metadata: {
      actorId: 'bench',
      actorRole: 'unit-officer',
      occurredAt: new Date(0).toISOString(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
      idempotencyKey: randomUUID(),
      schemaVersion: 2,
    },
  };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function ownStreamsWriter(store, writer, count, latencies) {
  const streams = [0, 1, 2, 3].map((s) => `bench-${randomUUID()}-w${writer}-s${s}`);
  const revisions = streams.map(() => 'no_stream');
  for (let i = 0; i < count; i++) {
    const s = i % streams.length;
    const started = process.hrtime.bigint();
    const result = await store.appendToStream(streams[s], [event(i)], revisions[s]);
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    revisions[s] = result.nextExpectedRevision;
  }
  return 0;
}

async function hotStreamWriter(store, stream, count, latencies) {
  let expected = 'any';
  let conflicts = 0;
  for (let done = 0; done < count;) {
    const started = process.hrtime.bigint();
    try {
      const result = await store.appendToStream(stream, [event(done)], expected);
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      expected = result.nextExpectedRevision;
      done++;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      conflicts++;
      expected = error.actual;
    }
  }
  return conflicts;
}

async function scenario(url, name, writers, run) {
  const store = new PostgresEventStore(url, { schema: name, poolSize: writers + 2, hmacKey: CHAIN_KEY });
  await store.migrate();
  const latencies = [];
  const perWriter = Math.floor(TOTAL / writers);
  const started = process.hrtime.bigint();
  const conflicts = (await Promise.all(Array.from({ length: writers }, (_, w) => run(store, w, perWriter, latencies)))).reduce(
    (a, b) => a + b,
    0,
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const verified = await store.verify();
  await store.close();
  latencies.sort((a, b) => a - b);
  const result = {
    appendsPerSecond: Math.round(latencies.length / seconds),
    p50Ms: Number(percentile(latencies, 50).toFixed(2)),
    p99Ms: Number(percentile(latencies, 99).toFixed(2)),
    appends: latencies.length,
    conflicts,
  };
  console.log(
    `${name.padEnd(20)} ${String(result.appendsPerSecond).padStart(6)} appends/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms` +
      `  (${result.appends} appends, ${writers} writer(s)${conflicts ? `, ${conflicts} conflicts retried` : ''}, chain ${verified.ok ? 'ok' : 'BROKEN'})`,
  );
  if (!verified.ok) throw new Error(`hash chain broken after ${name}`);
  return result;
}

const db = await startDatabase();
try {
  console.log(`PostgresEventStore raw appends, single-event, exact expected revision, against ${db.where}`);
  const one = await scenario(db.url, 'writers_1', 1, ownStreamsWriter);
  const eight = await scenario(db.url, 'writers_8', 8, ownStreamsWriter);
  const hotStream = `bench-hot-${randomUUID()}`;
  const hot = await scenario(db.url, 'writers_8_hot_stream', 8, (store, _w, count, latencies) =>
    hotStreamWriter(store, hotStream, count, latencies),
  );
  console.log(
    JSON.stringify({
      bench: 'eventstore',
      adapter: 'postgres',
      appendsPerScenario: TOTAL,
      writers1AppendsPerSecond: one.appendsPerSecond,
      writers1P50Ms: one.p50Ms,
      writers1P99Ms: one.p99Ms,
      writers8AppendsPerSecond: eight.appendsPerSecond,
      writers8P50Ms: eight.p50Ms,
      writers8P99Ms: eight.p99Ms,
      hotStream8AppendsPerSecond: hot.appendsPerSecond,
      hotStream8P50Ms: hot.p50Ms,
      hotStream8P99Ms: hot.p99Ms,
      hotStream8Conflicts: hot.conflicts,
      figures: [
        {
          key: 'eventstore.append1',
          label: 'raw appends, 1 writer (peer: emmett-postgresql, peer bench)',
          value: one.appendsPerSecond,
          unit: 'appends/s',
          better: 'higher',
          ref: 'peer.emmett.append1',
        },
        {
          key: 'eventstore.append8',
          label: 'raw appends, 8 writers on their own streams (peer: emmett-postgresql, peer bench)',
          value: eight.appendsPerSecond,
          unit: 'appends/s',
          better: 'higher',
          ref: 'peer.emmett.append8',
        },
        {
          key: 'eventstore.hot8',
          label: `raw appends, 8 writers on one hot stream (${hot.conflicts} conflicts retried; vs 8 writers on own streams)`,
          value: hot.appendsPerSecond,
          unit: 'appends/s',
          better: 'higher',
          ref: 'eventstore.append8',
        },
      ],
    }),
  );
} finally {
  await db.stop();
}
