// Installs exactly the versions package-lock.json pins, for CI and the Docker build alike.
//
// `npm ci` refuses our lockfile everywhere: it lacks entries for the optional binaries of other
// platforms (e.g. @swc/core-darwin-arm64), because the registry our machines reach serves only
// linux-x64 ones, so npm could never record them. `npm install` installs the locked versions;
// afterwards this script checks that every locked package kept its version and integrity and that
// nothing was added except another platform's optional binary (which npm adds where the full
// registry is reachable). Any other change fails: commit an updated lockfile instead.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lockPath = path.join(root, 'package-lock.json');
const committed = readFileSync(lockPath, 'utf8');
const npmArgs = ['install', '--no-audit', '--no-fund', ...process.argv.slice(2)];

const npm = spawnSync('npm', npmArgs, { cwd: root, stdio: 'inherit' });
if (npm.status !== 0) process.exit(npm.status ?? 1);

const before = JSON.parse(committed).packages;
const after = JSON.parse(readFileSync(lockPath, 'utf8')).packages;
const problems = [];
for (const [key, locked] of Object.entries(before)) {
  const now = after[key];
  if (!now) problems.push(`removed ${key}`);
  else if (now.version !== locked.version || now.integrity !== locked.integrity)
    problems.push(`changed ${key}: ${locked.version} → ${now.version}`);
}
for (const [key, added] of Object.entries(after)) {
  if (key in before) continue;
  const otherPlatformBinary = added.optional === true && (added.os !== undefined || added.cpu !== undefined);
  if (!otherPlatformBinary) problems.push(`added ${key}@${added.version}`);
}
if (problems.length > 0) {
  console.error(`package-lock.json would change: commit an updated lockfile\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
writeFileSync(lockPath, committed); // keep the committed lockfile byte for byte
console.log(`install-locked: ${Object.keys(before).length - 1} locked packages installed at their locked versions`);
