import type { EventToAppend } from '../port';
import { ChainVerifier, brokenLinkReason, type RawRecordedEvent } from './chain-verification';
import { chainEvents } from './hash-metadata';

function appended(id: string): EventToAppend {
  return {
    id,
    type: 'T',
    data: { id },
    metadata: {
      actorId: 'a',
      actorRole: 'r',
      occurredAt: '2024-01-01T00:00:00.000Z',
      correlationId: 'c',
      causationId: 'k',
      idempotencyKey: id,
      schemaVersion: 1,
    },
  };
}

function stored(streamName: string, ids: string[], position = 0n): RawRecordedEvent[] {
  return chainEvents(streamName, 0n, null, ids.map(appended)).map((e, i) => {
    const { $hash: _h, $previousHash: _p, ...metadata } = e.metadata;
    return {
      id: e.id,
      streamName,
      revision: e.revision,
      position: position + BigInt(i),
      type: e.type,
      data: e.data,
      metadata,
      recordedAt: new Date(0),
      hash: e.hash,
      previousHash: e.previousHash,
    };
  });
}

describe('chain verification', () => {
  it('accepts intact interleaved streams', () => {
    const a = stored('a', ['a0', 'a1', 'a2']);
    const b = stored('b', ['b0', 'b1']);
    const verifier = new ChainVerifier();
    for (const event of [a[0], b[0], a[1], b[1], a[2]]) verifier.check(event);
    expect(verifier.result()).toEqual({ ok: true, streamsChecked: 2, eventsChecked: 5 });
  });

  it('detects tampered data', () => {
    const [first, second] = stored('a', ['a0', 'a1']);
    expect(brokenLinkReason({ revision: 0n, hash: first.hash ?? '' }, { ...second, data: { id: 'evil' } })).toMatch(/content/);
  });

  it('detects tampered metadata, a broken link, a gap and a missing hash', () => {
    const [first, second] = stored('a', ['a0', 'a1']);
    const tip = { revision: 0n, hash: first.hash ?? '' };
    expect(brokenLinkReason(tip, { ...second, metadata: { ...second.metadata, actorId: 'x' } })).toMatch(/content/);
    expect(brokenLinkReason(tip, { ...second, previousHash: 'f'.repeat(64) })).toMatch(/previous hash/);
    expect(brokenLinkReason(tip, { ...second, revision: 2n })).toMatch(/revision 2 follows 0/);
    expect(brokenLinkReason(tip, { ...second, hash: null })).toMatch(/missing/);
    expect(brokenLinkReason(undefined, { ...first, previousHash: 'x' })).toMatch(/previous hash/);
  });

  it('reports the first broken link and keeps counting', () => {
    const [a0, a1, a2] = stored('a', ['a0', 'a1', 'a2']);
    const verifier = new ChainVerifier();
    for (const event of [a0, { ...a1, type: 'Forged' }, a2]) verifier.check(event);
    expect(verifier.result()).toEqual({
      ok: false,
      streamsChecked: 1,
      eventsChecked: 3,
      firstBrokenLink: { streamName: 'a', revision: 1n, reason: 'hash does not match the event content' },
    });
  });
});
