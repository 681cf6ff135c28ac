import { activeFailure, activeVersion, measureLag, NO_POSITION, readCheckpoints } from '@par-index/read-model';
import type { Infrastructure } from '../infrastructure/infrastructure';

export type Check = { ok: true; details: Record<string, unknown> } | { ok: false; details: Record<string, unknown> };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function checkDatabase(infrastructure: Infrastructure): Promise<Check> {
  try {
    await infrastructure.readModel.query('SELECT 1');
    return { ok: true, details: {} };
  } catch (error) {
    return { ok: false, details: { message: `the read-model database does not answer: ${messageOf(error)}` } };
  }
}

/**
 * The active read-model version serves correct answers: none of its projections is failed and
 * their lowest checkpoint is within the configured lag of the event store's head.
 */
export async function checkProjections(infrastructure: Infrastructure): Promise<Check> {
  const { readModel, eventStore, projectionNames, config } = infrastructure;
  try {
    const version = await activeVersion(readModel.manager);
    const failure = await activeFailure(readModel.manager);
    if (failure)
      return {
        ok: false,
        details: { version, message: `projection ${failure.projection} failed`, poisonPosition: failure.position, error: failure.error },
      };
    const checkpoints = await readCheckpoints(readModel.manager);
    const lowest = projectionNames.map((name) => checkpoints.get(name) ?? NO_POSITION).reduce((low, p) => (p < low ? p : low));
    const lag = await measureLag(eventStore, lowest);
    const details = {
      version,
      checkpoint: lowest.toString(),
      head: lag.head.toString(),
      lagEvents: Number(lag.events),
      lagSeconds: lag.seconds,
    };
    if (lag.events > BigInt(config.readyMaxLagEvents) || lag.seconds > config.readyMaxLagSeconds) {
      return {
        ok: false,
        details: {
          ...details,
          message: `read models lag beyond READY_MAX_LAG_EVENTS=${config.readyMaxLagEvents} / READY_MAX_LAG_SECONDS=${config.readyMaxLagSeconds}`,
        },
      };
    }
    return { ok: true, details };
  } catch (error) {
    return { ok: false, details: { message: messageOf(error) } };
  }
}
