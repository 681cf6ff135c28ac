import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialReadModel1764000000000 implements MigrationInterface {
  name = 'InitialReadModel1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE projection_checkpoints (
      projection_name text PRIMARY KEY, position bigint NOT NULL, updated_at timestamptz NOT NULL)`);
    await q.query(`CREATE TABLE units (
      unit_id text PRIMARY KEY, name text NOT NULL, level text NOT NULL, group_code text NOT NULL,
      parent_id text, region text, status text NOT NULL, merged_into text,
      absorbed jsonb NOT NULL DEFAULT '[]', previous_names jsonb NOT NULL DEFAULT '[]', updated_at text NOT NULL)`);
    await q.query(`CREATE TABLE criteria_sets (
      code text NOT NULL, version int NOT NULL, year int NOT NULL, level text NOT NULL, name text NOT NULL,
      status text NOT NULL, revision_reason text, criteria_set jsonb NOT NULL, published_at text NOT NULL,
      PRIMARY KEY (code, version))`);
    await q.query(`CREATE TABLE assessments (
      unit_id text NOT NULL, year int NOT NULL, level text NOT NULL, group_code text NOT NULL,
      criteria_set_code text NOT NULL, criteria_set_version int NOT NULL, status text NOT NULL,
      leaf_inputs jsonb NOT NULL, last_event_at text NOT NULL, last_position bigint NOT NULL,
      PRIMARY KEY (unit_id, year))`);
    await q.query(`CREATE INDEX assessments_group ON assessments (year, level, group_code)`);
    await q.query(`CREATE TABLE scorecards (
      unit_id text NOT NULL, year int NOT NULL, level text NOT NULL, group_code text NOT NULL, status text NOT NULL,
      total int NOT NULL, applicable_max int NOT NULL, percent numeric(7,2) NOT NULL, rank int NOT NULL,
      group_size int NOT NULL, fields jsonb NOT NULL, by_source jsonb NOT NULL, zero_leaves jsonb NOT NULL,
      updated_at text NOT NULL, PRIMARY KEY (unit_id, year))`);
    await q.query(`CREATE INDEX scorecards_group_rank ON scorecards (year, level, group_code, rank)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['scorecards', 'assessments', 'criteria_sets', 'units', 'projection_checkpoints']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
