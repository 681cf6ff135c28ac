import { randomBytes } from 'node:crypto';
import { chainKeyFrom, computeEventHash, eventHashProblem, isKeyedHash, type HashedContent } from './hash-chain';
import { anchorSignatureValid, signAnchor } from './anchors';
import { ChainVerifier } from './eventstoredb/chain-verification';
import { chainEvents, splitStoredMetadata } from './eventstoredb/hash-metadata';
import { makeEvents } from './contract/fixtures';

const content: HashedContent = { streamName: 's', revision: 0n, id: 'e1', type: 'T', data: { n: 1 }, metadata: { a: 1 } };
const key = randomBytes(32);

describe('hash chain: one keyed hashing function for both adapters', () => {
  it('a keyed hash carries the v2 marker and differs per key; the unkeyed v1 hash is plain hex', () => {
    const keyed = computeEventHash(null, content, key);
    expect(keyed).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    expect(isKeyedHash(keyed)).toBe(true);
    expect(computeEventHash(null, content, randomBytes(32))).not.toBe(keyed);
    expect(computeEventHash(null, content)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('checks a keyed hash only with the key, and refuses unkeyed hashes under a key unless they are named history', () => {
    const keyed = computeEventHash(null, content, key);
    expect(eventHashProblem(keyed, null, content, 0n, { key })).toBeNull();
    expect(eventHashProblem(keyed, null, { ...content, data: { n: 2 } }, 0n, { key })).toMatch(/altered/);
    expect(eventHashProblem(keyed, null, content, 0n, {})).toMatch(/no EVENTSTORE_HMAC_KEY/);
    const unkeyed = computeEventHash(null, content);
    expect(eventHashProblem(unkeyed, null, content, 5n, {})).toBeNull();
    expect(eventHashProblem(unkeyed, null, content, 5n, { key })).toMatch(/unkeyed/);
    expect(eventHashProblem(unkeyed, null, content, 5n, { key, acceptUnkeyedUpToPosition: 5n })).toBeNull();
    expect(eventHashProblem(unkeyed, null, content, 6n, { key, acceptUnkeyedUpToPosition: 5n })).toMatch(/unkeyed/);
  });

  it('refuses a key shorter than 32 characters', () => {
    expect(() => chainKeyFrom('short')).toThrow(/32/);
    expect(chainKeyFrom(undefined)).toBeUndefined();
  });

  it('the EventStoreDB adapter chains and verifies with the same key', () => {
    const chained = chainEvents('s', 0n, null, makeEvents(3), key);
    const verify = (policy: ConstructorParameters<typeof ChainVerifier>[0], rewrite?: (n: number) => unknown) => {
      const verifier = new ChainVerifier(policy);
      chained.forEach((event, i) => {
        const { metadata } = splitStoredMetadata(event.metadata);
        verifier.check({
          ...event,
          streamName: 's',
          position: BigInt(i),
          metadata,
          recordedAt: new Date(0),
          data: (rewrite?.(i) ?? event.data) as never,
        });
      });
      return verifier.result();
    };
    expect(verify({ key })).toMatchObject({ ok: true, eventsChecked: 3 });
    expect(verify({ key }, (i) => (i === 1 ? { n: 42 } : undefined)).firstBrokenLink).toMatchObject({ revision: 1n });
    expect(verify({ key: randomBytes(32) }).firstBrokenLink).toMatchObject({ revision: 0n });
  });

  it('a head anchor is signed with the key; any edited field invalidates it', () => {
    const anchor = signAnchor(
      { position: '9', streamName: 's', revision: '2', hash: 'h', streams: 1, events: 3, headsDigest: 'd', anchoredAt: 'now' },
      key,
    );
    expect(anchorSignatureValid(anchor, key)).toBe(true);
    expect(anchorSignatureValid({ ...anchor, position: '5' }, key)).toBe(false);
    expect(anchorSignatureValid(anchor, randomBytes(32))).toBe(false);
  });
});
