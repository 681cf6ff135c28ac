import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';
import { createEventStore, type EventStore } from '@par-index/eventstore';
import type { DataSource } from 'typeorm';
import { openReadModel } from '../../data-source';
import { createProjector } from '../../projections';
import { readProjectionStates } from '../../runtime/projection-state';
import type { ProjectorRunner } from '../../runtime/projector-runner';
import { waitForCheckpoints } from '../../runtime/wait-for-checkpoints';
import { appendGenerated } from './append-generated';
import { generateNation, type GeneratorOptions } from './generate';

const options: GeneratorOptions = {
  seed: 42,
  provinces: 2,
  years: 1,
  communes: true,
  departmentsPerProvince: 3,
  districtsPerProvince: 2,
  communesPerDistrict: 2,
};

describe('generated national data through the event store and the projector (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let control: DataSource;
  let runner: ProjectorRunner;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = createEventStore({ databaseUrl: db.url });
    control = await openReadModel(db.url);
  });
  afterAll(async () => {
    await runner?.stop();
    await control.destroy();
    await store.close();
    await db.drop();
  });

  it('given a small generated set appended in bulk, when projected, then every assessment is ranked in its group with the total the domain approved, and nothing failed or was dropped', async () => {
    const summary = await appendGenerated(store, generateNation(options), { concurrency: 4 });
    const expected = [...generateNation(options)].flatMap((p) => p.chunks.flatMap((c) => c.events));
    expect(summary.events).toBe(expected.length);
    expect((await store.verify()).ok).toBe(true);

    runner = createProjector({ databaseUrl: db.url, store, control, pollMs: 50 });
    await runner.start();
    expect(await waitForCheckpoints(control, ['scorecards'], await store.headPosition(), 50_000)).toEqual({ projected: true });

    const states = await readProjectionStates(control.manager);
    expect(states.filter((s) => s.status === 'failed' || s.lastError !== null || s.droppedEvents !== '0')).toEqual([]);
    const approvedTotals = new Map<string, number>();
    for (const chunk of [...generateNation(options)].flatMap((p) => p.chunks)) {
      for (const event of chunk.events)
        if (event.type === 'AssessmentApproved') approvedTotals.set(chunk.streamName, (event.data.totals as { total: number }).total);
    }
    const rows = (await control.query(
      'SELECT unit_id, year, group_code, total, rank, group_size FROM scorecards ORDER BY group_code, rank',
    )) as { unit_id: string; year: number; group_code: string; total: number; rank: number; group_size: number }[];
    // 2 provinces × (1 + 3 departments + 2 districts + 4 communes)
    expect(rows).toHaveLength(20);
    for (const row of rows) expect(row.total).toBe(approvedTotals.get(`assessment-${row.unit_id}-${row.year}`));
    const groups = new Map<string, typeof rows>();
    for (const row of rows) groups.set(row.group_code, [...(groups.get(row.group_code) ?? []), row]);
    expect([...groups.keys()].sort()).toEqual([
      'p01-communes',
      'p01-departments',
      'p01-districts',
      'p02-communes',
      'p02-departments',
      'p02-districts',
      'provinces',
    ]);
    for (const members of groups.values()) {
      expect(members.every((m) => m.group_size === members.length)).toBe(true);
      const sorted = [...members].sort((a, b) => b.total - a.total);
      expect(members.map((m) => m.total)).toEqual(sorted.map((m) => m.total));
      expect(members[0]!.rank).toBe(1);
    }
  });
});
