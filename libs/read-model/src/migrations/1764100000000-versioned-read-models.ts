import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['units', 'criteria_sets', 'assessments', 'scorecards', 'projection_checkpoints'];

/**
 * Blue/green read models: the existing tables move to schema rm_v1 (version 1), `public` keeps
 * views of the same names pointing at the active version, and the control tables of the projector
 * (versions, the active pointer, per-projection state with leases and errors, recorded skips) are
 * created here so least-privileged roles can be granted on them.
 */
export class VersionedReadModels1764100000000 implements MigrationInterface {
  name = 'VersionedReadModels1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE SCHEMA rm_v1');
    for (const table of TABLES) {
      await q.query(`ALTER TABLE public.${table} SET SCHEMA rm_v1`);
      await q.query(`CREATE VIEW public.${table} AS SELECT * FROM rm_v1.${table}`);
    }
    await q.query(`CREATE TABLE public.read_model_versions (
      version int PRIMARY KEY, status text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
      activated_at timestamptz, note text)`);
    await q.query(`INSERT INTO public.read_model_versions (version, status, activated_at) VALUES (1, 'active', now())`);
    await q.query(`CREATE TABLE public.read_model_active (
      id int PRIMARY KEY CHECK (id = 1), version int NOT NULL REFERENCES public.read_model_versions (version),
      previous_version int, switched_at timestamptz NOT NULL DEFAULT now())`);
    await q.query('INSERT INTO public.read_model_active (id, version) VALUES (1, 1)');
    await q.query(`CREATE TABLE public.projection_state (
      version int NOT NULL, projection_name text NOT NULL, status text NOT NULL, holder text,
      checkpoint bigint NOT NULL DEFAULT -1, head bigint NOT NULL DEFAULT -1,
      lag_events bigint NOT NULL DEFAULT 0, lag_seconds numeric(12,3) NOT NULL DEFAULT 0,
      last_error text, poison_position bigint, dropped_events bigint NOT NULL DEFAULT 0, last_dropped_position bigint,
      updated_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (version, projection_name))`);
    await q.query(`CREATE TABLE public.projection_skips (
      version int NOT NULL, position bigint NOT NULL, reason text NOT NULL, skipped_by text NOT NULL,
      skipped_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (version, position))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['projection_skips', 'projection_state', 'read_model_active', 'read_model_versions']) {
      await q.query(`DROP TABLE IF EXISTS public.${table}`);
    }
    for (const table of TABLES) {
      await q.query(`DROP VIEW IF EXISTS public.${table}`);
      await q.query(`ALTER TABLE rm_v1.${table} SET SCHEMA public`);
    }
    await q.query('DROP SCHEMA rm_v1');
  }
}
