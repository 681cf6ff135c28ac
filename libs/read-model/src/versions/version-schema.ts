import type { EntityManager } from 'typeorm';

/**
 * Read models are versioned (blue/green): version N lives in schema `rm_vN` (its tables and its
 * checkpoints); the API reads views of the same names in `public` that point at the active version,
 * so its TypeORM queries never change. Switching is one transaction that re-points the views.
 */
export const READ_MODEL_TABLES = [
  'units',
  'criteria_sets',
  'assessments',
  'scorecards',
  'audit_timeline',
  'projection_checkpoints',
] as const;

export function versionSchema(version: number): string {
  if (!Number.isInteger(version) || version < 1) throw new Error(`invalid read-model version ${version}`);
  return `rm_v${version}`;
}

/** `v3`, `3` or `rm_v3` → 3 (CLI arguments). */
export function parseVersion(text: string): number {
  const match = /^(?:rm_)?v?(\d+)$/.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a read-model version (expected e.g. v2)`);
  const version = Number(match[1]);
  versionSchema(version);
  return version;
}

/** The tables of one version, as the current code expects them. */
export function versionTablesSql(version: number): string[] {
  const s = versionSchema(version);
  return [
    `CREATE SCHEMA ${s}`,
    `CREATE TABLE ${s}.projection_checkpoints (
      projection_name text PRIMARY KEY, position bigint NOT NULL, updated_at timestamptz NOT NULL)`,
    `CREATE TABLE ${s}.units (
      unit_id text PRIMARY KEY, name text NOT NULL, level text NOT NULL, group_code text NOT NULL,
      parent_id text, region text, status text NOT NULL, merged_into text,
      absorbed jsonb NOT NULL DEFAULT '[]', previous_names jsonb NOT NULL DEFAULT '[]', updated_at text NOT NULL)`,
    `CREATE TABLE ${s}.criteria_sets (
      code text NOT NULL, version int NOT NULL, year int NOT NULL, level text NOT NULL, name text NOT NULL,
      status text NOT NULL, revision_reason text, criteria_set jsonb NOT NULL, published_at text NOT NULL,
      PRIMARY KEY (code, version))`,
    `CREATE TABLE ${s}.assessments (
      unit_id text NOT NULL, year int NOT NULL, level text NOT NULL, group_code text NOT NULL,
      criteria_set_code text NOT NULL, criteria_set_version int NOT NULL, status text NOT NULL,
      leaf_inputs jsonb NOT NULL, last_event_at text NOT NULL, last_position bigint NOT NULL,
      PRIMARY KEY (unit_id, year))`,
    `CREATE INDEX assessments_group ON ${s}.assessments (year, level, group_code)`,
    `CREATE TABLE ${s}.scorecards (
      unit_id text NOT NULL, year int NOT NULL, level text NOT NULL, group_code text NOT NULL, status text NOT NULL,
      total int NOT NULL, applicable_max int NOT NULL, percent numeric(7,2) NOT NULL, rank int NOT NULL,
      group_size int NOT NULL, fields jsonb NOT NULL, by_source jsonb NOT NULL, zero_leaves jsonb NOT NULL,
      updated_at text NOT NULL, criteria_set_code text NOT NULL, criteria_set_version int NOT NULL,
      mixed_criteria_versions boolean NOT NULL, exact_total jsonb, PRIMARY KEY (unit_id, year))`,
    `CREATE INDEX scorecards_group_rank ON ${s}.scorecards (year, level, group_code, rank)`,
    ...auditTimelineTableSql(s),
    ...versionGrantsSql(version),
  ];
}

/** The per-leaf audit timeline of one version's schema (also created by migration 1764400000000, after the privileges one). */
export function auditTimelineTableSql(schema: string): string[] {
  return [
    `CREATE TABLE ${schema}.audit_timeline (
      position bigint PRIMARY KEY, event_id text NOT NULL, unit_id text NOT NULL, year int NOT NULL,
      stream_revision bigint NOT NULL, event_type text NOT NULL, scope text NOT NULL, leaf_codes jsonb NOT NULL,
      changes jsonb NOT NULL, status_from text, status_to text, actor_id text NOT NULL, actor_role text NOT NULL,
      reason text, occurred_at text NOT NULL, details jsonb NOT NULL)`,
    `CREATE INDEX audit_timeline_assessment ON ${schema}.audit_timeline (unit_id, year, position)`,
  ];
}

/** The projector role writes a version's tables (see migrations/1764300000000-read-model-privileges.ts). */
export function versionGrantsSql(version: number): string[] {
  const s = versionSchema(version);
  return [
    `GRANT USAGE ON SCHEMA ${s} TO par_index_projector`,
    `GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA ${s} TO par_index_projector`,
  ];
}

/**
 * (Re)defines the API's views over every kept version: each view is a UNION ALL of the versions'
 * tables, each branch guarded by the active pointer (an init-plan filter, so only the active
 * branch is read). A switch is then one pointer UPDATE, atomic for every reader's snapshot, with
 * no DDL at switch time. Views are replaced one per statement, so a reader holding one view never
 * waits for a switch holding another (no deadlock); called after a version is created or before
 * one is pruned, while the pointer names a version present in both definitions.
 */
export async function defineViews(manager: EntityManager, versions: readonly number[]): Promise<void> {
  if (versions.length === 0) throw new Error('the views need at least one version');
  for (const table of READ_MODEL_TABLES) {
    const branches = [...versions]
      .sort((a, b) => a - b)
      .map(
        (v) =>
          `SELECT * FROM ${versionSchema(v)}.${table} WHERE EXISTS (SELECT 1 FROM public.read_model_active a WHERE a.id = 1 AND a.version = ${v})`,
      );
    await manager.query(`CREATE OR REPLACE VIEW public.${table} AS ${branches.join(' UNION ALL ')}`);
  }
}

export async function activeVersion(manager: EntityManager): Promise<number> {
  const rows: { version: number }[] = await manager.query('SELECT version FROM public.read_model_active WHERE id = 1');
  if (rows.length === 0) throw new Error('read_model_active has no row: the read-model migrations did not run');
  return rows[0]!.version;
}
