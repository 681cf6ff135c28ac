// Checks docker-compose.yml and the Dockerfile without a Docker engine (none on our machines):
// a YAML parse plus the rules below. Run by `npm test` (and so by .ci/run). It also feeds itself
// broken variants of the real files and fails unless each one is rejected.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (file) => readFileSync(path.join(root, file), 'utf8');

const SERVICES = ['kurrentdb', 'postgres', 'api', 'projector'];
const RESTART = new Set(['always', 'unless-stopped', 'on-failure']);
const APP_ENV = ['EVENTSTORE_URL', 'DATABASE_URL', 'EVENTSTORE_DATABASE_URL', 'PROJECTOR_DATABASE_URL', 'API_DATABASE_URL'];
const ROLE_URLS = APP_ENV.slice(1);
// Variables read outside the zod schema of libs/config (none at the moment).
const PENDING_CONFIG_VARS = [];
const LOCAL_BIND = /^(127\.0\.0\.1|\$\{PAR_BIND_ADDRESS:-127\.0\.0\.1\}):\d+:\d+$/;
const NODE_LTS = /^node:(22|24|26)(\.\d+)*-(bookworm|trixie)-slim$/;

export function configVariables(configSource) {
  return new Set([...configSource.matchAll(/^\s{2}([A-Z][A-Z0-9_]+): z\./gm)].map((m) => m[1]));
}

const userOf = (url) => decodeURIComponent(new URL(url.replace(/\$\{[^}]*\}/g, 'x')).username);

export function checkCompose(doc, knownVariables) {
  const problems = [];
  const services = doc?.services ?? {};
  for (const name of SERVICES) if (!services[name]) problems.push(`service ${name} is missing`);
  for (const [name, service] of Object.entries(services)) {
    if (!service.image || /:latest$|^[^:]+$/.test(service.image)) problems.push(`${name}: image must be pinned to a tag`);
    if (!RESTART.has(service.restart)) problems.push(`${name}: restart policy missing or unknown (${service.restart})`);
    const test = service.healthcheck?.test;
    if (!Array.isArray(test) || test.length < 2 || service.healthcheck.disable) problems.push(`${name}: no health check`);
    for (const key of ['interval', 'timeout', 'retries'])
      if (service.healthcheck?.[key] === undefined) problems.push(`${name}: healthcheck.${key} missing`);
    for (const port of service.ports ?? [])
      if (typeof port !== 'string' || !LOCAL_BIND.test(port))
        problems.push(`${name}: port ${JSON.stringify(port)} is not bound to 127.0.0.1`);
    for (const [dependency, rule] of Object.entries(service.depends_on ?? {}))
      if (!services[dependency]) problems.push(`${name}: depends on unknown ${dependency} (${rule?.condition})`);
  }
  const kurrent = services.kurrentdb ?? {};
  if (!/^docker\.kurrent\.io\/kurrent-latest\/kurrentdb:|^kurrentplatform\/kurrentdb:/.test(kurrent.image ?? ''))
    problems.push('kurrentdb: not a KurrentDB image');
  const kurrentEnv = kurrent.environment ?? {};
  for (const key of ['KURRENTDB_CLUSTER_SIZE', 'KURRENTDB_INSECURE', 'KURRENTDB_NODE_PORT', 'KURRENTDB_RUN_PROJECTIONS'])
    if (!(key in kurrentEnv)) problems.push(`kurrentdb: ${key} missing`);
  for (const key of Object.keys(kurrentEnv))
    if (!key.startsWith('KURRENTDB_')) problems.push(`kurrentdb: ${key} is not a KURRENTDB_ setting`);
  if (!/^postgres:\d+/.test(services.postgres?.image ?? '')) problems.push('postgres: not an official postgres image');
  for (const key of ['POSTGRES_USER', 'POSTGRES_PASSWORD', 'POSTGRES_DB'])
    if (!services.postgres?.environment?.[key]) problems.push(`postgres: ${key} missing`);

  for (const name of ['api', 'projector']) {
    const env = services[name]?.environment ?? {};
    for (const key of APP_ENV) if (!env[key]) problems.push(`${name}: ${key} missing`);
    for (const key of Object.keys(env)) if (!knownVariables.has(key)) problems.push(`${name}: ${key} is not read by libs/config`);
    if (!String(env.EVENTSTORE_URL ?? '').startsWith('esdb://kurrentdb:'))
      problems.push(`${name}: EVENTSTORE_URL must point at the kurrentdb service`);
    if (env.DATABASE_URL && ROLE_URLS.every((key) => env[key])) {
      const users = ROLE_URLS.map((key) => userOf(env[key]));
      if (new Set(users).size !== users.length)
        problems.push(`${name}: the four database URLs must use four different roles (${users.join(', ')})`);
      if (users.slice(1).includes(services.postgres?.environment?.POSTGRES_USER))
        problems.push(`${name}: a least-privileged URL uses the superuser`);
    }
  }
  const apiEnv = services.api?.environment ?? {};
  if (!('AUTH_JWT_SECRET' in apiEnv) || !('AUTH_JWKS_URL' in apiEnv))
    problems.push('api: AUTH_JWT_SECRET and AUTH_JWKS_URL must be passed through (the API refuses to start without one)');
  if (services.api?.environment?.RUN_PROJECTOR !== 'false')
    problems.push('api: RUN_PROJECTOR must be "false" (the projector runs as its own service)');
  if (!JSON.stringify(services.api?.healthcheck?.test ?? '').includes('/health/ready'))
    problems.push('api: health check must probe /health/ready');
  return problems;
}

