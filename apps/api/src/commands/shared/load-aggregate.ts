import type { Decider } from '@par-index/domain';
import type { EventStore } from '@par-index/eventstore';

/** Folds another aggregate's stream so a handler can pass what it found into a pure decide. */
export async function loadAggregate<C, E, S>(store: EventStore, decider: Decider<C, E, S>, streamName: string): Promise<S> {
  const events = await store.readStream(streamName);
  return events.reduce<S>((state, event) => decider.evolve(state, { type: event.type, data: event.data } as unknown as E), decider.initialState());
}
