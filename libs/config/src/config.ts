import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting of par-index, read from the environment in one place. The README's configuration
 * table mirrors this schema; keep them together.
 */
const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  EVENTSTORE_URL: z.string().min(1).optional(),
  PAR_DATA_DIR: z.string().min(1).default('.data'),
  PAR_DEMO: z.enum(['true', 'false']).default('true'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  RUN_PROJECTOR: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().positive().default(5000),
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  AUTH_JWKS_URL: z.string().url().optional(),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  NODE_ENV: z.string().optional(),
  READY_MAX_LAG_EVENTS: z.coerce.number().int().min(0).default(5000),
  READY_MAX_LAG_SECONDS: z.coerce.number().min(0).default(30),
});

export interface ParConfig {
  /** unset → an embedded PostgreSQL is started under `dataDir` */
  databaseUrl?: string;
  /** set → EventStoreDB is the event store; unset → the PostgreSQL event store in `databaseUrl` */
  eventStoreUrl?: string;
  dataDir: string;
  /** load the demo province into a new embedded data folder on first start */
  demo: boolean;
  embeddedPgPort: number;
  apiPort: number;
  apiHost: string;
  /** run the projector inside the API process (the embedded default); docker-compose sets false */
  runProjector: boolean;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  graphqlMaxComplexity: number;
  /** how bearer tokens are verified; resolve the signing key with `resolveTokenKey` (auth-key.ts) */
  auth: AuthConfig;
  /** DATABASE_URL or NODE_ENV=production: no embedded conveniences (e.g. no generated signing secret) */
  production: boolean;
  /** /health/ready fails when the active read models lag the event store by more than this */
  readyMaxLagEvents: number;
  readyMaxLagSeconds: number;
}

export interface AuthConfig {
  /** HS256 shared secret */
  jwtSecret?: string;
  /** RS/ES keys of an identity provider */
  jwksUrl?: string;
  /** checked whenever set (required with a JWKS) */
  issuer?: string;
  audience?: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ParConfig {
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value === '' ? undefined : value]),
  );
  const parsed = schema.safeParse(blankToUndefined);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const c = parsed.data;
  return {
    databaseUrl: c.DATABASE_URL,
    eventStoreUrl: c.EVENTSTORE_URL,
    dataDir: path.resolve(cwd, c.PAR_DATA_DIR),
    demo: c.PAR_DEMO === 'true',
    embeddedPgPort: c.EMBEDDED_PG_PORT,
    apiPort: c.API_PORT,
    apiHost: c.API_HOST,
    runProjector: c.RUN_PROJECTOR === 'true',
    logLevel: c.LOG_LEVEL,
    graphqlMaxComplexity: c.GRAPHQL_MAX_COMPLEXITY,
    auth: authConfig(c),
    production: c.DATABASE_URL !== undefined || c.NODE_ENV === 'production',
    readyMaxLagEvents: c.READY_MAX_LAG_EVENTS,
    readyMaxLagSeconds: c.READY_MAX_LAG_SECONDS,
  };
}

function authConfig(c: z.infer<typeof schema>): AuthConfig {
  if (c.AUTH_JWT_SECRET && c.AUTH_JWKS_URL) {
    throw new ConfigError('Set either AUTH_JWT_SECRET (HS256) or AUTH_JWKS_URL (identity provider), not both');
  }
  if (c.AUTH_JWKS_URL && (!c.AUTH_ISSUER || !c.AUTH_AUDIENCE)) {
    throw new ConfigError('AUTH_JWKS_URL needs AUTH_ISSUER and AUTH_AUDIENCE, so tokens from the provider are checked for this API');
  }
  return { jwtSecret: c.AUTH_JWT_SECRET, jwksUrl: c.AUTH_JWKS_URL, issuer: c.AUTH_ISSUER, audience: c.AUTH_AUDIENCE };
}
