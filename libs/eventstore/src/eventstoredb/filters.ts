import {
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
  type AllStreamSubscription,
  type Filter,
  type Position,
} from '@eventstore/db-client';
import type { EventFilter } from '../port';

export interface FilterableEvent {
  streamName: string;
  type: string;
}

export type CheckpointReached = (subscription: AllStreamSubscription, position: Position) => Promise<void> | void;

/** Server bookkeeping ($metadata, $streamDeleted, $stats-…, projections' $-streams) never reaches callers. */
export function isSystemEvent(event: FilterableEvent): boolean {
  return event.streamName.startsWith('$') || event.type.startsWith('$');
}

/** An absent or empty list places no restriction. */
function restricts(list: readonly string[] | undefined): list is readonly string[] {
  return list !== undefined && list.length > 0;
}

/** The authoritative check, applied on the client to everything read from $all. */
export function matchesFilter(event: FilterableEvent, filter: EventFilter | undefined): boolean {
  if (isSystemEvent(event)) return false;
  if (restricts(filter?.streamNamePrefixes) && !filter.streamNamePrefixes.some((p) => event.streamName.startsWith(p))) {
    return false;
  }
  if (restricts(filter?.eventTypes) && !filter.eventTypes.includes(event.type)) return false;
  return true;
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** An exact-match regex: the server's prefix filter on event types would also let `UnitRenamedV2` through for `UnitRenamed`. */
export function exactEventTypesRegex(types: readonly string[]): string {
  return `^(?:${types.map(escapeRegex).join('|')})$`;
}

/**
 * The server-side filter narrows what crosses the wire. The server filters on one field only, so with
 * both prefixes and types it filters stream names and matchesFilter() checks types on the client.
 */
export function buildServerFilter(
  filter: EventFilter | undefined,
  checkpointInterval: number,
  checkpointReached: CheckpointReached | undefined,
): Filter {
  const common = { checkpointInterval, ...(checkpointReached ? { checkpointReached } : {}) };
  if (restricts(filter?.streamNamePrefixes)) {
    return streamNameFilter({ prefixes: [...filter.streamNamePrefixes], ...common });
  }
  if (restricts(filter?.eventTypes)) {
    return eventTypeFilter({ regex: exactEventTypesRegex(filter.eventTypes), ...common });
  }
  return excludeSystemEvents(common);
}
