import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type ParConfig } from '@par-index/config';
import { startPlatform, type Platform } from '@par-index/read-model';

/** The database an ops command talks to, without the password. */
export function describeDatabase(url: string, embedded: boolean): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return `${parsed.toString()}${embedded ? ' (embedded)' : ''}`;
}

/**
 * Storage for an ops command, never a fresh database: without DATABASE_URL the data folder must
 * already hold the embedded PostgreSQL, otherwise the command would report on an empty new one.
 */
export async function openOpsPlatform(config: ParConfig = loadConfig()): Promise<Platform> {
  if (!config.databaseUrl && !existsSync(path.join(config.dataDir, 'pg', 'PG_VERSION'))) {
    throw new ConfigError(
      `No database: DATABASE_URL is unset and the data folder ${config.dataDir} holds no embedded PostgreSQL. ` +
        'Set DATABASE_URL (or PAR_DATA_DIR to the folder of the instance you mean); nothing was created.',
    );
  }
  // as the projector role; no scheduled anchors from a short-lived command (`anchor` is explicit)
  return startPlatform({ ...config, anchorIntervalSeconds: 0 }, { runProjector: false, serveApi: false, logTo: 'stderr' });
}

/** Runs an ops command against the platform and always closes it. */
export async function withOpsPlatform<T>(work: (platform: Platform) => Promise<T>): Promise<T> {
  const platform = await openOpsPlatform();
  try {
    return await work(platform);
  } finally {
    await platform.stop();
  }
}
