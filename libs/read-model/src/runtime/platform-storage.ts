import {
  ConfigError,
  DATABASE_GROUP_ROLES,
  describeConnectionRole,
  provisionLoginRoles,
  type DatabaseHandle,
  type DatabaseRole,
  type Logger,
  type ParConfig,
} from '@par-index/config';
import { createEventStore, PostgresEventStore, type EventStore, type PostgresEventStoreOptions } from '@par-index/eventstore';
import type { DataSource } from 'typeorm';
import { openReadModel } from '../data-source';
import { loadTamperEvidence } from './tamper-evidence';

export const STORE_ROLES = { writer: DATABASE_GROUP_ROLES.writer, readers: [DATABASE_GROUP_ROLES.projector] };

export interface RoleConnections {
  eventStore: EventStore;
  readModel: DataSource;
}

export interface PlatformStorage {
  /** the event-store writer and the read-model reader: what the API appends and queries with */
  api?: RoleConnections;
  /** the projector role: reads events, writes the read models */
  projector?: RoleConnections;
  close(): Promise<void>;
}

/**
 * The owner migrates both schemas and provisions the login roles; every connection the platform
 * keeps afterwards is least-privileged (writer, projector, reader), never the owner or a superuser.
 */
export async function openPlatformStorage(
  config: ParConfig,
  database: DatabaseHandle,
  logger: Logger,
  needs: { api: boolean; projector: boolean },
): Promise<PlatformStorage> {
  await migrateAsOwner(config, database.url);
  const evidence = await loadTamperEvidence(config, database.url, database.embedded);
  const storeOptions: PostgresEventStoreOptions = {
    anchorFile: evidence.anchorFile,
    acceptUnkeyedUpToPosition: evidence.acceptUnkeyedUpToPosition,
  };
  const used = new Set<DatabaseRole>([
    ...(needs.api && !config.eventStoreUrl ? (['writer'] as const) : []), // EventStoreDB: no PostgreSQL writer
    ...(needs.api ? (['reader'] as const) : []),
    ...(needs.projector ? (['projector'] as const) : []),
  ]);
  // only this process's roles: an API and a projector starting together never re-password the same role
  await provisionLoginRoles(database.url, database.roleUrls, [...used]);
  const onOwnerUrl = database.rolesOnOwnerUrl.filter((role) => used.has(role));
  if (onOwnerUrl.length > 0) {
    logger.warn(
      { roles: onOwnerUrl },
      'connecting with the owner DATABASE_URL: set EVENTSTORE_DATABASE_URL, PROJECTOR_DATABASE_URL and API_DATABASE_URL for least privilege',
    );
  }
  await refuseSuperusers(database, used);
  const roleStore = (url: string) =>
    createEventStore({
      eventStoreUrl: config.eventStoreUrl,
      databaseUrl: url,
      hmacKey: evidence.hmacKey,
      postgres: { ...storeOptions, migrateOnFirstUse: false, roles: STORE_ROLES },
    });
  const api: RoleConnections | undefined = needs.api
    ? { eventStore: roleStore(database.roleUrls.writer), readModel: await openReadModel(database.roleUrls.reader, { migrate: false }) }
    : undefined;
  const projector: RoleConnections | undefined = needs.projector
    ? {
        // EventStoreDB has no PostgreSQL roles: one client serves both
        eventStore: config.eventStoreUrl && api ? api.eventStore : roleStore(database.roleUrls.projector),
        readModel: await openReadModel(database.roleUrls.projector, { migrate: false }),
      }
    : undefined;
  return {
    api,
    projector,
    async close() {
      const stores = new Set([api?.eventStore, projector?.eventStore].filter((s): s is EventStore => s !== undefined));
      await Promise.all([...stores].map((s) => s.close()));
      await Promise.all([api?.readModel.destroy(), projector?.readModel.destroy()]);
    },
  };
}

async function migrateAsOwner(config: ParConfig, ownerUrl: string): Promise<void> {
  if (!config.eventStoreUrl) {
    const owner = new PostgresEventStore(ownerUrl, { roles: STORE_ROLES, poolSize: 1 });
    try {
      await owner.migrate();
    } finally {
      await owner.close();
    }
  }
  const readModel = await openReadModel(ownerUrl, { poolSize: 2 }); // the migration lock holds one connection
  await readModel.destroy();
}

const ROLE_VARIABLES: Record<DatabaseRole, string> = {
  writer: 'EVENTSTORE_DATABASE_URL',
  projector: 'PROJECTOR_DATABASE_URL',
  reader: 'API_DATABASE_URL',
};

/** Each role URL must log in, and not as a superuser: otherwise least privilege is a fiction. */
async function refuseSuperusers(database: DatabaseHandle, used: ReadonlySet<DatabaseRole>): Promise<void> {
  for (const role of used) {
    if (database.rolesOnOwnerUrl.includes(role)) continue;
    const connection = await describeConnectionRole(database.roleUrls[role]).catch((error: Error) => {
      throw new ConfigError(
        `Cannot connect as the ${role} role (${ROLE_VARIABLES[role]}): ${error.message}. ` +
          'Create its login role as a member of ' +
          DATABASE_GROUP_ROLES[role] +
          ' (README "Database roles").',
      );
    });
    if (connection.superuser) {
      throw new ConfigError(
        `The ${role} connection (${ROLE_VARIABLES[role]}) logs in as ${connection.user}, a superuser: give it a least-privileged login role`,
      );
    }
  }
}
