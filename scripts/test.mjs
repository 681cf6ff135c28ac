// Runs every workspace's jest suite through turbo, then prints one summary line for CI:
// "tests: N passed, M failed[, K skipped]". Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspaces = ['apps', 'libs'].flatMap((dir) => readdirSync(path.join(root, dir)).map((name) => path.join(root, dir, name)));
const reportOf = (workspace) => path.join(workspace, 'reports', 'jest.json');
for (const workspace of workspaces) {
  rmSync(reportOf(workspace), { force: true });
  mkdirSync(path.dirname(reportOf(workspace)), { recursive: true }); // jest does not create it
}

const turbo = spawnSync(
  'npx',
  ['turbo', 'run', 'test', '--continue', '--concurrency=2', '--output-logs=new-only', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } },
);

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const workspace of workspaces) {
  const file = reportOf(workspace);
  if (!existsSync(file)) {
    if (existsSync(path.join(workspace, 'jest.config.js'))) missing.push(path.relative(root, workspace));
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
if (missing.length > 0) console.error(`no jest report from: ${missing.join(', ')} (suite crashed or did not run)`);
const ok = turbo.status === 0 && failed === 0 && missing.length === 0;
console.log(`tests: ${passed} passed, ${failed + missing.length} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok ? 0 : 1);
