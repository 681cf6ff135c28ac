import type { EntitySchema, ObjectLiteral } from 'typeorm';

/** What a projection sees of a recorded event: the store's envelope, decoupled from the adapter. */
export interface ProjectedEvent<Data = Record<string, unknown>> {
  /** the store's event id (absent in hand-built test events) */
  id?: string;
  type: string;
  data: Data;
  streamName: string;
  revision: bigint;
  position: bigint;
  metadata: { actorId: string; actorRole: string; occurredAt: string; [key: string]: unknown };
}

/**
 * A read model as a pure function: the runtime loads the row `keyOf` names, calls `evolve`, and
 * saves (or deletes, when evolve returns null) in the same transaction as the checkpoint.
 * Rows are plain objects; `entity` maps them to their table.
 */
export interface Projection<Row extends ObjectLiteral> {
  name: string;
  entity: EntitySchema<Row>;
  eventTypes: readonly string[];
  keyOf(event: ProjectedEvent): Partial<Row>;
  evolve(row: Row | null, event: ProjectedEvent): Row | null;
  /**
   * Optional, pure: the same as evolving the events one by one (in order), faster for a run of
   * events of one row; `dropped` are the events that found no row (evolve returned null from null).
   */
  fold?(row: Row | null, events: readonly ProjectedEvent[]): { row: Row | null; dropped: ProjectedEvent[] };
}

// Projections of different row types live in one list; the runtime treats rows opaquely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProjection = Projection<any>;

export function handles(projection: AnyProjection, event: ProjectedEvent): boolean {
  return projection.eventTypes.includes(event.type);
}
