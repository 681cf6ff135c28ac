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
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  RUN_PROJECTOR: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().positive().default(5000),
  READY_MAX_LAG_EVENTS: z.coerce.number().int().min(0).default(5000),
  READY_MAX_LAG_SECONDS: z.coerce.number().min(0).default(30),
});

export interface ParConfig {
  /** unset → an embedded PostgreSQL is started under `dataDir` */
  databaseUrl?: string;
  /** set → EventStoreDB is the event store; unset → the PostgreSQL event store in `databaseUrl` */
  eventStoreUrl?: string;
  dataDir: string;
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
    embeddedPgPort: c.EMBEDDED_PG_PORT,
    apiPort: c.API_PORT,
    apiHost: c.API_HOST,
    runProjector: c.RUN_PROJECTOR === 'true',
    logLevel: c.LOG_LEVEL,
    graphqlMaxComplexity: c.GRAPHQL_MAX_COMPLEXITY,
    readyMaxLagEvents: c.READY_MAX_LAG_EVENTS,
    readyMaxLagSeconds: c.READY_MAX_LAG_SECONDS,
  };
}
