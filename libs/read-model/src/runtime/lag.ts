import type { EventStore } from '@par-index/eventstore';

export interface Lag {
  head: bigint;
  /** positions behind the head (events, for the PostgreSQL store, barring rolled-back sequence gaps) */
  events: bigint;
  /** age of the oldest event not yet applied; 0 when caught up */
  seconds: number;
}

/** How far `checkpoint` is behind the store's head, by position and by the oldest unapplied event's age. */
export async function measureLag(store: EventStore, checkpoint: bigint, now: Date = new Date()): Promise<Lag> {
  const head = await store.headPosition();
  if (checkpoint >= head) return { head, events: 0n, seconds: 0 };
  const [oldest] = await store.readAll({ fromPosition: checkpoint < 0n ? 'start' : checkpoint, maxCount: 1 });
  const seconds = oldest ? Math.max(0, (now.getTime() - oldest.recordedAt.getTime()) / 1000) : 0;
  return { head, events: head - checkpoint, seconds };
}
