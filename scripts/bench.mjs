// `npm run bench`: runs every bench/*.bench.mjs (after the build) one after another, each in its
// own Node process with --expose-gc, and prints their closing JSON lines together at the end.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];
const benches = readdirSync(path.join(root, 'bench'))
  .filter((file) => file.endsWith('.bench.mjs') && (!only || file.includes(only)))
  .sort();
const summaries = [];
let failed = false;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const run = spawnSync(process.execPath, ['--expose-gc', path.join(root, 'bench', file)], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(run.stdout);
  if (run.status !== 0) failed = true;
  const last = run.stdout.trim().split('\n').pop() ?? '';
  if (last.startsWith('{')) summaries.push(last);
}
console.log('\n=== summary ===');
for (const line of summaries) console.log(line);
process.exit(failed ? 1 : 0);
