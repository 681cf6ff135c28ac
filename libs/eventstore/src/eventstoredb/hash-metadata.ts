import { computeEventHash } from '../hash-chain';
import type { EventMetadata, EventToAppend } from '../port';

/** The chain lives in the event's own metadata, so it travels with the event through backups and replication. */
export const HASH_METADATA_KEY = '$hash';
export const PREVIOUS_HASH_METADATA_KEY = '$previousHash';

export type StoredMetadata = EventMetadata & { [HASH_METADATA_KEY]: string; [PREVIOUS_HASH_METADATA_KEY]: string | null };

export interface ChainedEvent {
  id: string;
  type: string;
  revision: bigint;
  data: Record<string, unknown>;
  metadata: StoredMetadata;
  hash: string;
  previousHash: string | null;
}

export interface SplitMetadata {
  metadata: EventMetadata;
  hash: string | null;
  previousHash: string | null;
}

/**
 * What the server will store and give back: JSON drops undefined and turns Dates into strings. Hashing
 * the round-tripped value keeps the hash valid when the event is read back.
 */
export function normaliseJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function assertNoReservedMetadataKeys(event: EventToAppend): void {
  for (const key of [HASH_METADATA_KEY, PREVIOUS_HASH_METADATA_KEY]) {
    if (Object.prototype.hasOwnProperty.call(event.metadata, key)) {
      throw new Error(`event ${event.id}: metadata key ${key} is reserved for the hash chain`);
    }
  }
}

/** Assigns revisions from `startRevision` and links each event's hash to the one before it. */
export function chainEvents(
  streamName: string,
  startRevision: bigint,
  previousHash: string | null,
  events: readonly EventToAppend[],
  key?: Uint8Array,
): ChainedEvent[] {
  const chained: ChainedEvent[] = [];
  let linkHash = previousHash;
  events.forEach((event, index) => {
    assertNoReservedMetadataKeys(event);
    const revision = startRevision + BigInt(index);
    const data = normaliseJson(event.data);
    const metadata = normaliseJson(event.metadata);
    const hash = computeEventHash(linkHash, { streamName, revision, id: event.id, type: event.type, data, metadata }, key);
    chained.push({
      id: event.id,
      type: event.type,
      revision,
      data,
      metadata: { ...metadata, [HASH_METADATA_KEY]: hash, [PREVIOUS_HASH_METADATA_KEY]: linkHash },
      hash,
      previousHash: linkHash,
    });
    linkHash = hash;
  });
  return chained;
}

/** Separates the chain fields from the caller's metadata; missing or malformed fields come back as null. */
export function splitStoredMetadata(stored: unknown): SplitMetadata {
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored) || stored instanceof Uint8Array) {
    return { metadata: {} as EventMetadata, hash: null, previousHash: null };
  }
  const { [HASH_METADATA_KEY]: hash, [PREVIOUS_HASH_METADATA_KEY]: previousHash, ...metadata } = stored as Record<string, unknown>;
  return {
    metadata: metadata as EventMetadata,
    hash: typeof hash === 'string' ? hash : null,
    previousHash: typeof previousHash === 'string' ? previousHash : null,
  };
}
