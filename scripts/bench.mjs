// `npm run bench`: runs every bench/*.bench.mjs (after the build) one after another, each in its own
// Node process with --expose-gc, then prints ONE table of every figure with its in-run reference
// (ceiling or peer: another figure of the same run) or stated target, and the ratio, and writes
// bench/results/latest.json with the machine's description. `npm run bench -- peer` runs only the
// benches whose file name contains "peer" (and writes nothing).
import { execSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];
const benches = readdirSync(path.join(root, 'bench'))
  .filter((file) => file.endsWith('.bench.mjs') && (!only || file.includes(only)))
  .sort();
const startedAt = new Date();
const loadBefore = os.loadavg();
const summaries = [];
let failed = false;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--expose-gc', path.join(root, 'bench', file)], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(run.stdout ?? '');
  if (run.status !== 0) failed = true;
  const last = (run.stdout ?? '').trim().split('\n').pop() ?? '';
  summaries.push({
    file,
    seconds: Math.round((Date.now() - started) / 1000),
    ok: run.status === 0,
    summary: last.startsWith('{') ? JSON.parse(last) : null,
  });
}

const figures = summaries.flatMap((s) => (s.summary?.figures ?? []).map((f) => ({ bench: s.file, ...f })));
const byKey = new Map(figures.map((f) => [f.key, f]));
const ratio = (value, reference) =>
  typeof value === 'number' && typeof reference === 'number' && reference !== 0 ? Number((value / reference).toFixed(3)) : null;
for (const f of figures) {
  if (f.ref) {
    const reference = byKey.get(f.ref);
    f.reference = reference
      ? { key: f.ref, label: reference.label, value: reference.value, unit: reference.unit }
      : { key: f.ref, missing: true };
    f.ratio = ratio(f.value, reference?.value);
  }
  if (f.target) f.targetRatio = ratio(f.value, f.target.value);
}

const fmt = (value) =>
  value === null || value === undefined ? '—' : typeof value === 'number' ? value.toLocaleString('en-US') : String(value);
const rows = figures.map((f) => [
  f.key,
  `${fmt(f.value)} ${f.unit}`,
  f.reference ? (f.reference.missing ? `${f.ref} (not run)` : `${f.ref} ${fmt(f.reference.value)}`) : '',
  fmt(f.ratio),
  f.target ? `${f.target.label} ${fmt(f.target.value)}` : '',
  fmt(f.targetRatio),
]);
const header = ['figure', 'value', 'in-run reference (ceiling/peer)', 'ratio', 'target', 'ratio'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
console.log('\n=== benchmark report (ratio = value ÷ reference; for ms and MB lower is better) ===');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of rows) console.log(line(r));
for (const s of summaries) if (!s.ok) console.log(`FAILED: ${s.file}`);

const cpus = os.cpus();
const postgres = summaries.map((s) => s.summary?.postgres).find(Boolean) ?? null;
const commit = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
})();
const result = {
  startedAt: startedAt.toISOString(),
  seconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
  commit,
  machine: {
    cores: cpus.length,
    cpuModel: cpus[0]?.model ?? null,
    memoryMb: Math.round(os.totalmem() / 1048576),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres,
    loadAverageBefore: loadBefore.map((l) => Number(l.toFixed(2))),
    loadAverageAfter: os.loadavg().map((l) => Number(l.toFixed(2))),
    note: 'shared machine: other processes compete for the cores, so absolute figures are noisy; compare the in-run ratios',
  },
  figures,
  benches: summaries,
};
if (!only) {
  mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(root, 'bench', 'results', 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `\nwrote bench/results/latest.json (${result.seconds} s, ${cpus.length} cores, ${cpus[0]?.model}, Node ${process.version}, PostgreSQL ${postgres})`,
  );
}
process.exit(failed ? 1 : 0);
