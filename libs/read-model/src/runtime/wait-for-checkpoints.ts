import type { DataSource } from 'typeorm';
import { readCheckpoints } from './checkpoints';
import { activeFailure } from './projection-state';

export type ProjectionWait = { projected: true } | { projected: false; reason: string };

/**
 * Read-your-writes for a caller that just appended at `position`: resolves once every named
 * projection's checkpoint reached it (works whether the projector runs in this process or not).
 * A failed projection of the active version answers at once with its reason, not at the timeout.
 */
export async function waitForCheckpoints(
  dataSource: DataSource,
  projectionNames: readonly string[],
  position: bigint,
  timeoutMs = 5_000,
): Promise<ProjectionWait> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const checkpoints = await readCheckpoints(dataSource.manager);
    if (projectionNames.every((name) => (checkpoints.get(name) ?? -1n) >= position)) return { projected: true };
    const failure = await activeFailure(dataSource.manager);
    if (failure) {
      const at = failure.position === null ? '' : ` at position ${failure.position}`;
      return { projected: false, reason: `projection ${failure.projection} failed${at}: ${failure.error}` };
    }
    if (Date.now() >= deadline) return { projected: false, reason: `read models did not reach position ${position} within ${timeoutMs} ms` };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
