import { activeFailure, activeVersion, isVersionLeased, READ_MODEL_PROJECTION_NAMES, type Platform } from '@par-index/read-model';

/**
 * `health` (the projector container's health check): the database answers, some instance holds the
 * active version's lease (this one or a peer: a hot standby is healthy), and no projection is failed.
 */
export async function projectorHealth(platform: Platform): Promise<{ ok: boolean; message: string }> {
  const manager = platform.readModel.manager;
  const version = await activeVersion(manager);
  const failure = await activeFailure(manager);
  if (failure)
    return {
      ok: false,
      message: `projection ${failure.projection} of version ${version} failed at position ${failure.position}: ${failure.error}`,
    };
  if (!(await isVersionLeased(platform.databaseUrl, version, READ_MODEL_PROJECTION_NAMES))) {
    return { ok: false, message: `no projector holds the lease of version ${version}` };
  }
  return { ok: true, message: `version ${version} has a live projector` };
}