export function checkDockerfile(text, dockerignore, workspaces = []) {
  const problems = [];
  // the dependency layer installs before the sources are copied: it needs every workspace's manifest
  for (const workspace of workspaces)
    if (!text.includes(`COPY ${workspace}/package.json ${workspace}/`))
      problems.push(`Dockerfile: ${workspace}/package.json is not copied before the install`);
  const args = new Map([...text.matchAll(/^ARG (\w+)=(\S+)/gm)].map((m) => [m[1], m[2]]));
  const stages = [...text.matchAll(/^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/gim)].map((m) => ({
    image: m[1].replace(/^\$\{(\w+)\}$/, (_, arg) => args.get(arg) ?? m[1]),
    start: m.index,
  }));
  if (stages.length < 2) problems.push('Dockerfile: not multi-stage');
  for (const { image } of stages) if (!NODE_LTS.test(image)) problems.push(`Dockerfile: ${image} is not a maintained Node LTS slim image`);
  const final = text.slice(stages.at(-1)?.start ?? 0);
  const user = [...final.matchAll(/^USER\s+(\S+)/gm)].at(-1)?.[1];
  if (!user || user === 'root' || user === '0') problems.push('Dockerfile: the final stage must run as a non-root USER');
  if (!/^COPY --from=/m.test(final)) problems.push('Dockerfile: the final stage must copy the build output from an earlier stage');
  if (/^RUN .*npm (install|ci)\b/m.test(final)) problems.push('Dockerfile: the final stage must not install packages');
  if (/^RUN .*npm ci\b/m.test(text)) problems.push('Dockerfile: npm ci refuses our lockfile; use scripts/install-locked.mjs');
  if (!/install-locked\.mjs/.test(text)) problems.push('Dockerfile: dependencies must come from scripts/install-locked.mjs');
  if (!/prune --omit=dev/.test(text)) problems.push('Dockerfile: the image must drop dev dependencies');
  for (const entry of ['node_modules', '**/dist', '.data', '.git'])
    if (!dockerignore.split('\n').includes(entry)) problems.push(`.dockerignore: ${entry} missing`);
  return problems;
}

const VARIANTS = 12;

function selfTest(compose, known, dockerfile, dockerignore, workspaces) {
  const clone = () => structuredClone(compose);
  const broken = [
    ['a public port', (c) => (c.services.api.ports = ['4000:4000'])],
    ['a missing health check', (c) => delete c.services.projector.healthcheck],
    ['a missing restart policy', (c) => delete c.services.postgres.restart],
    ['an EVENTSTORE_ prefixed KurrentDB setting', (c) => (c.services.kurrentdb.environment.EVENTSTORE_INSECURE = 'true')],
    ['an API on the owner role', (c) => (c.services.api.environment.API_DATABASE_URL = c.services.api.environment.DATABASE_URL)],
    ['an unknown variable', (c) => (c.services.api.environment.DATABASE_URI = 'x')],
    ['no token verification settings', (c) => delete c.services.api.environment.AUTH_JWT_SECRET],
  ];
  const failures = broken
    .filter(([, mutate]) => {
      const c = clone();
      mutate(c);
      return checkCompose(c, known).length === 0;
    })
    .map(([what]) => what);
  const brokenDockerfiles = [
    ['npm ci', dockerfile.replace('node scripts/install-locked.mjs', 'npm ci')],
    ['root user', dockerfile.replace(/^USER node$/m, 'USER root')],
    ['one stage', dockerfile.replace(/^FROM \$\{NODE_IMAGE\} AS runtime$/m, '')],
    ['node 20', dockerfile.replace(/^ARG NODE_IMAGE=.*$/m, 'ARG NODE_IMAGE=node:20-bookworm-slim')],
    ['a workspace manifest missing', dockerfile.replace(/^COPY libs\/scoring\/package\.json.*$/m, '')],
  ];
  for (const [what, text] of brokenDockerfiles)
    if (text === dockerfile || checkDockerfile(text, dockerignore, workspaces).length === 0) failures.push(`Dockerfile with ${what}`);
  return failures;
}

const compose = parse(read('docker-compose.yml'), { merge: true });
const known = new Set([...configVariables(read('libs/config/src/config.ts')), ...PENDING_CONFIG_VARS]);
const dockerfile = read('Dockerfile');
const dockerignore = read('.dockerignore');
const workspaces = ['apps', 'libs']
  .flatMap((dir) => readdirSync(path.join(root, dir)).map((name) => `${dir}/${name}`))
  .filter((w) => existsSync(path.join(root, w, 'package.json')));
const problems = [...checkCompose(compose, known), ...checkDockerfile(dockerfile, dockerignore, workspaces)];
const undetected = selfTest(compose, known, dockerfile, dockerignore, workspaces);
for (const what of undetected) problems.push(`self-test: ${what} was not rejected`);
if (problems.length > 0) {
  console.error(`deploy check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `deploy check: docker-compose.yml (${Object.keys(compose.services).length} services) and Dockerfile pass; ${VARIANTS} broken variants rejected`,
);
