import type { DataSource } from 'typeorm';
import { readCheckpoints } from './checkpoints';

/**
 * Read-your-writes for a caller that just appended at `position`: resolves true once every named
 * projection's checkpoint reached it (works whether the projector runs in this process or not).
 */
export async function waitForCheckpoints(
  dataSource: DataSource,
  projectionNames: readonly string[],
  position: bigint,
  timeoutMs = 5_000,
  /** stop waiting early (answering false), e.g. once the projector has failed */
  givenUp: () => boolean = () => false,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const checkpoints = await readCheckpoints(dataSource.manager);
    if (projectionNames.every((name) => (checkpoints.get(name) ?? -1n) >= position)) return true;
    if (Date.now() >= deadline || givenUp()) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
