import path from 'node:path';
import type { ParConfig } from './config';
import { DATABASE_GROUP_ROLES, type DatabaseRole, type RoleUrls } from './database-roles';
import { startEmbeddedPostgres } from './embedded-postgres';
import { readOrCreateSecretFile } from './secret-file';

export interface DatabaseHandle {
  /** the owner: runs migrations and provisions the login roles, nothing else */
  url: string;
  /** what the event-store writer, the projector and the API's queries connect with */
  roleUrls: RoleUrls;
  /** roles that fell back to the owner URL (production without the role URLs) */
  rolesOnOwnerUrl: DatabaseRole[];
  embedded: boolean;
  stop(): Promise<void>;
}

const ROLES = Object.keys(DATABASE_GROUP_ROLES) as DatabaseRole[];

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under the data folder. */
export async function openDatabase(config: ParConfig, onLog?: (message: string) => void): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    const ownerUrl = config.databaseUrl;
    const roleUrls = Object.fromEntries(ROLES.map((role) => [role, config.roleUrls[role] ?? ownerUrl])) as RoleUrls;
    const rolesOnOwnerUrl = ROLES.filter((role) => config.roleUrls[role] === undefined);
    return { url: ownerUrl, roleUrls, rolesOnOwnerUrl, embedded: false, stop: async () => undefined };
  }
  const pg = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, onLog });
  return { url: pg.url, roleUrls: embeddedRoleUrls(pg.url, config.dataDir), rolesOnOwnerUrl: [], embedded: true, stop: pg.stop };
}

/** Login roles `<group>_login`, passwords generated once under `<dataDir>/secrets/` (0600). */
export function embeddedRoleUrls(superuserUrl: string, dataDir: string): RoleUrls {
  const entries = ROLES.map((role) => {
    const url = new URL(superuserUrl);
    url.username = `${DATABASE_GROUP_ROLES[role]}_login`;
    url.password = readOrCreateSecretFile(path.join(dataDir, 'secrets', `database-${role}.password`));
    return [role, url.toString()];
  });
  return Object.fromEntries(entries) as RoleUrls;
}
