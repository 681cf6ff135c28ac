import { randomUUID } from 'node:crypto';
import type { EventFilter, EventStore, EventToAppend, RecordedEvent, Subscription } from '../port';

/** A stream-name prefix unique to one test, so the suite can run against a store it cannot reset. */
export function uniquePrefix(label: string): string {
  return `ct${randomUUID().replace(/-/g, '').slice(0, 12)}-${label}`;
}

export function makeEvent(type: string, data: Record<string, unknown> = {}, schemaVersion = 1): EventToAppend {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      actorId: 'actor-1',
      actorRole: 'unit-officer',
      occurredAt: '2024-03-01T08:00:00.000Z',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      idempotencyKey: randomUUID(),
      schemaVersion,
    },
  };
}

export function makeEvents(count: number, type = 'ContractEvent'): EventToAppend[] {
  return Array.from({ length: count }, (_, i) => makeEvent(type, { n: i }));
}

export interface Collector {
  events: RecordedEvent[];
  caughtUp: boolean;
  subscription: Subscription;
  /** Resolves once `count` events arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
}

/** Subscribes to $all and records what arrives, for assertions on order and exactly-once delivery. */
export function collect(store: EventStore, fromPosition: bigint | 'start', filter?: EventFilter): Collector {
  const events: RecordedEvent[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const collector: Collector = {
    events,
    caughtUp: false,
    subscription: store.subscribeToAll(
      (event) => {
        events.push(event);
        for (const waiter of waiters.filter((w) => events.length >= w.count)) waiter.resolve();
      },
      { fromPosition, filter, onCaughtUp: () => (collector.caughtUp = true) },
    ),
    waitFor(count, timeoutMs = 30_000) {
      if (events.length >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out: received ${events.length} of ${count} events`)), timeoutMs);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
  };
  return collector;
}

export function expectStrictlyIncreasingPositions(events: RecordedEvent[]): void {
  for (let i = 1; i < events.length; i++) {
    if (events[i].position <= events[i - 1].position) {
      throw new Error(`position ${events[i].position} delivered after ${events[i - 1].position} (index ${i})`);
    }
  }
}

export function expectExactlyOnce(received: RecordedEvent[], appendedIds: string[]): void {
  const seen = new Set<string>();
  for (const event of received) {
    if (seen.has(event.id)) throw new Error(`event ${event.id} delivered twice`);
    seen.add(event.id);
  }
  const missing = appendedIds.filter((id) => !seen.has(id));
  if (missing.length > 0) throw new Error(`${missing.length} events never delivered, e.g. ${missing[0]}`);
  if (seen.size !== appendedIds.length) throw new Error(`received ${seen.size} events, expected ${appendedIds.length}`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
