// A generated national year at the default scale, in one embedded PostgreSQL:
// 1. bulk load through the event-store port; 2. readAll of every event (the ceiling);
// 3. `rebuild` (the projector CLI, its own process: events/s and peak RSS);
// 4. the built API on those read models: recordSelfScore mutations at 100/s waiting for their projection;
// 5. self-scores appended at a fixed rate while the API's projector follows (lag, backlog).
// Env: BENCH_PROVINCES (63), BENCH_LIVE_RATE (1000), BENCH_LIVE_SECONDS (60), BENCH_LIVE_DRAIN_SECONDS (20),
//      BENCH_MUTATION_RATE (100), BENCH_MUTATION_SECONDS (5).
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMeasured, startApi, watchPeakRss } from './lib/child-process.mjs';
import { startDatabase, postgresVersion } from './lib/database.mjs';
import { figure, report } from './lib/figures.mjs';
import { measureLiveLag, measureMutations, openCheckpointReader, waitCaughtUp } from './lib/live-path.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { loadConfig } = require('@par-index/config');
const { startPlatform } = require('@par-index/read-model');
const { generateNation, appendGenerated } = require('../libs/read-model/dist/testing/generator/index.js');
const env = (name, fallback) => Number(process.env[name] ?? fallback);
const PROVINCES = env('BENCH_PROVINCES', 63);
const FIRST_YEAR = 2023;
const LIVE = {
  rate: env('BENCH_LIVE_RATE', 1000),
  seconds: env('BENCH_LIVE_SECONDS', 60),
  drainSeconds: env('BENCH_LIVE_DRAIN_SECONDS', 20),
};
const MUTATIONS = {
  rate: env('BENCH_MUTATION_RATE', 100),
  seconds: env('BENCH_MUTATION_SECONDS', 5),
  warmupSeconds: env('BENCH_MUTATION_WARMUP_SECONDS', 2),
};
// as docker-compose runs it: V8 would otherwise let the heap grow towards a quarter of the machine's memory
const PROJECTOR_NODE_ARGS = ['--max-old-space-size=256'];
const log = (line) => console.log(line);

/** The next year's criteria sets, and its units' opened assessments split into self-scores for the store and for the API. */
function nextYearWork() {
  const liveProvinces = PROVINCES; // enough self-scores for 1,000/s over the whole live window
  const sets = [];
  const selfAssessments = [];
  for (const phase of generateNation({ seed: 42, provinces: liveProvinces, years: 2, firstYear: FIRST_YEAR, communes: false })) {
    if (phase.label === 'criteria sets') sets.push(...phase.chunks.filter((c) => c.streamName.includes(`-${FIRST_YEAR + 1}-`)));
    if (phase.label.endsWith(`${FIRST_YEAR + 1} stage 1`)) selfAssessments.push(...phase.chunks);
  }
  const opened = selfAssessments.map((c) => ({ streamName: c.streamName, events: [c.events[0]], expected: 'no_stream', commands: [] }));
  const forStore = selfAssessments
    .filter((_, i) => i % 2 === 0)
    .map((c) => ({ streamName: c.streamName, events: c.events.slice(1).filter((e) => e.type === 'SelfScoreRecorded'), firstRevision: 1 }));
  const perUnit = selfAssessments.filter((_, i) => i % 2 === 1).map((c) => c.commands.filter((x) => x.command.type === 'RecordSelfScore'));
  const forApi = [];
  for (let i = 0; perUnit.some((list) => i < list.length); i += 1) for (const list of perUnit) if (i < list.length) forApi.push(list[i]);
  return { sets, opened, forStore, forApi };
}

