import type { EntityManager } from 'typeorm';
import { READ_MODEL_PROJECTION_NAMES } from '../projections';
import { isVersionLeased } from '../runtime/lease';
import { defineViews, versionSchema, versionTablesSql } from './version-schema';
import { writeVersion, type OpsContext } from './version-writer';

export interface VersionRow {
  version: number;
  status: 'building' | 'ready' | 'active' | 'previous' | 'retired' | 'pruned';
}

export async function listVersions(manager: EntityManager): Promise<VersionRow[]> {
  return manager.query('SELECT version, status FROM public.read_model_versions ORDER BY version');
}

async function keptVersions(manager: EntityManager): Promise<number[]> {
  return (await listVersions(manager)).filter((v) => v.status !== 'pruned').map((v) => v.version);
}

/** A new, empty version: its row and its schema (`rm_vN`) in one transaction, then the views include it. */
export async function createVersion(ctx: OpsContext): Promise<number> {
  const version = await ctx.control.transaction(async (m) => {
    await m.query('LOCK TABLE public.read_model_versions IN EXCLUSIVE MODE');
    const [{ next }]: { next: number }[] = await m.query('SELECT COALESCE(max(version), 0) + 1 AS next FROM public.read_model_versions');
    await m.query(`INSERT INTO public.read_model_versions (version, status) VALUES ($1, 'building')`, [next]);
    for (const sql of versionTablesSql(next)) await m.query(sql);
    return next;
  });
  await defineViews(ctx.control.manager, await keptVersions(ctx.control.manager));
  return version;
}

/** Replays the whole log into `version` (never the active one: the live version keeps serving). */
export async function buildVersion(ctx: OpsContext, version: number): Promise<number> {
  const writer = await writeVersion(ctx, version);
  try {
    const replayed = await writer.daemon.catchUp();
    await ctx.control.query(`UPDATE public.read_model_versions SET status = 'ready' WHERE version = $1 AND status = 'building'`, [version]);
    return replayed;
  } finally {
    await writer.close();
  }
}

const lowest = (positions: string[]) => positions.map(BigInt).reduce((low, p) => (p < low ? p : low), 2n ** 64n);

/**
 * Makes `target` the version the API reads, atomically: the target catches up; then, in one
 * transaction, the live version's checkpoints are locked (its projector pauses on them), the
 * target catches up at least to them, and the pointer the views read moves. Each reader's
 * statement sees the old version or the new one whole: never an empty or half-built one.
 */
export async function switchTo(ctx: OpsContext, target: number): Promise<{ from: number; to: number }> {
  const [row] = await ctx.control.query('SELECT status FROM public.read_model_versions WHERE version = $1', [target]);
  if (!row || row.status === 'pruned') throw new Error(`read-model version ${target} does not exist (or was pruned)`);
  const writer = await writeVersion(ctx, target);
  try {
    await defineViews(ctx.control.manager, await keptVersions(ctx.control.manager));
    await writer.daemon.catchUp();
    return await ctx.control.transaction(async (m) => {
      const [{ version: from }]: { version: number }[] = await m.query(
        'SELECT version FROM public.read_model_active WHERE id = 1 FOR UPDATE',
      );
      if (from === target) throw new Error(`read-model version ${target} is already active`);
      const frozen: { position: string }[] = await m.query(
        `SELECT position::text FROM ${versionSchema(from)}.projection_checkpoints WHERE projection_name = ANY($1) ORDER BY projection_name FOR UPDATE`,
        [READ_MODEL_PROJECTION_NAMES],
      );
      const live = frozen.length === READ_MODEL_PROJECTION_NAMES.length ? lowest(frozen.map((f) => f.position)) : -1n;
      while ((await writer.daemon.lowestCheckpoint()) < live) await writer.daemon.catchUp();
      await m.query('UPDATE public.read_model_active SET version = $1, previous_version = $2, switched_at = now() WHERE id = 1', [
        target,
        from,
      ]);
      await m.query(`UPDATE public.read_model_versions SET status = 'retired' WHERE status = 'previous'`);
      await m.query(`UPDATE public.read_model_versions SET status = 'previous' WHERE version = $1`, [from]);
      await m.query(`UPDATE public.read_model_versions SET status = 'active', activated_at = now() WHERE version = $1`, [target]);
      return { from, to: target };
    });
  } finally {
    await writer.close();
  }
}

/** Back to the version active before the last switch (kept until `prune`). */
export async function rollback(ctx: OpsContext): Promise<{ from: number; to: number }> {
  const [active]: { previous_version: number | null }[] = await ctx.control.query(
    'SELECT previous_version FROM public.read_model_active WHERE id = 1',
  );
  const previous = active?.previous_version ?? null;
  const versions = await listVersions(ctx.control.manager);
  if (previous === null || versions.find((v) => v.version === previous)?.status === 'pruned') {
    throw new Error('nothing to roll back to: no previous version is kept (never switched, or pruned)');
  }
  return switchTo(ctx, previous);
}

/** Drops the schemas of every version that is neither active nor being written. */
export async function prune(ctx: OpsContext): Promise<number[]> {
  const pruned: number[] = [];
  for (const { version, status } of await listVersions(ctx.control.manager)) {
    if (status === 'active' || status === 'pruned') continue;
    if (await isVersionLeased(ctx.databaseUrl, version, READ_MODEL_PROJECTION_NAMES)) continue;
    await ctx.control.query(`UPDATE public.read_model_versions SET status = 'pruned' WHERE version = $1`, [version]);
    await defineViews(ctx.control.manager, await keptVersions(ctx.control.manager));
    await ctx.control.transaction(async (m) => {
      await m.query(`DROP SCHEMA IF EXISTS ${versionSchema(version)} CASCADE`);
      await m.query('DELETE FROM public.projection_state WHERE version = $1', [version]);
      await m.query('UPDATE public.read_model_active SET previous_version = NULL WHERE previous_version = $1', [version]);
    });
    pruned.push(version);
  }
  return pruned;
}
