import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, readOrCreateSecretFile, type Logger, type ParConfig } from '@par-index/config';
import { chainKeyFrom, KEYED_HASH_PREFIX, PostgresEventStore, type EventStore, type HeadAnchor } from '@par-index/eventstore';
import { Client } from 'pg';

export interface TamperEvidence {
  hmacKey: Uint8Array;
  anchorFile: string;
  /** unkeyed (v1) events written before the key existed, from the signed marker beside the key */
  acceptUnkeyedUpToPosition?: bigint;
}

/**
 * The chain key comes from EVENTSTORE_HMAC_KEY; in the embedded mode, when unset, from a key file
 * generated once under `<dataDir>/keys/` (0600). Neither lives in the database. A production
 * configuration (DATABASE_URL) without the key refuses to start: a key regenerated on every start
 * of a container would make every earlier event fail verification.
 */
export async function loadTamperEvidence(config: ParConfig, ownerUrl: string, embedded: boolean): Promise<TamperEvidence> {
  const keysDir = path.join(config.dataDir, 'keys');
  if (!config.hmacKey && !embedded) {
    throw new ConfigError(
      'EVENTSTORE_HMAC_KEY is not set: with DATABASE_URL the hash-chain key must come from configuration ' +
        '(at least 32 characters, kept off the database host; e.g. `openssl rand -hex 32`).',
    );
  }
  let hmacKey: Uint8Array;
  try {
    hmacKey = chainKeyFrom(config.hmacKey) ?? Buffer.from(readOrCreateSecretFile(path.join(keysDir, 'eventstore-hmac.key')), 'utf8');
  } catch (error) {
    throw new ConfigError(`EVENTSTORE_HMAC_KEY: ${(error as Error).message}`);
  }
  // only the embedded data folder persists beside its key; production stores start keyed
  const acceptUnkeyedUpToPosition =
    embedded && !config.eventStoreUrl ? await unkeyedHistory(path.join(keysDir, 'unkeyed-history.json'), hmacKey, ownerUrl) : undefined;
  return { hmacKey, anchorFile: config.anchorFile, acceptUnkeyedUpToPosition };
}

/**
 * Chain-version boundary of an embedded store that predates the key: the first time the platform
 * runs with a key it records, signed, the highest position still hashed without one (-1 for a new
 * store); any unkeyed hash above it is a rewrite and fails verify.
 */
async function unkeyedHistory(file: string, key: Uint8Array, ownerUrl: string): Promise<bigint | undefined> {
  const sign = (upTo: string) => createHmac('sha256', key).update(`par-index unkeyed history up to ${upTo}`).digest('hex');
  if (existsSync(file)) {
    const marker = JSON.parse(readFileSync(file, 'utf8')) as { upToPosition: string; signature: string };
    if (marker.signature !== sign(marker.upToPosition)) throw new ConfigError(`${file} is not signed by the current hash-chain key`);
    return marker.upToPosition === '-1' ? undefined : BigInt(marker.upToPosition);
  }
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ up_to: string }>(
      `SELECT coalesce(max(position), -1)::text AS up_to FROM eventstore.events WHERE hash NOT LIKE $1`,
      [`${KEYED_HASH_PREFIX}%`],
    );
    const upTo = rows[0]!.up_to;
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${JSON.stringify({ upToPosition: upTo, signature: sign(upTo) })}\n`, { mode: 0o600 });
    return upTo === '-1' ? undefined : BigInt(upTo);
  } finally {
    await client.end();
  }
}

/**
 * Signed head anchors at start, on a schedule (0 = only on demand) and at stop when `anchorOnStop`
 * (the embedded PostgreSQL is already shutting down by then: its exit hook runs first). A refusal
 * (the store no longer matches the last anchor) is logged loudly.
 */
export function scheduleAnchors(
  store: EventStore,
  intervalSeconds: number,
  logger: Logger,
  anchorOnStop = true,
): { stop(): Promise<void> } {
  if (!(store instanceof PostgresEventStore) || intervalSeconds <= 0) return { stop: async () => undefined };
  const anchor = async () => {
    try {
      const written = await store.writeAnchor();
      if (written) logger.info({ position: written.position }, 'head anchor written');
    } catch (error) {
      logger.error({ err: error }, 'head anchor refused');
    }
  };
  void anchor();
  const timer = setInterval(() => void anchor(), intervalSeconds * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      if (anchorOnStop) await anchor();
    },
  };
}

/** On demand (the projector CLI's `anchor`): signs and records the current head now. */
export async function anchorHeadNow(store: EventStore): Promise<HeadAnchor | undefined> {
  if (!(store instanceof PostgresEventStore)) throw new ConfigError('head anchors are written for the PostgreSQL event store only');
  return store.writeAnchor();
}
