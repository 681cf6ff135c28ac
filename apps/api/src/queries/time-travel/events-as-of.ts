import { ASSESSMENT_STREAM_PREFIX, CRITERIA_SET_STREAM_PREFIX, UNIT_STREAM_PREFIX } from '@par-index/domain';
import type { EventStore } from '@par-index/eventstore';
import { toProjectedEvent, type ProjectedEvent } from '@par-index/read-model';
import { happenedBy, type AsOf } from './as-of';

const PAGE = 1000;

/**
 * The unit, criteria-set and assessment events that had happened by `asOf`, in position order,
 * read from the event store itself (never from the read models, which only know the present).
 * A position stops the read there; an instant keeps every event recorded at or before it.
 */
export async function eventsAsOf(store: EventStore, asOf: AsOf): Promise<ProjectedEvent[]> {
  const events: ProjectedEvent[] = [];
  const filter = { streamNamePrefixes: [UNIT_STREAM_PREFIX, CRITERIA_SET_STREAM_PREFIX, ASSESSMENT_STREAM_PREFIX] };
  let from: bigint | 'start' = 'start';
  for (;;) {
    const page = await store.readAll({ fromPosition: from, maxCount: PAGE, filter });
    for (const event of page) {
      if (asOf.kind === 'position' && event.position > asOf.position) return events;
      if (happenedBy(asOf, event)) events.push(toProjectedEvent(event));
    }
    if (page.length < PAGE) return events;
    from = page[page.length - 1]!.position;
  }
}
