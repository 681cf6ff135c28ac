import type { EntityManager } from 'typeorm';

/** What a projection is doing, as stored in public.projection_state (one row per version and name). */
export type ProjectionStatus = 'catching_up' | 'running' | 'rebuilding' | 'failed' | 'resuming' | 'stopped';

export interface ProjectionStateRow {
  version: number;
  projectionName: string;
  status: ProjectionStatus;
  holder: string | null;
  checkpoint: string;
  head: string;
  lagEvents: string;
  lagSeconds: number;
  lastError: string | null;
  poisonPosition: string | null;
  droppedEvents: string;
  lastDroppedPosition: string | null;
  updatedAt: Date;
}

export interface Progress {
  head: bigint;
  lagSeconds: number;
}

/**
 * Writes the state rows of one version from its checkpoints (read through the caller's
 * connection, whose search_path is that version). A failed row keeps its error and poison
 * position until `resume` clears them.
 */
export async function recordProjectionState(
  manager: EntityManager,
  version: number,
  names: readonly string[],
  holder: string,
  status: ProjectionStatus,
  progress: Progress,
  failure?: { error: string; position: bigint | null },
): Promise<void> {
  await manager.query(
    `INSERT INTO public.projection_state AS s
       (version, projection_name, status, holder, checkpoint, head, lag_events, lag_seconds, last_error, poison_position, updated_at)
     SELECT $1, n.name, $2, $3, COALESCE(c.position, -1), $4, GREATEST($4 - COALESCE(c.position, -1), 0), $5, $6, $7, now()
       FROM unnest($8::text[]) AS n(name) LEFT JOIN projection_checkpoints c ON c.projection_name = n.name
     ON CONFLICT (version, projection_name) DO UPDATE SET
       status = EXCLUDED.status, holder = EXCLUDED.holder, checkpoint = EXCLUDED.checkpoint, head = EXCLUDED.head,
       lag_events = EXCLUDED.lag_events, lag_seconds = EXCLUDED.lag_seconds, updated_at = now(),
       last_error = CASE WHEN EXCLUDED.status = 'failed' THEN EXCLUDED.last_error ELSE s.last_error END,
       poison_position = CASE WHEN EXCLUDED.status = 'failed' THEN EXCLUDED.poison_position ELSE s.poison_position END`,
    [
      version,
      status,
      holder,
      progress.head.toString(),
      progress.lagSeconds,
      failure?.error ?? null,
      failure?.position?.toString() ?? null,
      names,
    ],
  );
}

export async function recordDroppedEvent(manager: EntityManager, version: number, projectionName: string, position: bigint): Promise<void> {
  await manager.query(
    `UPDATE public.projection_state SET dropped_events = dropped_events + 1, last_dropped_position = $3
      WHERE version = $1 AND projection_name = $2`,
    [version, projectionName, position.toString()],
  );
}

export async function readProjectionStates(manager: EntityManager, version?: number): Promise<ProjectionStateRow[]> {
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT version, projection_name, status, holder, checkpoint::text, head::text, lag_events::text, lag_seconds::float8 AS lag_seconds,
            last_error, poison_position::text, dropped_events::text, last_dropped_position::text, updated_at
       FROM public.projection_state WHERE $1::int IS NULL OR version = $1 ORDER BY version, projection_name`,
    [version ?? null],
  );
  return rows.map((r) => ({
    version: r.version as number,
    projectionName: r.projection_name as string,
    status: r.status as ProjectionStatus,
    holder: r.holder as string | null,
    checkpoint: r.checkpoint as string,
    head: r.head as string,
    lagEvents: r.lag_events as string,
    lagSeconds: r.lag_seconds as number,
    lastError: r.last_error as string | null,
    poisonPosition: r.poison_position as string | null,
    droppedEvents: r.dropped_events as string,
    lastDroppedPosition: r.last_dropped_position as string | null,
    updatedAt: r.updated_at as Date,
  }));
}

/** The failure of the active version, if one of its projections is failed (mutations answer at once). */
export async function activeFailure(
  manager: EntityManager,
): Promise<{ projection: string; position: string | null; error: string } | null> {
  const rows: { projection_name: string; poison_position: string | null; last_error: string | null }[] = await manager.query(
    `SELECT s.projection_name, s.poison_position::text, s.last_error FROM public.projection_state s
       JOIN public.read_model_active a ON a.version = s.version WHERE s.status = 'failed' ORDER BY s.projection_name LIMIT 1`,
  );
  const row = rows[0];
  return row ? { projection: row.projection_name, position: row.poison_position, error: row.last_error ?? 'unknown error' } : null;
}

/** `resume`: a failed version's projector retries from its checkpoint (it polls for this). */
export async function requestResume(manager: EntityManager, version: number): Promise<number> {
  const result: [unknown[], number] = await manager.query(
    `UPDATE public.projection_state SET status = 'resuming', updated_at = now() WHERE version = $1 AND status = 'failed'`,
    [version],
  );
  return result[1];
}

/** `skip`: the event at `position` is not applied by this version (recorded with its reason). */
export async function recordSkip(manager: EntityManager, version: number, position: bigint, reason: string, by: string): Promise<void> {
  if (reason.trim() === '') throw new Error('a skip needs a reason');
  await manager.query(
    `INSERT INTO public.projection_skips (version, position, reason, skipped_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (version, position) DO UPDATE SET reason = EXCLUDED.reason, skipped_by = EXCLUDED.skipped_by, skipped_at = now()`,
    [version, position.toString(), reason, by],
  );
}

export async function readSkips(manager: EntityManager, version: number): Promise<Set<bigint>> {
  const rows: { position: string }[] = await manager.query('SELECT position::text FROM public.projection_skips WHERE version = $1', [
    version,
  ]);
  return new Set(rows.map((row) => BigInt(row.position)));
}
