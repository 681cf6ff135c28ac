// Benchmark: a national year of the PAR Index — 12,000 units × 90 leaves scored, then ranked within
// 63 groups overall and per field, plus group statistics. Target: the whole year in < 1 s on one core.
// Uses the BUILT package: `npx turbo run build --filter=@par-index/scoring && node --expose-gc bench/scoring.bench.mjs`
// (--expose-gc lets the bench collect garbage before reading the heap; without it "heap held"
// includes uncollected garbage from earlier runs). UNITS=… overrides the unit count.
import { createRequire } from 'node:module';
import os from 'node:os';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { scoreUnit, compileCriteriaSet, rankScorecards, groupStatistics } = require('@par-index/scoring');

const UNITS = Number(process.env.UNITS ?? 12_000);
const GROUPS = 63;
const FIELDS = 8;
const LEAVES = 90;

/** mulberry32: a small seeded PRNG, so every run scores the same synthetic year. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20_200_604);
const int = (min, max) => min + Math.floor(random() * (max - min + 1));

function buildSet() {
  const perField = Math.floor(LEAVES / FIELDS);
  let remaining = LEAVES;
  const fields = [];
  for (let f = 0; f < FIELDS; f++) {
    const count = f === FIELDS - 1 ? remaining : perField;
    remaining -= count;
    const criteria = [];
    for (let c = 0; c * 4 < count; c++) {
      const leaves = [];
      for (let l = 0; l < 4 && c * 4 + l < count; l++) {
        const code = `F${f + 1}.${c + 1}.${l + 1}`;
        const n = c * 4 + l;
        let leaf;
        if (n === 0 && f < 7)
          leaf = {
            type: 'leaf',
            code,
            name: code,
            max: 300,
            scoring: { kind: 'survey', survey: 'leaders', rule: { kind: 'linear', from: 0, to: 10 } },
          };
        else if (f === 7 && n < 2)
          leaf = {
            type: 'leaf',
            code,
            name: code,
            max: 500,
            scoring: {
              kind: 'survey',
              survey: 'SIPAS',
              rule:
                n === 0
                  ? { kind: 'linear', from: 50, to: 100 }
                  : {
                      kind: 'bands',
                      bands: [
                        { min: 60, points: 100 },
                        { min: 75, points: 300 },
                        { min: 90, points: 500 },
                      ],
                    },
            },
          };
        else if (f === 7 && n < 5)
          leaf = {
            type: 'leaf',
            code,
            name: code,
            max: 100,
            scoring: { kind: 'indicator', indicator: 'socio-economic', rule: { kind: 'linear', from: 0, to: 12 } },
          };
        else if (n === 1 && f === 2) leaf = { type: 'leaf', code, name: code, max: 0, scoring: { kind: 'deduction', floor: -200 } };
        else leaf = { type: 'leaf', code, name: code, max: int(1, 4) * 50, scoring: { kind: 'appraised' } };
        leaves.push(leaf);
      }
      criteria.push({
        type: 'group',
        code: `F${f + 1}.${c + 1}`,
        name: `criterion F${f + 1}.${c + 1}`,
        max: leaves.reduce((s, x) => s + x.max, 0),
        children: leaves,
      });
    }
    fields.push({
      type: 'group',
      code: `F${f + 1}`,
      name: `field ${f + 1}`,
      max: criteria.reduce((s, x) => s + x.max, 0),
      children: criteria,
    });
  }
  return { code: 'BENCH-province', year: 2024, level: 'province', version: 1, maxTotal: fields.reduce((s, x) => s + x.max, 0), fields };
}

function buildInputs(set) {
  const compiled = compileCriteriaSet(set);
  const units = [];
  for (let u = 0; u < UNITS; u++) {
    const skill = 0.55 + random() * 0.45;
    const inputs = {};
    for (const leaf of compiled.leaves) {
      const s = leaf.scoring;
      if (s.kind === 'appraised') {
        if (random() < 0.01) {
          inputs[leaf.code] = { notApplicable: true };
          continue;
        }
        const self = Math.min(leaf.max, Math.round(leaf.max * (skill + random() * 0.2)));
        inputs[leaf.code] = random() < 0.7 ? { selfScore: self, appraisedScore: Math.max(0, self - int(0, 25)) } : { selfScore: self };
      } else if (s.kind === 'deduction') {
        inputs[leaf.code] = random() < 0.2 ? { appraisedScore: -int(1, 200) } : {};
      } else {
        inputs[leaf.code] = { rawValue: Math.round((s.survey === 'SIPAS' ? 60 + random() * 40 : random() * 12) * 100) / 100 };
      }
    }
    units.push({ unitId: `U${String(u).padStart(5, '0')}`, group: u % GROUPS, inputs });
  }
  return units;
}

const set = buildSet();
const leafCount = compileCriteriaSet(set).leaves.length;
const units = buildInputs(set);
globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;

function runYear() {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const results = units.map(({ unitId, inputs }) => ({ unitId, scorecard: scoreUnit(set, inputs) }));
  const t1 = performance.now();
  const groups = Array.from({ length: GROUPS }, () => []);
  results.forEach((result, i) => groups[units[i].group].push(result));
  const rankings = groups.map((group) => rankScorecards(group));
  const t2 = performance.now();
  const statistics = groups.map((group) =>
    groupStatistics(group.map(({ unitId, scorecard }) => ({ unitId, total: scorecard.total, max: scorecard.max }))),
  );
  const t3 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  // CPU time of this process (user + system, incl. GC threads) — less sensitive than wall time to
  // other processes competing for the machine's cores
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { results, rankings, statistics, scoreMs: t1 - t0, rankMs: t2 - t1, statsMs: t3 - t2, totalMs: t3 - t0, cpuMs };
}

// One warm-up run (the JIT compiles the hot paths, as in a long-running projector), then 5 measured
// runs; only timings are kept between runs so each run starts with the same heap.
const timingsOf = ({ scoreMs, rankMs, statsMs, totalMs, cpuMs }) => ({ scoreMs, rankMs, statsMs, totalMs, cpuMs });
timingsOf(runYear());
const runs = [];
let last;
for (let i = 0; i < 5; i++) {
  // eslint-disable-next-line no-useless-assignment -- drop the previous run's result before gc, so each run starts with the same heap
  last = undefined;
  globalThis.gc?.();
  last = runYear();
  runs.push(timingsOf(last));
}
const best = runs.reduce((a, b) => (b.totalMs < a.totalMs ? b : a));
const median = [...runs].sort((a, b) => a.totalMs - b.totalMs)[2];
// heap held by one national year's results (scorecards, rankings, statistics) on top of the inputs
globalThis.gc?.();
const heapUsedMb = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
const unitsPerSecond = Math.round(UNITS / (median.totalMs / 1000));
const top = last.rankings[0].overall[0];

console.log(`scoring bench: ${UNITS} units × ${leafCount} leaves in ${GROUPS} groups × (1 overall + ${FIELDS} field) rankings`);
console.log(`  score all units        ${median.scoreMs.toFixed(1)} ms`);
console.log(`  rank overall + fields  ${median.rankMs.toFixed(1)} ms`);
console.log(`  group statistics       ${median.statsMs.toFixed(1)} ms`);
console.log(
  `  whole national year    ${median.totalMs.toFixed(1)} ms (median of 5 runs), best ${best.totalMs.toFixed(1)} ms → ${unitsPerSecond} units/s`,
);
console.log(
  `  CPU time of that run    ${median.cpuMs.toFixed(1)} ms (load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores while running)`,
);
console.log(
  `  heap held by results   ${heapUsedMb.toFixed(1)} MB (heap total ${(process.memoryUsage().heapUsed / 1048576).toFixed(1)} MB)`,
);
console.log(`  sanity: group 0 leader ${top.unitId} ${top.total / 100} / ${top.max / 100} points, ${top.percent / 100}%`);
console.log(`  target < 1000 ms: ${median.totalMs < 1000 ? 'MET' : 'MISSED'}`);
console.log(
  JSON.stringify({
    bench: 'scoring',
    units: UNITS,
    leaves: leafCount,
    groups: GROUPS,
    scoreMs: +median.scoreMs.toFixed(1),
    rankMs: +median.rankMs.toFixed(1),
    statsMs: +median.statsMs.toFixed(1),
    totalMs: +median.totalMs.toFixed(1),
    cpuMs: +median.cpuMs.toFixed(1),
    loadAverage: +os.loadavg()[0].toFixed(2),
    bestTotalMs: +best.totalMs.toFixed(1),
    unitsPerSecond,
    heapUsedMb: +heapUsedMb.toFixed(1),
    targetMet: median.totalMs < 1000,
    figures: [
      {
        key: 'scoring.year',
        label: `scoring a national year (${UNITS} units × ${leafCount} leaves, ranks and statistics), median wall time`,
        value: +median.totalMs.toFixed(1),
        unit: 'ms',
        better: 'lower',
        target: { label: 'target', value: 1000 },
      },
      {
        key: 'scoring.cpu',
        label: 'the same run, CPU time of the process',
        value: +median.cpuMs.toFixed(1),
        unit: 'ms',
        better: 'lower',
        target: { label: 'target', value: 1000 },
      },
    ],
  }),
);
