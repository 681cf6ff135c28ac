import type { StreamHead } from './append-function';

/**
 * The stream heads this store last saw, so an append can hash in Node and write in one round trip.
 * Only a hint: the append function compares it with the locked row and returns the actual head when
 * it differs (another process appended, or someone edited the table), and the append is re-planned.
 * Bounded: the least recently used stream is forgotten first.
 */
export class HeadCache {
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly capacity = 10_000) {}

  get(streamName: string): StreamHead | undefined {
    const head = this.heads.get(streamName);
    if (head) this.touch(streamName, head);
    return head;
  }

  /** The head as the database reported or committed it (undefined: no such stream). */
  set(streamName: string, head: StreamHead | undefined): void {
    this.heads.delete(streamName);
    if (head) this.touch(streamName, head);
  }

  /** A stored event seen by a read: the head is at least there, so a later one replaces an earlier one. */
  observe(streamName: string, revision: bigint, hash: string): void {
    const known = this.heads.get(streamName);
    if (!known || known.revision < revision) this.set(streamName, { revision, lastHash: hash });
  }

  forget(streamNames: Iterable<string>): void {
    for (const name of streamNames) this.heads.delete(name);
  }

  private touch(streamName: string, head: StreamHead): void {
    this.heads.delete(streamName);
    this.heads.set(streamName, head);
    if (this.heads.size > this.capacity) this.heads.delete(this.heads.keys().next().value!);
  }
}
