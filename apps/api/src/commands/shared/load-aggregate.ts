import { foldEvents, type Decider } from '@par-index/domain';
import type { EventStore, RecordedEvent } from '@par-index/eventstore';

/** Folds recorded events (the store's envelope) into the decider's state. */
export function foldRecorded<C, E, S>(decider: Decider<C, E, S>, events: readonly RecordedEvent[]): S {
  return foldEvents(
    decider,
    events.map((event) => ({ type: event.type, data: event.data }) as unknown as E),
  );
}

/** Folds another aggregate's stream so a handler can pass what it found into a pure decide. */
export async function loadAggregate<C, E, S>(store: EventStore, decider: Decider<C, E, S>, streamName: string): Promise<S> {
  return foldRecorded(decider, await store.readStream(streamName));
}
