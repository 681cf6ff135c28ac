// The published ranking of a 200-unit group with field scores, previous-year ranks and group
// statistics, served by the built API (NODE_ENV=production) through GraphQL, against the same rows
// served by a bare `pg` query behind plain node:http, side by side: autocannon, 16 connections.
// Run: npm run bench -- ranking   (or: node bench/ranking.bench.mjs)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const { Pool } = require('pg');
const { startEmbeddedPostgres, findFreePort } = require('@par-index/config');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const UNITS = 200;
const FIELDS = 8;
const CONNECTIONS = 16;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const QUERY = `{ ranking(year:2024, level:"province", group:"provinces", first:${UNITS}) {
  live statistics { count average median min max countAboveAverage bands { label count } }
  rows { unit { id name } points index rank previousRank rankChange scoreChange criteriaSetVersion status fields { code points max percent rank } }
  pageInfo { hasNextPage endCursor } } }`;

/** The same rows, the bare way: one statement, rows as they come, JSON.stringify. */
const BARE_SQL = `SELECT s.unit_id, u.name, s.total, s.applicable_max, s.percent, s.rank, s.status, s.criteria_set_version, s.fields
  FROM scorecards s LEFT JOIN units u ON u.unit_id = s.unit_id
  WHERE s.year = 2024 AND s.level = 'province' AND s.group_code = 'provinces' AND s.status = 'published' ORDER BY s.rank, s.unit_id`;

function startApi(databaseUrl, extraEnv = {}) {
  // BENCH_API_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the API under load
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'apps/api/dist/main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      API_PORT: '0',
      LOG_LEVEL: 'warn',
      EVENTSTORE_URL: '',
      AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
      GRAPHQL_MAX_COMPLEXITY: '1000000',
      EVENTSTORE_HMAC_KEY: randomBytes(32).toString('hex'),
      EVENTSTORE_ANCHOR_INTERVAL_SECONDS: '0',
      PAR_DATA_DIR: path.join(dataDir, 'api'),
      RUN_PROJECTOR: 'false', // the production shape: the projector is its own process (and nothing is appended here)
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /GraphQL API: (\S+)/.exec(line);
      if (match)
        resolve({
          pid: child.pid,
          url: match[1],
          stop: () =>
            new Promise((done) => {
              child.once('exit', done);
              child.kill('SIGTERM');
            }),
        });
    });
    child.once('exit', (code) => reject(new Error(`API exited with ${code}`)));
  });
}

/** 200 published scorecards in 2024 and 2023 (8 fields each), written straight into the read model. */
async function seed(pool) {
  // the API reads views over the active read-model version (rm_vN): write that version's tables
  const [{ version }] = (await pool.query('SELECT version FROM public.read_model_active WHERE id = 1')).rows;
  const schema = `rm_v${Number(version)}`;
  const fieldsOf = (unit, year) =>
    Array.from({ length: FIELDS }, (_, f) => {
      const points = (unit * 37 + f * 11 + year) % 1001;
      return { code: `F${f + 1}`, name: `Field ${f + 1}`, points, max: 1000, percent: points / 10, rank: 0 };
    });
  for (const year of [2023, 2024]) {
    for (let i = 1; i <= UNITS; i += 1) {
      const unitId = `unit-${String(i).padStart(3, '0')}`;
      const fields = fieldsOf(i, year);
      const total = fields.reduce((sum, f) => sum + f.points, 0);
      if (year === 2024) {
        await pool.query(
          `INSERT INTO ${schema}.units (unit_id, name, level, group_code, status, updated_at) VALUES ($1, $2, 'province', 'provinces', 'active', now()::text)`,
          [unitId, `Province ${i}`],
        );
      }
      await pool.query(
        `INSERT INTO ${schema}.scorecards (unit_id, year, level, group_code, status, total, applicable_max, percent, rank, group_size, fields, by_source, zero_leaves,
           updated_at, criteria_set_code, criteria_set_version, mixed_criteria_versions)
         VALUES ($1, $2, 'province', 'provinces', 'published', $3, 8000, $7, 0, $4, $5, '{}', '[]', now()::text, $6, 1, false)`,
        [unitId, year, total, UNITS, JSON.stringify(fields), `PAR-${year}-province`, (total / 80).toFixed(2)],
      );
    }
  }
}

