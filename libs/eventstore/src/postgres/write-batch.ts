import type { Pool } from 'pg';
import { computeEventHash } from '../hash-chain';
import { WrongExpectedRevisionError, type AppendResult, type EventToAppend, type ExpectedRevision } from '../port';
import { callAppendFunction, type AppendCall, type StreamHead } from './append-function';
import { checkExpectedRevision } from './expected-revision';
import type { HeadCache } from './head-cache';
import type { StoreNames } from './schema';

export interface AppendRequest {
  streamName: string;
  events: readonly EventToAppend[]; // non-empty, already in stored (JSON round-tripped) shape
  expected: ExpectedRevision;
}

export type AppendOutcome = { ok: AppendResult } | { conflict: WrongExpectedRevisionError };

/** Plans tried from cached heads before the heads are locked for the plan (contention from other processes). */
const OPTIMISTIC_PLANS = 3;

type Plan = ReturnType<typeof planBatch>;

/**
 * Writes several appends in ONE statement (one round trip, one commit, one fsync), deciding each
 * request's expected revision against the stream heads as if they ran one after another. The plan
 * is made in Node from the cached heads (hashes included); the append function checks those heads
 * against the locked rows and, when they differ, writes nothing and returns the actual heads, so the
 * plan is made again. A conflict is only reported once the function confirmed the head it was
 * decided against. Should other processes keep moving the heads, the last try locks them first
 * (a transaction of three round trips), so an append always gets through. A database error (a
 * unique violation: a racing stream creator or a repeated event id) is thrown, the statement rolled
 * back, and nothing of the batch is stored.
 *
 * Lock order avoids deadlocks: stream rows first (sorted by name), then the position lock, which
 * is held until the commit; PostgreSQL makes a commit visible before releasing the transaction's
 * locks, so positions become visible strictly in order. See libs/eventstore/README.md "Global position".
 */
export async function writeBatch(
  pool: Pool,
  names: StoreNames,
  requests: readonly AppendRequest[],
  heads: HeadCache,
  key?: Uint8Array,
): Promise<AppendOutcome[]> {
  try {
    for (let plans = 1; plans <= OPTIMISTIC_PLANS; plans++) {
      const plan = planBatch(requests, heads, key);
      const result = await callAppendFunction(pool, names, plan.call);
      if ('positions' in result) return written(plan, result.positions, heads);
      for (const [stream, head] of result.actual) heads.set(stream, head);
    }
    // a stream created meanwhile has no row to lock yet: its head comes back, and the next try locks it
    for (let tries = 1; ; tries++) {
      const outcomes = await writeLocked(pool, names, requests, heads, key);
      if (outcomes) return outcomes;
      if (tries === OPTIMISTIC_PLANS)
        throw new Error(`the heads of ${requests.map((r) => r.streamName).join(', ')} kept moving; try again`);
    }
  } catch (error) {
    heads.forget(new Set(requests.map((r) => r.streamName)));
    throw error;
  }
}

/** The plan made and written while holding the stream rows; undefined (rolled back) when a new stream appeared meanwhile. */
async function writeLocked(
  pool: Pool,
  names: StoreNames,
  requests: readonly AppendRequest[],
  heads: HeadCache,
  key?: Uint8Array,
): Promise<AppendOutcome[] | undefined> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    try {
      const streams = [...new Set(requests.map((r) => r.streamName))];
      const { rows } = await client.query<{ stream_name: string; revision: string; last_hash: string }>(
        `SELECT stream_name, revision::text, last_hash FROM ${names.streams}
         WHERE stream_name = ANY($1::text[]) ORDER BY stream_name FOR UPDATE`,
        [streams],
      );
      const locked = new Map(rows.map((row) => [row.stream_name, { revision: BigInt(row.revision), lastHash: row.last_hash }]));
      for (const stream of streams) heads.set(stream, locked.get(stream));
      const plan = planBatch(requests, heads, key);
      const result = await callAppendFunction(client, names, plan.call);
      if ('actual' in result) {
        for (const [stream, head] of result.actual) heads.set(stream, head);
        await client.query('ROLLBACK');
        return undefined;
      }
      await client.query('COMMIT');
      return written(plan, result.positions, heads);
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    }
  } finally {
    client.release(broken);
  }
}

function written(plan: Plan, positions: Map<string, bigint>, heads: HeadCache): AppendOutcome[] {
  for (const [stream, head] of plan.call.moved) heads.set(stream, head);
  const { revisions, ids } = plan.call.events;
  return plan.outcomes.map((outcome) =>
    'lastRowIndex' in outcome
      ? {
          ok: {
            nextExpectedRevision: BigInt(revisions[outcome.lastRowIndex]),
            position: positions.get(ids[outcome.lastRowIndex].toLowerCase())!,
          },
        }
      : outcome,
  );
}

function planBatch(requests: readonly AppendRequest[], cache: HeadCache, key: Uint8Array | undefined) {
  const assumed = new Map<string, StreamHead | undefined>();
  for (const { streamName } of requests) if (!assumed.has(streamName)) assumed.set(streamName, cache.get(streamName));
  const current = new Map(assumed);
  const events: AppendCall['events'] = {
    streams: [],
    revisions: [],
    ids: [],
    types: [],
    data: [],
    metadata: [],
    hashes: [],
    previousHashes: [],
  };
  const outcomes: Array<{ conflict: WrongExpectedRevisionError } | { lastRowIndex: number }> = requests.map((request) => {
    const head = current.get(request.streamName);
    try {
      checkExpectedRevision(request.streamName, request.expected, head?.revision);
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return { conflict: error };
      throw error;
    }
    current.set(request.streamName, chainInto(events, request, head, key));
    return { lastRowIndex: events.ids.length - 1 };
  });
  const call: AppendCall = {
    assumed: [...assumed],
    moved: [...current].filter(([stream, head]) => head !== assumed.get(stream)) as Array<[string, StreamHead]>,
    events,
  };
  return { call, outcomes };
}

/** Adds the request's events to the rows, extending the stream's hash chain; returns the new head. */
function chainInto(
  rows: AppendCall['events'],
  request: AppendRequest,
  head: StreamHead | undefined,
  key: Uint8Array | undefined,
): StreamHead {
  let revision = head ? head.revision : -1n;
  let previous: string | null = head?.lastHash ?? null;
  for (const event of request.events) {
    revision++;
    const hash = computeEventHash(
      previous,
      {
        streamName: request.streamName,
        revision,
        id: event.id,
        type: event.type,
        data: event.data,
        metadata: event.metadata,
      },
      key,
    );
    rows.streams.push(request.streamName);
    rows.revisions.push(revision.toString());
    rows.ids.push(event.id);
    rows.types.push(event.type);
    rows.data.push(JSON.stringify(event.data));
    rows.metadata.push(JSON.stringify(event.metadata));
    rows.hashes.push(hash);
    rows.previousHashes.push(previous);
    previous = hash;
  }
  return { revision, lastHash: previous! };
}
