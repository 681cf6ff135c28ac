import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';
import { createEventStore, type EventStore } from '@par-index/eventstore';
import type { DataSource } from 'typeorm';
import { openReadModel, openReadModelVersion } from '../data-source';
import { appendGenerated } from '../testing/generator/append-generated';
import { generateNation, type GeneratorOptions } from '../testing/generator/generate';
import { createVersion } from '../versions/blue-green';
import { createProjectionDaemon } from './index';

const options: GeneratorOptions = { seed: 7, provinces: 1, years: 2, communes: false, departmentsPerProvince: 5, districtsPerProvince: 3 };
const TABLES = ['units', 'criteria_sets', 'assessments', 'scorecards', 'audit_timeline'];

describe('the same log, batched differently (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let control: DataSource;
  const opened: DataSource[] = [];
  const ctx = () => ({ store, control, databaseUrl: db.url, holder: 'test' });
  const daemonFor = async (version: number, sizes: { catchUpBatchSize?: number; liveBatchSize?: number }) => {
    const dataSource = await openReadModelVersion(db.url, version);
    opened.push(dataSource);
    return createProjectionDaemon(store, dataSource, { version, holder: 'test', ...sizes });
  };
  const checksum = async (version: number, table: string) =>
    (await control.query(`SELECT md5(COALESCE(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM rm_v${version}.${table} t`))[0]
      .sum as string;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = createEventStore({ databaseUrl: db.url });
    control = await openReadModel(db.url);
  });
  afterAll(async () => {
    for (const dataSource of opened) await dataSource.destroy();
    await control.destroy();
    await store.close();
    await db.drop();
  });

  it('given a generated log followed live in batches of 3, then catch-up in one batch per 5,000 events and in batches of 13 give identical tables', async () => {
    const live = await daemonFor(1, { liveBatchSize: 3 });
    await live.start();
    const summary = await appendGenerated(store, generateNation(options), { concurrency: 4 });
    expect(summary.events).toBeGreaterThan(3_000);
    const head = await store.headPosition();
    expect(await live.waitFor(head, 120_000)).toEqual({ projected: true });
    await live.stop();

    const big = await createVersion(ctx());
    expect(await (await daemonFor(big, { catchUpBatchSize: 5_000 })).catchUp()).toBe(summary.events);
    const small = await createVersion(ctx());
    expect(await (await daemonFor(small, { catchUpBatchSize: 13 })).catchUp()).toBe(summary.events);

    const scorecards = Number((await control.query('SELECT count(*) AS n FROM rm_v1.scorecards'))[0].n);
    expect(scorecards).toBe(2 * (1 + 5 + 3));
    for (const table of TABLES) {
      const live1 = await checksum(1, table);
      expect([table, await checksum(big, table)]).toEqual([table, live1]);
      expect([table, await checksum(small, table)]).toEqual([table, live1]);
    }
  }, 300_000);
});
