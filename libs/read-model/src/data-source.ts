import { DataSource } from 'typeorm';
import { READ_MODEL_ENTITIES } from './entities';
import { InitialReadModel1764000000000 } from './migrations/1764000000000-initial-read-model';
import { ScorecardCriteriaVersion1764100000000 } from './migrations/1764100000000-scorecard-criteria-version';

const MIGRATION_LOCK = 7_346_201; // any constant: serialises migrations of concurrent processes

/** The read model's TypeORM connection, migrated before it is returned. */
export async function openReadModel(databaseUrl: string, options: { poolSize?: number } = {}): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    entities: READ_MODEL_ENTITIES,
    migrations: [InitialReadModel1764000000000, ScorecardCriteriaVersion1764100000000],
    migrationsTableName: 'read_model_migrations',
    synchronize: false,
    extra: { max: options.poolSize ?? 10 },
  });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'all' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
  return dataSource;
}
