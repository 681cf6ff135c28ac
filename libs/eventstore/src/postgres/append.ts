import type { Pool, PoolClient } from 'pg';
import { computeEventHash } from '../hash-chain';
import {
  DuplicateEventIdError,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventToAppend,
  type ExpectedRevision,
} from '../port';
import { checkExpectedRevision } from './expected-revision';
import { findOriginalAppend } from './idempotency';
import type { StoreNames } from './schema';

interface StreamHead {
  revision: bigint;
  lastHash: string;
}

const MAX_ANY_RETRIES = 5;

/**
 * Appends a batch atomically. Concurrency is decided by PostgreSQL: the streams row is locked
 * FOR UPDATE (and unique(stream_name, revision) catches two creators of a new stream); a conflict
 * that turns out to be a retry of an already-stored batch returns the original result.
 */
export async function appendEvents(
  pool: Pool,
  names: StoreNames,
  streamName: string,
  events: readonly EventToAppend[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  // jsonb stores what JSON.stringify produces; hash exactly that shape so verify agrees later
  const stored = events.map((e) => ({ ...e, data: jsonRoundTrip(e.data), metadata: jsonRoundTrip(e.metadata) }));
  for (let attempt = 0; ; attempt++) {
    try {
      return await appendOnce(pool, names, streamName, stored, expected);
    } catch (error) {
      const racedNewStream = isUniqueViolation(error, 'events_stream_revision_key');
      const duplicateId = isUniqueViolation(error, 'events_event_id_key');
      if (!(error instanceof WrongExpectedRevisionError) && !racedNewStream && !duplicateId) throw error;
      const original = await findOriginalAppend(pool, names, streamName, stored, expected);
      if (original.kind === 'appended-before') return original.result;
      if (duplicateId) throw new DuplicateEventIdError(streamName, original.knownIds);
      if (racedNewStream) {
        if (expected === 'any' && attempt < MAX_ANY_RETRIES) continue;
        throw new WrongExpectedRevisionError(streamName, expected, await currentRevision(pool, names, streamName));
      }
      throw error;
    }
  }
}

async function appendOnce(
  pool: Pool,
  names: StoreNames,
  streamName: string,
  events: readonly EventToAppend[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const head = await lockStreamHead(client, names, streamName);
    checkExpectedRevision(streamName, expected, head?.revision);
    const result =
      events.length === 0
        ? { nextExpectedRevision: head?.revision ?? -1n, position: await lastPositionOf(client, names, streamName) }
        : await insertBatch(client, names, streamName, events, head);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}

async function lockStreamHead(client: PoolClient, names: StoreNames, streamName: string): Promise<StreamHead | undefined> {
  const { rows } = await client.query<{ revision: string; last_hash: string }>(
    `SELECT revision, last_hash FROM ${names.streams} WHERE stream_name = $1 FOR UPDATE`,
    [streamName],
  );
  return rows[0] ? { revision: BigInt(rows[0].revision), lastHash: rows[0].last_hash } : undefined;
}

/**
 * One statement: take the position lock, insert the events, move the stream head, notify.
 * The transaction-scoped advisory lock is held until COMMIT, and PostgreSQL makes a commit visible
 * before it releases the transaction's locks, so positions become visible strictly in order: a
 * reader that sees position p also sees every position below p. See README "Global position".
 */
async function insertBatch(
  client: PoolClient,
  names: StoreNames,
  streamName: string,
  events: readonly EventToAppend[],
  head: StreamHead | undefined,
): Promise<AppendResult> {
  const firstRevision = head ? head.revision + 1n : 0n;
  const hashes: string[] = [];
  const previousHashes: Array<string | null> = [];
  let previous: string | null = head?.lastHash ?? null;
  events.forEach((event, i) => {
    const hash = computeEventHash(previous, {
      streamName,
      revision: firstRevision + BigInt(i),
      id: event.id,
      type: event.type,
      data: event.data,
      metadata: event.metadata,
    });
    previousHashes.push(previous);
    hashes.push(hash);
    previous = hash;
  });
  const { rows } = await client.query<{ position: string; revision: string }>(
    `WITH position_lock AS MATERIALIZED (SELECT pg_advisory_xact_lock(hashtextextended($1, 0))),
     inserted AS (
       INSERT INTO ${names.events} (stream_name, revision, event_id, type, data, metadata, hash, previous_hash)
       SELECT $2, $3::bigint + e.ord - 1, e.id, e.type, e.data::jsonb, e.metadata::jsonb, e.hash, e.previous_hash
       FROM position_lock
       CROSS JOIN unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
         WITH ORDINALITY AS e(id, type, data, metadata, hash, previous_hash, ord)
       ORDER BY e.ord
       RETURNING position, revision
     ),
     head AS (
       INSERT INTO ${names.streams} (stream_name, revision, last_hash)
       SELECT $2, max(revision), $10 FROM inserted
       ON CONFLICT (stream_name) DO UPDATE SET revision = EXCLUDED.revision, last_hash = EXCLUDED.last_hash
       RETURNING revision
     ),
     last AS (SELECT max(position) AS position FROM inserted)
     SELECT last.position::text AS position, head.revision::text AS revision, pg_notify($11, last.position::text)
     FROM last CROSS JOIN head`,
    [
      names.lockKey,
      streamName,
      firstRevision.toString(),
      events.map((e) => e.id),
      events.map((e) => e.type),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => JSON.stringify(e.metadata)),
      hashes,
      previousHashes,
      hashes[hashes.length - 1],
      names.channelName,
    ],
  );
  return { nextExpectedRevision: BigInt(rows[0].revision), position: BigInt(rows[0].position) };
}

async function lastPositionOf(client: PoolClient, names: StoreNames, streamName: string): Promise<bigint> {
  const { rows } = await client.query<{ position: string }>(
    `SELECT coalesce(max(position), -1)::text AS position FROM ${names.events} WHERE stream_name = $1`,
    [streamName],
  );
  return BigInt(rows[0].position);
}

async function currentRevision(pool: Pool, names: StoreNames, streamName: string): Promise<bigint | 'no_stream'> {
  const { rows } = await pool.query<{ revision: string }>(
    `SELECT revision FROM ${names.streams} WHERE stream_name = $1`,
    [streamName],
  );
  return rows[0] ? BigInt(rows[0].revision) : 'no_stream';
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === constraint;
}

function jsonRoundTrip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
