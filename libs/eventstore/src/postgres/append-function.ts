import type { Pool, PoolClient } from 'pg';
import { appendFunctionName, type StoreNames } from './schema';

/** A stream head: its last revision and that event's hash. */
export interface StreamHead {
  revision: bigint;
  lastHash: string;
}

/** What one call writes: the heads it was computed from, the events, and the heads they leave. */
export interface AppendCall {
  /** every stream of the call, with the head its hashes chain from (undefined: a new stream) */
  assumed: ReadonlyArray<[string, StreamHead | undefined]>;
  /** the streams that move, with their new heads */
  moved: ReadonlyArray<[string, StreamHead]>;
  events: {
    streams: string[];
    revisions: string[];
    ids: string[];
    types: string[];
    data: string[];
    metadata: string[];
    hashes: string[];
    previousHashes: Array<string | null>;
  };
}

/** Either the positions of the written events (by lower-case id), or the actual heads that differ from the assumed ones. */
export type AppendCallResult = { positions: Map<string, bigint> } | { actual: Map<string, StreamHead | undefined> };

interface ResultRow {
  o_stream: string | null;
  o_revision: string | null;
  o_hash: string | null;
  o_position: string | null;
  o_event_id: string | null;
}

export async function callAppendFunction(pool: Pool | PoolClient, names: StoreNames, call: AppendCall): Promise<AppendCallResult> {
  const e = call.events;
  const { rows } = await pool.query<ResultRow>({
    name: `${names.schema}.append_events`, // prepared once per connection
    text: `SELECT o_stream, o_revision::text, o_hash, o_position::text, o_event_id::text
           FROM ${appendFunctionName(names)}($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    values: [
      call.assumed.map(([s]) => s),
      call.assumed.map(([, h]) => (h ? h.revision.toString() : '-1')),
      call.assumed.map(([, h]) => h?.lastHash ?? null),
      call.moved.map(([s]) => s),
      call.moved.map(([, h]) => h.revision.toString()),
      call.moved.map(([, h]) => h.lastHash),
      e.streams,
      e.revisions,
      e.ids,
      e.types,
      e.data,
      e.metadata,
      e.hashes,
      e.previousHashes,
    ],
  });
  if (rows.length > 0 && rows[0].o_stream !== null) {
    return {
      actual: new Map(
        rows.map((r) => [r.o_stream!, r.o_hash === null ? undefined : { revision: BigInt(r.o_revision!), lastHash: r.o_hash }]),
      ),
    };
  }
  return { positions: new Map(rows.map((r) => [r.o_event_id!, BigInt(r.o_position!)])) };
}
