// The live path: appends at a fixed rate while the API's projector follows (lag from append to
// read model, backlog), and mutations through the API that wait for their projection.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { percentile, round } from './figures.mjs';

const require = createRequire(import.meta.url);
const { Client } = require('pg');
const { toMutation, signActorToken } = require('../../libs/read-model/dist/testing/generator/index.js');

/** The active read models' position: the lowest checkpoint of its projections. */
export async function openCheckpointReader(url) {
  const client = new Client({ connectionString: url });
  await client.connect();
  return {
    async position() {
      const { rows } = await client.query('SELECT min(position)::text AS p FROM public.projection_checkpoints');
      return BigInt(rows[0].p ?? -1);
    },
    close: () => client.end(),
  };
}

export async function waitCaughtUp(reader, store, timeoutMs) {
  const head = await store.headPosition();
  const deadline = Date.now() + timeoutMs;
  while ((await reader.position()) < head) {
    if (Date.now() > deadline) throw new Error(`read models did not reach ${head} within ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** Open loop: one call of `fire(i)` every 1000/rate ms for `seconds`, however long each takes. */
async function openLoop(rate, seconds, count, fire) {
  const started = performance.now();
  const pending = [];
  for (let i = 0; i < count && performance.now() - started < seconds * 1000; i += 1) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    pending.push(fire(i));
  }
  await Promise.all(pending);
  return (performance.now() - started) / 1000;
}

/**
 * Self-scores through the public API (recordSelfScore waits for its projection) at `rate`/s. The
 * first `warmupSeconds` at the same rate are not counted (JIT, connection pools, first reads of
 * each stream); the figures are the `seconds` after them.
 */
export async function measureMutations({ url, secret, commands, rate, seconds, warmupSeconds = 0 }) {
  const tokens = new Map();
  const latencies = [];
  let notProjected = 0;
  const errors = [];
  const send = async (issued) => {
    if (!tokens.has(issued.actor.actorId)) tokens.set(issued.actor.actorId, signActorToken(issued.actor, secret));
    const t0 = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(issued.actor.actorId)}` },
      body: JSON.stringify(toMutation(issued)),
    });
    return { body: await response.json(), ms: performance.now() - t0 };
  };
  const warmup = Math.min(commands.length, Math.round(rate * warmupSeconds));
  if (warmup > 0) await openLoop(rate, warmupSeconds, warmup, (i) => send(commands[i]));
  const elapsed = await openLoop(rate, seconds, commands.length - warmup, async (i) => {
    const { body, ms } = await send(commands[warmup + i]);
    latencies.push(ms);
    if (body.errors) errors.push(body.errors[0].extensions?.code ?? body.errors[0].message);
    else if (!body.data.recordSelfScore.projected) notProjected += 1;
  });
  latencies.sort((a, b) => a - b);
  return {
    mutations: latencies.length,
    perSecond: round(latencies.length / elapsed, 1),
    errors: errors.length,
    firstError: errors[0] ?? null,
    notProjected,
    p50ms: round(percentile(latencies, 50), 1),
    p99ms: round(percentile(latencies, 99), 1),
    maxMs: round(latencies.at(-1), 1),
  };
}

/**
 * Appends self-scores one per call at `rate`/s for `seconds` (streams round-robin, each at its exact
 * revision), sampling the read models' position every 25 ms; then waits up to `drainSeconds`.
 * Events not projected by the end count with the lag they had reached then (`censored`).
 */
export async function measureLiveLag({ store, reader, streams, rate, seconds, drainSeconds }) {
  const queue = [];
  const cursors = streams.map(() => 0);
  for (let round = 0; queue.length < rate * seconds; round += 1) {
    let added = 0;
    for (let s = 0; s < streams.length && queue.length < rate * seconds; s += 1) {
      const { events } = streams[s];
      if (round < events.length) {
        queue.push({ s, index: cursors[s]++ });
        added += 1;
      }
    }
    if (added === 0) break;
  }
  const tails = streams.map(() => Promise.resolve());
  const appended = [];
  const backlog = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const position = await reader.position();
      const now = performance.now();
      for (const a of appended) if (a.lagMs === undefined && a.position <= position) a.lagMs = now - a.at;
      if (appended.length > 0) backlog.push(Number(appended.reduce((max, a) => (a.position > max ? a.position : max), -1n) - position));
      await sleep(25);
    }
  })();
  const t0 = performance.now();
  const elapsed = await openLoop(rate, seconds, queue.length, (i) => {
    const { s, index } = queue[i];
    const { streamName, events, firstRevision } = streams[s];
    tails[s] = tails[s].then(async () => {
      const revision = firstRevision + index;
      const result = await store.appendToStream(streamName, [events[index]], revision === 0 ? 'no_stream' : BigInt(revision - 1));
      appended.push({ position: result.position, at: performance.now() });
    });
    return tails[s];
  });
  const backlogAtEnd = backlog.at(-1) ?? 0;
  const drainDeadline = performance.now() + drainSeconds * 1000;
  while (performance.now() < drainDeadline && appended.some((a) => a.lagMs === undefined)) await sleep(50);
  sampling = false;
  await sampler;
  const end = performance.now();
  const censored = appended.filter((a) => a.lagMs === undefined).length;
  const projected = appended.filter((a) => a.lagMs !== undefined);
  const lags = appended.map((a) => a.lagMs ?? end - a.at).sort((a, b) => a - b);
  return {
    appends: appended.length,
    askedPerSecond: rate,
    perSecond: round(appended.length / elapsed, 1),
    censored,
    lagP50ms: round(percentile(lags, 50)),
    lagP99ms: round(percentile(lags, 99)),
    lagMaxms: round(lags.at(-1)),
    backlogMax: Math.max(0, ...backlog),
    backlogAtEndOfAppends: backlogAtEnd,
    backlogAfterDrain: backlog.at(-1) ?? 0,
    projectedPerSecond: round(projected.length / ((Math.max(...projected.map((a) => a.at + a.lagMs), t0 + 1) - t0) / 1000), 1),
  };
}
