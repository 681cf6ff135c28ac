import {
  activeVersion,
  isVersionLeased,
  measureLag,
  NO_POSITION,
  READ_MODEL_PROJECTION_NAMES,
  readCheckpoints,
  readProjectionStates,
  type Platform,
} from '@par-index/read-model';
import { describeDatabase } from './ops-platform';

/**
 * `status`: the stored state of every projection (written by the projector holding the lease),
 * plus the live checkpoint and lag of the active version measured now.
 */
export async function projectionStatus(platform: Platform) {
  const manager = platform.readModel.manager;
  const active = await activeVersion(manager);
  const stored = await readCheckpoints(manager);
  const checkpoints = new Map(READ_MODEL_PROJECTION_NAMES.map((name) => [name, stored.get(name) ?? NO_POSITION]));
  const lowest = [...checkpoints.values()].reduce((low, p) => (p < low ? p : low));
  const lag = await measureLag(platform.eventStore, lowest);
  const versions: { version: number; status: string; created_at: Date; activated_at: Date | null }[] = await manager.query(
    'SELECT version, status, created_at, activated_at FROM public.read_model_versions ORDER BY version',
  );
  return {
    database: describeDatabase(platform.databaseUrl, platform.embeddedDatabase),
    activeVersion: active,
    headPosition: lag.head.toString(),
    checkpoints: Object.fromEntries([...checkpoints].map(([name, position]) => [name, position.toString()])),
    lag: { events: lag.events.toString(), seconds: lag.seconds },
    versions: await Promise.all(
      versions.map(async (v) => ({
        version: v.version,
        status: v.status,
        createdAt: v.created_at,
        activatedAt: v.activated_at,
        // a state row says `running` until its holder writes again: this says whether anyone holds the lease now
        projectorAlive: await isVersionLeased(platform.databaseUrl, v.version, READ_MODEL_PROJECTION_NAMES),
      })),
    ),
    projections: (await readProjectionStates(manager)).map((s) => ({ ...s, updatedAt: s.updatedAt.toISOString() })),
  };
}
