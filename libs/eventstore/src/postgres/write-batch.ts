import type { PoolClient } from 'pg';
import { computeEventHash } from '../hash-chain';
import { WrongExpectedRevisionError, type AppendResult, type EventToAppend, type ExpectedRevision } from '../port';
import { checkExpectedRevision } from './expected-revision';
import type { StoreNames } from './schema';

export interface AppendRequest {
  streamName: string;
  events: readonly EventToAppend[]; // non-empty, already in stored (JSON round-tripped) shape
  expected: ExpectedRevision;
}

export type AppendOutcome = { ok: AppendResult } | { conflict: WrongExpectedRevisionError };

interface StreamHead {
  revision: bigint;
  lastHash: string;
}

interface Rows {
  streams: string[]; revisions: string[]; ids: string[]; types: string[];
  data: string[]; metadata: string[]; hashes: string[]; previousHashes: Array<string | null>;
}

/**
 * Writes several appends in ONE transaction (one commit, one fsync), deciding each request's
 * expected revision against the locked stream heads as if they ran one after another. A database
 * error (a unique violation: a racing stream creator or a repeated event id) is thrown after
 * ROLLBACK, and nothing of the batch is stored.
 *
 * Lock order avoids deadlocks: stream rows first (sorted by name), then the position lock, which
 * is held until COMMIT; PostgreSQL makes a commit visible before releasing the transaction's locks,
 * so positions become visible strictly in order. See libs/eventstore/README.md "Global position".
 */
export async function writeBatch(
  client: PoolClient,
  names: StoreNames,
  requests: readonly AppendRequest[],
  key?: Uint8Array,
): Promise<AppendOutcome[]> {
  await client.query('BEGIN');
  try {
    const heads = await lockStreamHeads(client, names, [...new Set(requests.map((r) => r.streamName))]);
    const rows: Rows = { streams: [], revisions: [], ids: [], types: [], data: [], metadata: [], hashes: [], previousHashes: [] };
    const outcomes: Array<AppendOutcome | { lastRowIndex: number }> = requests.map((request) => {
      const head = heads.get(request.streamName);
      try {
        checkExpectedRevision(request.streamName, request.expected, head?.revision);
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError) return { conflict: error };
        throw error;
      }
      heads.set(request.streamName, chainInto(rows, request, head, key));
      return { lastRowIndex: rows.ids.length - 1 };
    });
    const positions = rows.ids.length > 0 ? await insertRows(client, names, rows, heads) : [];
    await client.query('COMMIT');
    return outcomes.map((outcome) =>
      'lastRowIndex' in outcome
        ? { ok: { nextExpectedRevision: BigInt(rows.revisions[outcome.lastRowIndex]), position: positions[outcome.lastRowIndex] } }
        : outcome,
    );
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined); // a broken connection is discarded by the caller
    throw error;
  }
}

async function lockStreamHeads(client: PoolClient, names: StoreNames, streamNames: string[]): Promise<Map<string, StreamHead>> {
  const { rows } = await client.query<{ stream_name: string; revision: string; last_hash: string }>(
    `SELECT stream_name, revision::text, last_hash FROM ${names.streams}
     WHERE stream_name = ANY($1::text[]) ORDER BY stream_name FOR UPDATE`,
    [streamNames],
  );
  return new Map(rows.map((row) => [row.stream_name, { revision: BigInt(row.revision), lastHash: row.last_hash }]));
}

/** Adds the request's events to the rows, extending the stream's hash chain; returns the new head. */
function chainInto(rows: Rows, request: AppendRequest, head: StreamHead | undefined, key: Uint8Array | undefined): StreamHead {
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

/** One statement: take the position lock, insert the events in order, move the stream heads, notify. */
async function insertRows(client: PoolClient, names: StoreNames, rows: Rows, heads: Map<string, StreamHead>): Promise<bigint[]> {
  const touched = [...new Set(rows.streams)];
  const result = await client.query<{ position: string; event_id: string }>(
    `WITH position_lock AS MATERIALIZED (SELECT pg_advisory_xact_lock(hashtextextended($1, 0))),
     inserted AS (
       INSERT INTO ${names.events} (stream_name, revision, event_id, type, data, metadata, hash, previous_hash)
       SELECT e.stream_name, e.revision, e.id, e.type, e.data::jsonb, e.metadata::jsonb, e.hash, e.previous_hash
       FROM position_lock
       CROSS JOIN unnest($2::text[], $3::bigint[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
         WITH ORDINALITY AS e(stream_name, revision, id, type, data, metadata, hash, previous_hash, ord)
       ORDER BY e.ord
       RETURNING position, event_id
     ),
     moved AS (
       INSERT INTO ${names.streams} (stream_name, revision, last_hash)
       SELECT h.stream_name, h.revision, h.last_hash
       FROM unnest($10::text[], $11::bigint[], $12::text[]) AS h(stream_name, revision, last_hash)
       WHERE EXISTS (SELECT 1 FROM inserted)
       ON CONFLICT (stream_name) DO UPDATE SET revision = EXCLUDED.revision, last_hash = EXCLUDED.last_hash
     ),
     notified AS (SELECT pg_notify($13, (SELECT max(position) FROM inserted)::text))
     SELECT position::text, event_id::text FROM inserted CROSS JOIN notified`,
    [
      names.lockKey,
      rows.streams, rows.revisions, rows.ids, rows.types, rows.data, rows.metadata, rows.hashes, rows.previousHashes,
      touched, touched.map((s) => heads.get(s)!.revision.toString()), touched.map((s) => heads.get(s)!.lastHash),
      names.channelName,
    ],
  );
  const positions = new Map(result.rows.map((row) => [row.event_id, BigInt(row.position)]));
  return rows.ids.map((id) => positions.get(id.toLowerCase())!);
}