function startBare(pool) {
  const server = http.createServer(async (_req, res) => {
    const { rows } = await pool.query(BARE_SQL);
    const body = JSON.stringify({ data: { ranking: { rows } } });
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}/`, stop: () => new Promise((done) => server.close(done)) }),
    ),
  );
}

/** CPU time (ms) a process has used so far, from /proc (Linux); null elsewhere. */
function processCpuMs(pid) {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return null;
  const fields = readFileSync(stat, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime in clock ticks (USER_HZ 100)
}

/**
 * Load for DURATION_S after a warm-up. Also measured: this process's CPU (autocannon, plus the bare
 * server when it is the target) in % of one core, and the server's CPU per request when `serverPid` is given.
 */
async function load(url, body, serverPid = null) {
  const options = { url, connections: CONNECTIONS, method: 'POST', headers: { 'content-type': 'application/json' }, body };
  await autocannon({ ...options, duration: 2 }); // warm-up (JIT, connection pools)
  const clientBefore = process.cpuUsage();
  const serverBefore = serverPid === null ? null : processCpuMs(serverPid);
  const result = await autocannon({ ...options, duration: DURATION_S });
  const client = process.cpuUsage(clientBefore);
  const serverAfter = serverPid === null ? null : processCpuMs(serverPid);
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    bytesPerResponse: Math.round(result.throughput.total / result.requests.total),
    benchProcessCpuPercent: Math.round((client.user + client.system) / 10 / (result.duration * 1000)),
    serverCpuMsPerRequest:
      serverBefore === null || serverAfter === null ? null : Number(((serverAfter - serverBefore) / result.requests.total).toFixed(2)),
  };
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'par-bench-ranking-'));
const pg = await startEmbeddedPostgres({ dataDir, port: await findFreePort() });
let api;
let uncachedApi;
let bare;
const pool = new Pool({ connectionString: pg.url, max: CONNECTIONS });
pool.on('error', () => {}); // idle clients cut when PostgreSQL stops at the end
try {
  api = await startApi(pg.url); // runs the migrations, so the read-model tables exist before seeding
  await seed(pool);
  bare = await startBare(pool);
  const body = JSON.stringify({ query: QUERY });
  const check = await (await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json();
  if (check.errors || check.data.ranking.rows.length !== UNITS)
    throw new Error(`the API did not answer the ranking: ${JSON.stringify(check.errors ?? check.data).slice(0, 500)}`);
  uncachedApi = await startApi(pg.url, { GRAPHQL_RESPONSE_CACHE_ENTRIES: '0' });
  const graphql = await load(api.url, body, api.pid);
  console.log(
    `GraphQL ranking (${UNITS} rows × ${FIELDS} fields, statistics), response cache on: ${graphql.requestsPerSecond} req/s, p50 ${graphql.p50ms} ms, p99 ${graphql.p99ms} ms, ${graphql.bytesPerResponse} B`,
  );
  const uncached = await load(uncachedApi.url, body, uncachedApi.pid);
  console.log(
    `GraphQL ranking, response cache off (GRAPHQL_RESPONSE_CACHE_ENTRIES=0):       ${uncached.requestsPerSecond} req/s, p50 ${uncached.p50ms} ms, p99 ${uncached.p99ms} ms`,
  );
  const bareResult = await load(bare.url, '{}');
  console.log(
    `bare node:http + pg, same rows:                                              ${bareResult.requestsPerSecond} req/s, p50 ${bareResult.p50ms} ms, p99 ${bareResult.p99ms} ms, ${bareResult.bytesPerResponse} B`,
  );
  const ratio = Number((graphql.requestsPerSecond / bareResult.requestsPerSecond).toFixed(2));
  const uncachedRatio = Number((uncached.requestsPerSecond / bareResult.requestsPerSecond).toFixed(2));
  console.log(
    `ratio GraphQL / bare: ${ratio} cached, ${uncachedRatio} uncached (target ≥ 0.5, and p99 < 50 ms at ${CONNECTIONS} connections)`,
  );
  // the client shares the machine's cores with the servers and PostgreSQL: its share bounds what any server can reach
  console.log(
    `CPU on ${os.cpus().length} cores: bench process (autocannon) ${graphql.benchProcessCpuPercent} % of a core against the cached API, ${uncached.benchProcessCpuPercent} % uncached, ` +
      `${bareResult.benchProcessCpuPercent} % with the bare server inside it; API CPU per request: ${graphql.serverCpuMsPerRequest} ms cached, ${uncached.serverCpuMsPerRequest} ms uncached`,
  );
  const figures = [
    {
      key: 'ranking.bare',
      label: `bare node:http + pg, the same ${UNITS} rows (${CONNECTIONS} connections)`,
      value: bareResult.requestsPerSecond,
      unit: 'req/s',
      better: 'higher',
    },
    {
      key: 'ranking.cached',
      label: 'GraphQL ranking query, response cache on (vs bare; target ratio 0.5)',
      value: graphql.requestsPerSecond,
      unit: 'req/s',
      better: 'higher',
      ref: 'ranking.bare',
    },
    {
      key: 'ranking.uncached',
      label: 'GraphQL ranking query, response cache off (vs bare)',
      value: uncached.requestsPerSecond,
      unit: 'req/s',
      better: 'higher',
      ref: 'ranking.bare',
    },
    {
      key: 'ranking.cached.p99',
      label: 'GraphQL ranking query p99, cache on',
      value: graphql.p99ms,
      unit: 'ms',
      better: 'lower',
      target: { label: 'target', value: 50 },
    },
  ];
  console.log(
    JSON.stringify({
      bench: 'ranking',
      units: UNITS,
      fields: FIELDS,
      connections: CONNECTIONS,
      durationS: DURATION_S,
      cores: os.cpus().length,
      graphql,
      uncached,
      bare: bareResult,
      ratio,
      uncachedRatio,
      figures,
    }),
  );
} finally {
  await bare?.stop();
  await api?.stop();
  await uncachedApi?.stop();
  await pool.end();
  await pg.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
