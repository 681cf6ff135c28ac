// Peer: the same generated events appended (1 and 8 writers, one event per append with the exact
// expected revision) and read back through our PostgresEventStore and @event-driven-io/emmett-postgresql,
// on the same embedded PostgreSQL in the same run. Env: BENCH_PEER_APPENDS (per scenario, default 2000).
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { startDatabase, postgresVersion } from './lib/database.mjs';
import { figure, percentile, report, round } from './lib/figures.mjs';

const require = createRequire(import.meta.url);
/** the keyed hash chain production uses (EVENTSTORE_HMAC_KEY) */
const CHAIN_KEY = Buffer.from('bench-chain-key-0123456789abcdef0123456789');
const { PostgresEventStore } = require('@par-index/eventstore');
const { getPostgreSQLEventStore, readMessagesBatch } = require('@event-driven-io/emmett-postgresql');
const { STREAM_DOES_NOT_EXIST } = require('@event-driven-io/emmett');
const { dumbo } = require('@event-driven-io/dumbo');
const { generateNation } = require('../libs/read-model/dist/testing/generator/index.js');
const APPENDS = Number(process.env.BENCH_PEER_APPENDS ?? 2000);

/** Realistic events: the generator's assessment streams, cut to `total` single-event appends. */
function workload(total) {
  const streams = new Map();
  let count = 0;
  for (const phase of generateNation({ seed: 7, provinces: 2, years: 1, communes: false })) {
    for (const chunk of phase.chunks) {
      if (!chunk.streamName.startsWith('assessment-')) continue;
      const events = streams.get(chunk.streamName) ?? [];
      for (const event of chunk.events) {
        if (count < total) {
          events.push(event);
          count += 1;
        }
      }
      if (events.length > 0) streams.set(chunk.streamName, events);
    }
  }
  return [...streams.entries()];
}

async function appendAll(writers, streams, appendOne) {
  const latencies = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let s = w; s < streams.length; s += writers) {
        let state = null;
        for (const event of streams[s][1]) {
          const t0 = performance.now();
          state = await appendOne(streams[s][0], event, state);
          latencies.push(performance.now() - t0);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: Math.round(latencies.length / seconds),
    p50ms: round(percentile(latencies, 50), 2),
    p99ms: round(percentile(latencies, 99), 2),
    appends: latencies.length,
  };
}

const ours = (store, prefix) => async (stream, event, revision) =>
  (await store.appendToStream(`${prefix}${stream}`, [event], revision ?? 'no_stream')).nextExpectedRevision;
const theirs = (store, prefix) => async (stream, event, version) =>
  (
    await store.appendToStream(`${prefix}${stream}`, [{ type: event.type, data: event.data, metadata: event.metadata }], {
      expectedStreamVersion: version ?? STREAM_DOES_NOT_EXIST,
    })
  ).nextExpectedStreamVersion;

async function readOurs(url, schemas) {
  let events = 0;
  const started = performance.now();
  for (const schema of schemas) {
    const store = new PostgresEventStore(url, { schema, poolSize: 2, hmacKey: CHAIN_KEY });
    for (let from = 'start'; ;) {
      const page = await store.readAll({ fromPosition: from, maxCount: 500 });
      if (page.length === 0) break;
      events += page.length;
      from = page[page.length - 1].position;
    }
    await store.close();
  }
  return { events, perSecond: Math.round(events / ((performance.now() - started) / 1000)) };
}

async function readTheirs(url) {
  const pool = dumbo({ connectionString: url });
  let events = 0;
  const started = performance.now();
  for (let after = 0n; ;) {
    const { messages } = await readMessagesBatch(pool.execute, { after, batchSize: 500 });
    if (messages.length === 0) break;
    events += messages.length;
    after = messages[messages.length - 1].metadata.globalPosition;
  }
  await pool.close();
  return { events, perSecond: Math.round(events / ((performance.now() - started) / 1000)) };
}

const db = await startDatabase('peer');
try {
  const streams = workload(APPENDS);
  const emmett = getPostgreSQLEventStore(db.url);
  await emmett.appendToStream('warm-up', [{ type: 'WarmUp', data: {} }]); // creates emmett's schema outside the timing
  const result = {};
  for (const writers of [1, 8]) {
    const store = new PostgresEventStore(db.url, { schema: `peer_w${writers}`, poolSize: writers + 2, hmacKey: CHAIN_KEY });
    await store.migrate();
    result[`ours${writers}`] = await appendAll(writers, streams, ours(store, `w${writers}-`));
    const verified = await store.verify();
    if (!verified.ok) throw new Error('our hash chain broke');
    await store.close();
    result[`emmett${writers}`] = await appendAll(writers, streams, theirs(emmett, `w${writers}-`));
    console.log(
      `${writers} writer(s): ours ${result[`ours${writers}`].perSecond} appends/s (p99 ${result[`ours${writers}`].p99ms} ms), emmett-postgresql ${result[`emmett${writers}`].perSecond} appends/s (p99 ${result[`emmett${writers}`].p99ms} ms)`,
    );
  }
  await emmett.close();
  const readBackOurs = await readOurs(db.url, ['peer_w1', 'peer_w8']);
  const readBackTheirs = await readTheirs(db.url);
  console.log(
    `read back: ours ${readBackOurs.perSecond} events/s (${readBackOurs.events}), emmett-postgresql ${readBackTheirs.perSecond} events/s (${readBackTheirs.events})`,
  );
  const peerRef = (key) => ({ ref: key });
  report(
    'peer',
    [
      figure('peer.emmett.append1', 'emmett-postgresql appends, 1 writer', result.emmett1.perSecond, 'appends/s', 'higher'),
      figure(
        'peer.ours.append1',
        'our PostgreSQL adapter appends, 1 writer (peer: emmett)',
        result.ours1.perSecond,
        'appends/s',
        'higher',
        peerRef('peer.emmett.append1'),
      ),
      figure('peer.emmett.append8', 'emmett-postgresql appends, 8 writers', result.emmett8.perSecond, 'appends/s', 'higher'),
      figure(
        'peer.ours.append8',
        'our PostgreSQL adapter appends, 8 writers (peer: emmett)',
        result.ours8.perSecond,
        'appends/s',
        'higher',
        peerRef('peer.emmett.append8'),
      ),
      figure('peer.emmett.read', 'emmett-postgresql reads all (pages of 500)', readBackTheirs.perSecond, 'events/s', 'higher'),
      figure(
        'peer.ours.read',
        'our adapter readAll (pages of 500; peer: emmett)',
        readBackOurs.perSecond,
        'events/s',
        'higher',
        peerRef('peer.emmett.read'),
      ),
    ],
    { appendsPerScenario: streams.reduce((n, [, e]) => n + e.length, 0), latency: result, postgres: await postgresVersion(db.url) },
  );
} finally {
  await db.stop();
}
