#!/usr/bin/env node
// Seeded national data: `node bench/generate.mjs --seed 42 --provinces 63 --years 2 [--communes]`
// appends in bulk through the event-store port (DATABASE_URL, or the embedded PostgreSQL of
// PAR_DATA_DIR when unset); `--via api --url http://127.0.0.1:4000/graphql` sends the same commands
// as mutations through the public API, with tokens signed by AUTH_JWT_SECRET or the data folder's secret.
// Build first (npm run build). The same options always produce the same events.
import { createRequire } from 'node:module';
import { Command } from 'commander';

const require = createRequire(import.meta.url);
const { loadConfig, resolveTokenKey } = require('@par-index/config');
const { startPlatform } = require('@par-index/read-model');
const { generateNation, appendGenerated, driveApi } = require('../libs/read-model/dist/testing/generator/index.js');

const options = new Command()
  .name('generate')
  .option('--seed <n>', 'random seed', '42')
  .option('--provinces <n>', 'provinces (1..63), each with its departments and districts', '63')
  .option('--years <n>', 'assessment years', '1')
  .option('--first-year <n>', 'first assessment year', '2023')
  .option('--communes', "also every district's communes")
  .option('--departments <n>', 'departments per province (default: drawn, 17..22)')
  .option('--districts <n>', 'districts per province (default: drawn, 8..14)')
  .option('--via <target>', 'store (bulk appends) or api (GraphQL mutations)', 'store')
  .option('--url <url>', 'GraphQL endpoint for --via api', 'http://127.0.0.1:4000/graphql')
  .option('--concurrency <n>', 'streams written in parallel', '16')
  .parse()
  .opts();

const int = (value) => (value === undefined ? undefined : Number.parseInt(value, 10));
const generatorOptions = {
  seed: int(options.seed),
  provinces: int(options.provinces),
  years: int(options.years),
  firstYear: int(options.firstYear),
  communes: Boolean(options.communes),
  departmentsPerProvince: int(options.departments),
  districtsPerProvince: int(options.districts),
};
const concurrency = int(options.concurrency);
let lastPrinted = 0;
const progress = (done, seconds) => {
  if (Date.now() - lastPrinted < 1000) return;
  lastPrinted = Date.now();
  process.stderr.write(`\r${done} ${options.via === 'api' ? 'commands' : 'events'}, ${Math.round(done / Math.max(seconds, 0.001))}/s   `);
};

if (options.via === 'api') {
  const key = resolveTokenKey(loadConfig());
  if (key.kind !== 'secret') throw new Error('--via api signs its own tokens: it needs AUTH_JWT_SECRET or the embedded secret, not a JWKS');
  const started = Date.now();
  const result = await driveApi(generateNation(generatorOptions), {
    url: options.url,
    secret: new TextDecoder().decode(key.secret),
    concurrency,
    onPhase: (_phase, commands) => progress(commands, (Date.now() - started) / 1000),
  });
  console.log(`\n${JSON.stringify({ via: 'api', ...generatorOptions, ...result })}`);
} else {
  const platform = await startPlatform(loadConfig(), { runProjector: false });
  try {
    const result = await appendGenerated(platform.eventStore, generateNation(generatorOptions), {
      concurrency,
      onPhase: (_phase, total) => progress(total.events, total.seconds),
    });
    console.log(
      `\n${JSON.stringify({ via: 'store', ...generatorOptions, ...result, eventsPerSecond: Math.round(result.events / result.seconds) })}`,
    );
  } finally {
    await platform.stop();
  }
}
