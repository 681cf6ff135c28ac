import { DataSource } from 'typeorm';
import { READ_MODEL_ENTITIES } from './entities';
import { InitialReadModel1764000000000 } from './migrations/1764000000000-initial-read-model';
import { VersionedReadModels1764100000000 } from './migrations/1764100000000-versioned-read-models';
import { ScorecardCriteriaVersion1764200000000 } from './migrations/1764200000000-scorecard-criteria-version';
import { ReadModelPrivileges1764300000000 } from './migrations/1764300000000-read-model-privileges';
import { DomainStatusVocabulary1764350000000 } from './migrations/1764350000000-domain-status-vocabulary';
import { AuditTimeline1764400000000 } from './migrations/1764400000000-audit-timeline';
import { ScorecardExactTotal1764500000000 } from './migrations/1764500000000-scorecard-exact-total';
import { versionSchema } from './versions/version-schema';

const MIGRATION_LOCK = 7_346_201; // any constant: serialises migrations of concurrent processes

function dataSource(databaseUrl: string, poolSize: number, searchPath?: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    entities: READ_MODEL_ENTITIES,
    migrations: [
      InitialReadModel1764000000000,
      VersionedReadModels1764100000000,
      ScorecardCriteriaVersion1764200000000,
      ReadModelPrivileges1764300000000,
      DomainStatusVocabulary1764350000000,
      AuditTimeline1764400000000,
      ScorecardExactTotal1764500000000,
    ],
    migrationsTableName: 'read_model_migrations',
    synchronize: false,
    extra: { max: poolSize, ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}) },
  });
}

/**
 * The read model's TypeORM connection, migrated before it is returned unless `migrate: false` (a
 * least-privileged role: the owner migrates, see runtime/platform-storage.ts). Its tables resolve
 * to the views in `public`, i.e. to the active version: this is the API's (reader's) connection.
 */
export async function openReadModel(databaseUrl: string, options: { poolSize?: number; migrate?: boolean } = {}): Promise<DataSource> {
  const source = dataSource(databaseUrl, options.poolSize ?? 10);
  await source.initialize();
  if (options.migrate === false) return source;
  const runner = source.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await source.runMigrations({ transaction: 'all' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
  return source;
}

/**
 * A connection whose unqualified tables are those of one version (`rm_vN`, then `public` for the
 * control tables): what a projector writes through. The schema must exist (migrations / rebuild).
 */
export async function openReadModelVersion(databaseUrl: string, version: number, options: { poolSize?: number } = {}): Promise<DataSource> {
  const source = dataSource(databaseUrl, options.poolSize ?? 4, `${versionSchema(version)},public`);
  await source.initialize();
  return source;
}
