import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The content of an event covered by its hash; both adapters hash exactly these fields. */
export interface HashedContent {
  streamName: string;
  revision: bigint;
  id: string;
  type: string;
  data: unknown;
  metadata: unknown;
}

/**
 * Chain version marker: a keyed hash (v2, HMAC-SHA256 with a key kept outside the database) is
 * stored with this prefix; an unprefixed hex hash is the unkeyed v1 chain (plain SHA-256).
 */
export const KEYED_HASH_PREFIX = 'hmac-sha256:';

/** How a verifier treats stored hashes: which key, and up to where unkeyed (v1) hashes are history. */
export interface ChainKeyPolicy {
  key?: Uint8Array;
  /**
   * With a key, unkeyed hashes are accepted only at or below this global position (events written
   * before the key was introduced). Default: none, so nobody can downgrade a rewrite to v1.
   */
  acceptUnkeyedUpToPosition?: bigint;
}

/** Deterministic JSON: object keys sorted, so a hash survives jsonb's key re-ordering. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function hashedText(previousHash: string | null, content: HashedContent): string {
  const body = canonicalJson({
    streamName: content.streamName,
    revision: content.revision.toString(),
    id: content.id,
    type: content.type,
    data: content.data,
    metadata: content.metadata,
  });
  return `${previousHash ?? 'genesis'}\n${body}`;
}

/** With a key: the keyed v2 hash (`hmac-sha256:<hex>`); without: the unkeyed v1 hash (`<hex>`). */
export function computeEventHash(previousHash: string | null, content: HashedContent, key?: Uint8Array): string {
  const text = hashedText(previousHash, content);
  if (key) return KEYED_HASH_PREFIX + createHmac('sha256', key).update(text).digest('hex');
  return createHash('sha256').update(text).digest('hex');
}

export function isKeyedHash(hash: string): boolean {
  return hash.startsWith(KEYED_HASH_PREFIX);
}

/**
 * The one check both adapters use: null when the stored hash is the right one for the content,
 * else why not. A v1 hash under a key is accepted only as history (see ChainKeyPolicy).
 */
export function eventHashProblem(
  stored: string,
  previousHash: string | null,
  content: HashedContent,
  position: bigint | undefined,
  policy: ChainKeyPolicy = {},
): string | null {
  if (isKeyedHash(stored)) {
    if (!policy.key) return 'keyed hash, but no EVENTSTORE_HMAC_KEY is configured to check it';
    return sameText(stored, computeEventHash(previousHash, content, policy.key))
      ? null
      : 'content does not match its stored hash (event altered)';
  }
  if (policy.key) {
    const history = policy.acceptUnkeyedUpToPosition;
    if (history === undefined || position === undefined || position > history) {
      return 'unkeyed hash where the chain is keyed (event rewritten without the key)';
    }
  }
  return sameText(stored, computeEventHash(previousHash, content)) ? null : 'content does not match its stored hash (event altered)';
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A key from configuration: at least 32 bytes of text (hex, base64 or a passphrase), used as given. */
export function chainKeyFrom(text: string | undefined): Uint8Array | undefined {
  if (text === undefined) return undefined;
  if (Buffer.byteLength(text) < 32) throw new Error('the hash-chain key must be at least 32 characters');
  return Buffer.from(text, 'utf8');
}
