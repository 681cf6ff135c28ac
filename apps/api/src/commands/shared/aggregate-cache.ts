import type { Decider } from '@par-index/domain';
import type { EventStore } from '@par-index/eventstore';

const MAX_STREAMS = 1_000;

/**
 * Another aggregate's folded state, kept per stream: each load reads only the events appended since
 * the last one (usually none), so a command does not re-read and re-fold e.g. a criteria set's whole
 * stream each time. Never stale: every load asks the store for what came after the cached revision.
 */
export class AggregateCache<C, E, S> {
  private readonly states = new Map<string, { state: S; revision: bigint }>();

  constructor(private readonly decider: Decider<C, E, S>) {}

  async load(store: EventStore, streamName: string): Promise<S> {
    const cached = this.states.get(streamName);
    const events = await store.readStream(streamName, cached ? { fromRevision: cached.revision + 1n } : {});
    if (events.length === 0) return cached?.state ?? this.decider.initialState();
    const state = events.reduce(
      (current, event) => this.decider.evolve(current, { type: event.type, data: event.data } as unknown as E),
      cached?.state ?? this.decider.initialState(),
    );
    if (this.states.size >= MAX_STREAMS && !cached) this.states.clear();
    this.states.set(streamName, { state, revision: events[events.length - 1]!.revision });
    return state;
  }
}
