import {
  buildVersion,
  createVersion,
  diffVersions,
  listVersions,
  newInstanceId,
  openReadModel,
  parseVersion,
  prune,
  rollback,
  switchTo,
  type OpsContext,
  type Platform,
} from '@par-index/read-model';
import { createProgress } from './progress';

/**
 * Versions are DDL (schemas, grants, views, the pointer): the control connection is the owner's,
 * as for migrations; the events are written into a version as the projector role.
 */
async function withOpsContext<T>(platform: Platform, work: (ctx: OpsContext) => Promise<T>, onBatch?: OpsContext['onBatch']): Promise<T> {
  const control = await openReadModel(platform.ownerDatabaseUrl, { migrate: false, poolSize: 3 });
  try {
    return await work({
      store: platform.eventStore,
      control,
      databaseUrl: platform.databaseUrl,
      holder: newInstanceId(),
      logger: platform.logger,
      onBatch,
    });
  } finally {
    await control.destroy();
  }
}

/**
 * `rebuild`: a new version from the start of the log in its own schema while the live version keeps
 * serving and following the head; then (unless --no-switch) the atomic switch to it.
 */
export async function rebuildCommand(platform: Platform, options: { switch: boolean }): Promise<string> {
  const progress = createProgress(platform.eventStore);
  await progress.start();
  return withOpsContext(
    platform,
    async (ctx) => {
      const version = await createVersion(ctx);
      let replayed: number;
      try {
        replayed = await buildVersion(ctx, version);
      } finally {
        progress.stop();
      }
      if (!options.switch)
        return `built read-model version ${version} from ${replayed} events (not switched: \`diff\`, then \`switch --to v${version}\`)`;
      const { from } = await switchTo(ctx, version);
      return `rebuilt the read models from ${replayed} events into version ${version} and switched the API to it (from version ${from}; \`rollback\` returns to it until \`prune\`)`;
    },
    (version, position, events) => progress.onBatch(version, position, events),
  );
}

export async function switchCommand(platform: Platform, to: string): Promise<string> {
  const { from, to: target } = await withOpsContext(platform, (ctx) => switchTo(ctx, parseVersion(to)));
  return `switched the API from version ${from} to version ${target}`;
}

export async function rollbackCommand(platform: Platform): Promise<string> {
  const { from, to } = await withOpsContext(platform, rollback);
  return `rolled back the API from version ${from} to version ${to}`;
}

export async function pruneCommand(platform: Platform): Promise<string> {
  const pruned = await withOpsContext(platform, prune);
  return pruned.length === 0 ? 'nothing to prune' : `pruned version(s) ${pruned.join(', ')}`;
}

export async function diffCommand(platform: Platform, from: string, to: string) {
  const a = parseVersion(from);
  const b = parseVersion(to);
  const known = new Map((await listVersions(platform.readModel.manager)).map((v) => [v.version, v.status]));
  for (const v of [a, b]) {
    if (!known.has(v) || known.get(v) === 'pruned') throw new Error(`read-model version ${v} does not exist (or was pruned)`);
  }
  const { compared, changes } = await diffVersions(platform.readModel.manager, a, b);
  return { from: a, to: b, scorecardsCompared: compared, changed: changes.length, changes };
}
