import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../hash-chain';

/**
 * A signed statement of the store's head at one moment, kept outside the database: the newest
 * event (position, stream, revision, hash), how many streams and events existed up to it, and a
 * digest of every stream's head at that position. Rewinding the store below it is detectable.
 */
export interface HeadAnchor {
  version: 1;
  position: string;
  streamName: string;
  revision: string;
  hash: string;
  streams: number;
  events: number;
  /** sha256 over every stream's (name, revision, hash) at `position`, names in code-point order */
  headsDigest: string;
  anchoredAt: string;
  /** HMAC-SHA256 (hex) with the chain key over the other fields */
  signature: string;
}

export type UnsignedAnchor = Omit<HeadAnchor, 'signature' | 'version'>;

function mac(fields: UnsignedAnchor, key: Uint8Array): string {
  return createHmac('sha256', key)
    .update('par-index head anchor v1\n')
    .update(canonicalJson({ ...fields, version: 1 }))
    .digest('hex');
}

export function signAnchor(fields: UnsignedAnchor, key: Uint8Array): HeadAnchor {
  return { version: 1, ...fields, signature: mac(fields, key) };
}

export function anchorSignatureValid(anchor: HeadAnchor, key: Uint8Array): boolean {
  const { signature, version, ...fields } = anchor;
  if (version !== 1 || typeof signature !== 'string') return false;
  const expected = Buffer.from(mac(fields, key));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
