import type { Pool } from 'pg';
import { DuplicateEventIdError, WrongExpectedRevisionError, type AppendResult, type EventToAppend, type ExpectedRevision } from '../port';
import { checkExpectedRevision } from './expected-revision';
import type { HeadCache } from './head-cache';
import { findOriginalAppend } from './idempotency';
import type { StoreNames } from './schema';
import { writeBatch, type AppendRequest } from './write-batch';

const MAX_ANY_RETRIES = 5;

/** jsonb stores what JSON.stringify produces; hash exactly that shape so verify agrees later. */
export function toStoredShape(events: readonly EventToAppend[]): EventToAppend[] {
  return events.map((e) => ({ ...e, data: jsonRoundTrip(e.data), metadata: jsonRoundTrip(e.metadata) }));
}

/**
 * Appends one batch in its own transaction (one statement, see write-batch.ts). Concurrency is
 * decided by PostgreSQL: stream rows are locked FOR UPDATE and unique(stream_name, revision) catches
 * two creators of a new stream; a conflict that turns out to be a retry of an already-stored batch
 * returns the original result.
 */
export async function appendAlone(
  pool: Pool,
  names: StoreNames,
  request: AppendRequest,
  heads: HeadCache,
  key?: Uint8Array,
): Promise<AppendResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      const [outcome] = await writeBatch(pool, names, [request], heads, key);
      if ('ok' in outcome) return outcome.ok;
      return await resolveConflict(pool, names, request, outcome.conflict);
    } catch (error) {
      const racedNewStream = isUniqueViolation(error, 'events_stream_revision_key');
      const duplicateId = isUniqueViolation(error, 'events_event_id_key');
      if (!racedNewStream && !duplicateId) throw error;
      const original = await findOriginalAppend(pool, names, request.streamName, request.events, request.expected);
      if (original.kind === 'appended-before') return original.result;
      if (duplicateId) throw new DuplicateEventIdError(request.streamName, original.knownIds);
      if (request.expected === 'any' && attempt < MAX_ANY_RETRIES) continue;
      throw new WrongExpectedRevisionError(request.streamName, request.expected, await currentRevision(pool, names, request.streamName));
    }
  }
}

/** An expected-revision conflict is still a success when the batch is a retry of a stored one. */
export async function resolveConflict(
  pool: Pool,
  names: StoreNames,
  request: AppendRequest,
  conflict: WrongExpectedRevisionError,
): Promise<AppendResult> {
  const original = await findOriginalAppend(pool, names, request.streamName, request.events, request.expected);
  if (original.kind === 'appended-before') return original.result;
  throw conflict;
}

/** Appending no events only checks the expectation (as EventStoreDB does). */
export async function appendNothing(pool: Pool, names: StoreNames, streamName: string, expected: ExpectedRevision): Promise<AppendResult> {
  const { rows } = await pool.query<{ revision: string | null; position: string }>(
    `SELECT (SELECT revision::text FROM ${names.streams} WHERE stream_name = $1) AS revision,
            (SELECT coalesce(max(position), -1)::text FROM ${names.events} WHERE stream_name = $1) AS position`,
    [streamName],
  );
  const current = rows[0].revision === null ? undefined : BigInt(rows[0].revision);
  checkExpectedRevision(streamName, expected, current);
  return { nextExpectedRevision: current ?? -1n, position: BigInt(rows[0].position) };
}

async function currentRevision(pool: Pool, names: StoreNames, streamName: string): Promise<bigint | 'no_stream'> {
  const { rows } = await pool.query<{ revision: string }>(`SELECT revision::text FROM ${names.streams} WHERE stream_name = $1`, [
    streamName,
  ]);
  return rows[0] ? BigInt(rows[0].revision) : 'no_stream';
}

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === constraint;
}

function jsonRoundTrip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
