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

/** Re-plans after the heads moved under us; only other processes appending to the same streams move them. */
const MAX_PLANS = 10;

/**
 * Writes several appends in ONE statement (one round trip, one commit, one fsync), deciding each
 * request's expected revision against the stream heads as if they ran one after another. The plan
 * is made in Node from the cached heads (hashes included); the append function checks those heads
 * against the locked rows and, when they differ, writes nothing and returns the actual heads, so the
 * plan is made again. A conflict is only reported once the function confirmed the head it was
 * decided against. A database error (a unique violation: a racing stream creator or a repeated
 * event id) is thrown, the statement rolled back, and nothing of the batch is stored.
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
  for (let plans = 1; ; plans++) {
    const plan = planBatch(requests, heads, key);
    let result;
    try {
      result = await callAppendFunction(pool, names, plan.call);
    } catch (error) {
      heads.forget(plan.call.assumed.map(([stream]) => stream));
      throw error;
    }
    if ('actual' in result) {
      for (const [stream, head] of result.actual) heads.set(stream, head);
      if (plans < MAX_PLANS) continue;
      throw new Error(`stream heads kept moving during ${MAX_PLANS} append attempts; try again`);
    }
    for (const [stream, head] of plan.call.moved) heads.set(stream, head);
    const { revisions, ids } = plan.call.events;
    return plan.outcomes.map((outcome) =>
      'lastRowIndex' in outcome
        ? { ok: { nextExpectedRevision: BigInt(revisions[outcome.lastRowIndex]), position: result.positions.get(ids[outcome.lastRowIndex].toLowerCase())! } }
        : outcome,
    );
  }
}

function planBatch(requests: readonly AppendRequest[], cache: HeadCache, key: Uint8Array | undefined) {
  const assumed = new Map<string, StreamHead | undefined>();
  for (const { streamName } of requests) if (!assumed.has(streamName)) assumed.set(streamName, cache.get(streamName));
  const current = new Map(assumed);
  const events: AppendCall['events'] = { streams: [], revisions: [], ids: [], types: [], data: [], metadata: [], hashes: [], previousHashes: [] };
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
function chainInto(rows: AppendCall['events'], request: AppendRequest, head: StreamHead | undefined, key: Uint8Array | undefined): StreamHead {
  let revision = head ? head.revision : -1n;
  let previous: string | null = head?.lastHash ?? null;
  for (const event of request.events) {
    revision++;
    const hash = computeEventHash(previous, {
      streamName: request.streamName,
      revision,
      id: event.id,
      type: event.type,
      data: event.data,
      metadata: event.metadata,
    }, key);
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
