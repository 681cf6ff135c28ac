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
  PAR_DEMO: z.enum(['auto', 'true', 'false']).default('auto'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  RUN_PROJECTOR: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().positive().default(25000),
  READY_MAX_LAG_EVENTS: z.coerce.number().int().min(0).default(5000),
  READY_MAX_LAG_SECONDS: z.coerce.number().min(0).default(30),
  GRAPHQL_INTROSPECTION: z.enum(['everyone', 'authenticated']).optional(),
  GRAPHQL_RESPONSE_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100000).default(500),
  // least-privileged connections and tamper evidence (see README "Database roles", "Threat model")
  EVENTSTORE_DATABASE_URL: z.string().url().optional(),
  PROJECTOR_DATABASE_URL: z.string().url().optional(),
  API_DATABASE_URL: z.string().url().optional(),
  EVENTSTORE_HMAC_KEY: z.string().min(32, 'at least 32 characters').optional(),
  EVENTSTORE_ANCHOR_FILE: z.string().min(1).optional(),
  EVENTSTORE_ANCHOR_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(300),
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  AUTH_JWKS_URL: z.string().url().optional(),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  NODE_ENV: z.string().optional(),
});

export interface ParConfig {
  /** unset → an embedded PostgreSQL is started under `dataDir` */
  databaseUrl?: string;
  /** set → EventStoreDB is the event store; unset → the PostgreSQL event store in `databaseUrl` */
  eventStoreUrl?: string;
  dataDir: string;
  /** demo data on first start: auto = into a new embedded data folder, true = also into an empty external database */
  demo: 'auto' | 'true' | 'false';
  embeddedPgPort: number;
  apiPort: number;
  apiHost: string;
  /** run the projector inside the API process (the embedded default); docker-compose sets false */
  runProjector: boolean;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  graphqlMaxComplexity: number;
  /** /health/ready fails when the active read models lag the event store by more than this */
  readyMaxLagEvents: number;
  readyMaxLagSeconds: number;
  /** who may introspect the schema: everyone, or (default under NODE_ENV=production) authenticated callers only */
  graphqlIntrospection: 'everyone' | 'authenticated';
  /** answers of read-model queries kept while the read models do not move (0: off) */
  graphqlResponseCacheEntries: number;
  /** login URLs of the least-privileged roles; unset → derived (embedded) or DATABASE_URL (with a warning) */
  roleUrls: { writer?: string; projector?: string; reader?: string };
  /** HMAC key of the hash chain; unset → a key file under `${dataDir}/keys` */
  hmacKey?: string;
  anchorFile: string;
  /** 0 disables scheduled anchors */
  anchorIntervalSeconds: number;
  /** how bearer tokens are verified; resolve the signing key with `resolveTokenKey` (auth-key.ts) */
  auth: AuthConfig;
  /** DATABASE_URL or NODE_ENV=production: no embedded conveniences (e.g. no generated signing secret) */
  production: boolean;
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
  const blankToUndefined = Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value === '' ? undefined : value]));
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
    demo: c.PAR_DEMO,
    embeddedPgPort: c.EMBEDDED_PG_PORT,
    apiPort: c.API_PORT,
    apiHost: c.API_HOST,
    runProjector: c.RUN_PROJECTOR === 'true',
    logLevel: c.LOG_LEVEL,
    graphqlMaxComplexity: c.GRAPHQL_MAX_COMPLEXITY,
    readyMaxLagEvents: c.READY_MAX_LAG_EVENTS,
    readyMaxLagSeconds: c.READY_MAX_LAG_SECONDS,
    graphqlIntrospection: c.GRAPHQL_INTROSPECTION ?? (c.NODE_ENV === 'production' ? 'authenticated' : 'everyone'),
    graphqlResponseCacheEntries: c.GRAPHQL_RESPONSE_CACHE_ENTRIES,
    roleUrls: { writer: c.EVENTSTORE_DATABASE_URL, projector: c.PROJECTOR_DATABASE_URL, reader: c.API_DATABASE_URL },
    hmacKey: c.EVENTSTORE_HMAC_KEY,
    anchorFile: path.resolve(cwd, c.EVENTSTORE_ANCHOR_FILE ?? path.join(c.PAR_DATA_DIR, 'anchors', 'anchors.jsonl')),
    anchorIntervalSeconds: c.EVENTSTORE_ANCHOR_INTERVAL_SECONDS,
    auth: authConfig(c),
    production: c.DATABASE_URL !== undefined || c.NODE_ENV === 'production',
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
