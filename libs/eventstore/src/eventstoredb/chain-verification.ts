import { eventHashProblem, type ChainKeyPolicy } from '../hash-chain';
import type { RecordedEvent, VerifyResult } from '../port';

/** A stored event as read, before upcasting: the hash covers exactly these fields. */
export type RawRecordedEvent = Omit<RecordedEvent, 'hash'> & { hash: string | null };

interface ChainTip {
  revision: bigint;
  hash: string;
}

export function brokenLinkReason(tip: ChainTip | undefined, event: RawRecordedEvent, policy: ChainKeyPolicy = {}): string | null {
  const expectedRevision = tip ? tip.revision + 1n : 0n;
  if (event.revision !== expectedRevision) return `revision ${event.revision} follows ${expectedRevision - 1n}`;
  if (event.hash === null) return 'hash missing from metadata';
  const expectedPrevious = tip?.hash ?? null;
  if (event.previousHash !== expectedPrevious) return 'previous hash does not match the preceding event';
  const content = {
    streamName: event.streamName,
    revision: event.revision,
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  };
  const problem = eventHashProblem(event.hash, event.previousHash, content, event.position, policy);
  return problem?.includes('altered') ? 'hash does not match the event content' : problem;
}

/**
 * Feeds events in log order (one stream, or $all interleaving many) and keeps one chain tip per
 * stream; the first broken link is remembered and later events are still counted.
 */
export class ChainVerifier {
  private readonly tips = new Map<string, ChainTip>();
  private eventsChecked = 0;
  private firstBrokenLink: VerifyResult['firstBrokenLink'];

  constructor(private readonly policy: ChainKeyPolicy = {}) {}

  check(event: RawRecordedEvent): void {
    this.eventsChecked++;
    const tip = this.tips.get(event.streamName);
    const reason = brokenLinkReason(tip, event, this.policy);
    if (reason !== null && this.firstBrokenLink === undefined) {
      this.firstBrokenLink = { streamName: event.streamName, revision: event.revision, reason };
    }
    this.tips.set(event.streamName, { revision: event.revision, hash: event.hash ?? '' });
  }

  result(): VerifyResult {
    return {
      ok: this.firstBrokenLink === undefined,
      streamsChecked: this.tips.size,
      eventsChecked: this.eventsChecked,
      ...(this.firstBrokenLink ? { firstBrokenLink: this.firstBrokenLink } : {}),
    };
  }
}