const db = await startDatabase('national');
const secret = randomBytes(32).toString('hex');
// production shape: DATABASE_URL (owner; roles default to it), a keyed hash chain, a token secret, no demo data
const childEnv = {
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_URL: db.url,
  EVENTSTORE_HMAC_KEY: randomBytes(32).toString('hex'),
  PAR_DATA_DIR: db.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'par-bench-national-')),
  EVENTSTORE_URL: '',
  LOG_LEVEL: 'warn',
  AUTH_JWT_SECRET: secret,
  AUTH_JWKS_URL: '',
  AUTH_ISSUER: '',
  AUTH_AUDIENCE: '',
  PAR_DEMO: 'false',
};
let api;
try {
  const platform = await startPlatform(loadConfig(childEnv), { runProjector: false });
  const store = platform.eventStore;
  log(`generating and appending ${PROVINCES} provinces, 1 year (seed 42) …`);
  const load = await appendGenerated(
    store,
    generateNation({ seed: 42, provinces: PROVINCES, years: 1, firstYear: FIRST_YEAR, communes: false }),
    { concurrency: 8 },
  );
  const loadRate = Math.round(load.events / load.seconds);
  log(
    `bulk load: ${load.events} events in ${load.appends} appends over ${load.streams} streams, ${load.seconds.toFixed(1)} s (${loadRate} events/s, generation included)`,
  );

  let read = 0;
  const readStarted = process.hrtime.bigint();
  for (let from = 'start'; ;) {
    const page = await store.readAll({ fromPosition: from, maxCount: 500 });
    if (page.length === 0) break;
    read += page.length;
    from = page[page.length - 1].position;
  }
  const readSeconds = Number(process.hrtime.bigint() - readStarted) / 1e9;
  const readRate = Math.round(read / readSeconds);
  log(`readAll (pages of 500): ${read} events in ${readSeconds.toFixed(1)} s (${readRate} events/s)`);
  await platform.stop();

  log('rebuild (node apps/projector/dist/main.js rebuild) …');
  const rebuild = await runMeasured([...PROJECTOR_NODE_ARGS, path.join(root, 'apps/projector/dist/main.js'), 'rebuild'], childEnv);
  const replayed = Number(/from (\d+) events/.exec(rebuild.lines.join('\n'))?.[1] ?? NaN);
  const rebuildRate = Math.round(replayed / rebuild.seconds);
  // the CLI's own rate (its last progress line): the replay alone, without the process start
  const replayRate = JSON.parse(rebuild.lines.filter((line) => line.startsWith('{"progress"')).at(-1) ?? '{}').eventsPerSecond ?? NaN;
  log(
    `rebuild: ${replayed} events in ${rebuild.seconds.toFixed(1)} s (${rebuildRate} events/s, process start included; replay alone ${replayRate} events/s), peak RSS ${rebuild.peakRssMb} MB`,
  );

  api = await startApi(path.join(root, 'apps/api/dist/main.js'), childEnv);
  const apiRss = watchPeakRss(api.pid, 250);
  const work = nextYearWork();
  const liveStore = await startPlatform(loadConfig(childEnv), { runProjector: false });
  await appendGenerated(
    liveStore.eventStore,
    [
      { label: 'next year: criteria sets', chunks: work.sets },
      { label: 'next year: opened', chunks: work.opened },
    ],
    { concurrency: 8 },
  );
  const reader = await openCheckpointReader(db.url);
  await waitCaughtUp(reader, liveStore.eventStore, 120_000);

  log(
    `mutations through the API: recordSelfScore at ${MUTATIONS.rate}/s for ${MUTATIONS.warmupSeconds} s (warm-up, not counted), then ${MUTATIONS.seconds} s …`,
  );
  const mutations = await measureMutations({ url: api.url, secret, commands: work.forApi, ...MUTATIONS });
  log(`mutations: ${JSON.stringify(mutations)}`);
  await waitCaughtUp(reader, liveStore.eventStore, 120_000);

  log(`live path: self-scores appended at ${LIVE.rate}/s for ${LIVE.seconds} s while the API's projector follows …`);
  const live = await measureLiveLag({ store: liveStore.eventStore, reader, streams: work.forStore, ...LIVE });
  log(`live: ${JSON.stringify(live)}`);
  const apiPeakRssMb = apiRss.stop();
  await reader.close();
  await liveStore.stop();

  const target = (label, value) => ({ target: { label, value } });
  report(
    'national',
    [
      figure(
        'national.load',
        `bulk load through appendToStream (${load.events} events, generation included, 8 streams in parallel)`,
        loadRate,
        'events/s',
        'higher',
      ),
      figure('national.readAll', `readAll of the same ${read} events (the rebuild's ceiling)`, readRate, 'events/s', 'higher'),
      figure('national.rebuild', `rebuild of ${replayed} events (vs readAll; issue 8 target 30,000/s)`, rebuildRate, 'events/s', 'higher', {
        ref: 'national.readAll',
        ...target('issue 8 target', 30000),
      }),
      figure(
        'national.rebuild.replay',
        'rebuild: the replay alone, as the CLI reports it (vs readAll; issue 8 target 30,000/s)',
        replayRate,
        'events/s',
        'higher',
        { ref: 'national.readAll', ...target('issue 8 target', 30000) },
      ),
      figure(
        'national.rebuild.rss',
        'rebuild peak RSS (node --max-old-space-size=256, as docker-compose runs the projector; issue 8 target < 300 MB)',
        rebuild.peakRssMb,
        'MB',
        'lower',
        target('issue 8 target', 300),
      ),
      figure(
        'api.mutation.rate',
        `recordSelfScore mutations answered per second (asked ${MUTATIONS.rate}/s, after a ${MUTATIONS.warmupSeconds} s warm-up)`,
        mutations.perSecond,
        'mutations/s',
        'higher',
        target('asked', MUTATIONS.rate),
      ),
      figure(
        'api.mutation.p50',
        'mutation waiting for its projection, p50',
        mutations.p50ms,
        'ms',
        'lower',
        target('issue 8 target (p99)', 100),
      ),
      figure('api.mutation.p99', 'mutation waiting for its projection, p99', mutations.p99ms, 'ms', 'lower', target('issue 8 target', 100)),
      figure(
        'live.appendRate',
        `live self-score appends achieved (asked ${LIVE.rate}/s)`,
        live.perSecond,
        'appends/s',
        'higher',
        target('asked', LIVE.rate),
      ),
      figure(
        'live.projectedRate',
        'live events projected per second (vs appends achieved)',
        live.projectedPerSecond,
        'events/s',
        'higher',
        { ref: 'live.appendRate' },
      ),
      figure('live.lag.p50', 'lag from append to read model, p50', live.lagP50ms, 'ms', 'lower', target('issue 8 target (p99)', 1000)),
      figure(
        'live.lag.p99',
        `lag from append to read model, p99${live.censored ? ` (${live.censored} events not projected by the end: counted at their lag then)` : ''}`,
        live.lagP99ms,
        'ms',
        'lower',
        target('issue 8 target', 1000),
      ),
      figure('live.lag.max', 'lag from append to read model, max', live.lagMaxms, 'ms', 'lower', target('issue 8 target (p99)', 1000)),
      figure(
        'live.backlog.max',
        'backlog (events appended but not projected), max',
        live.backlogMax,
        'events',
        'lower',
        target('no growing backlog', 0),
      ),
      figure(
        'live.backlog.end',
        `backlog after the ${LIVE.drainSeconds} s drain window`,
        live.backlogAfterDrain,
        'events',
        'lower',
        target('no growing backlog', 0),
      ),
      figure(
        'api.rss',
        'API process (GraphQL and the in-process projector, default heap) peak RSS during mutations and the live path: context, no target',
        apiPeakRssMb,
        'MB',
        'lower',
      ),
    ],
    {
      provinces: PROVINCES,
      events: load.events,
      streams: load.streams,
      mutations,
      live,
      rebuild: { seconds: rebuild.seconds, replayed },
      postgres: await postgresVersion(db.url),
    },
  );
} finally {
  await api?.stop();
  await db.stop();
}
