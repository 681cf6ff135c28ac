import type { Pool } from 'pg';
import type { AppendResult, EventToAppend, ExpectedRevision } from '../port';
import { requiredFirstRevision } from './expected-revision';
import type { StoreNames } from './schema';

export type OriginalAppend = { kind: 'appended-before'; result: AppendResult } | { kind: 'not-a-retry'; knownIds: string[] };

/**
 * EventStoreDB semantics: a batch whose every event id is already stored in this stream, in the same
 * order at consecutive revisions (and where the expectation says it should start), is a retry; the
 * original result is returned. Any other overlap is a conflict for the caller to see.
 */
export async function findOriginalAppend(
  pool: Pool,
  names: StoreNames,
  streamName: string,
  events: readonly EventToAppend[],
  expected: ExpectedRevision,
): Promise<OriginalAppend> {
  const ids = events.map((e) => e.id.toLowerCase());
  const { rows } = await pool.query<{ event_id: string; stream_name: string; revision: string; position: string }>(
    `SELECT event_id::text, stream_name, revision::text, position::text FROM ${names.events} WHERE event_id = ANY($1::uuid[])`,
    [ids],
  );
  const byId = new Map(rows.map((row) => [row.event_id, row]));
  const knownIds = ids.filter((id) => byId.has(id));
  const stored = ids.map((id) => byId.get(id));
  if (events.length === 0 || stored.some((row) => row === undefined || row.stream_name !== streamName)) {
    return { kind: 'not-a-retry', knownIds };
  }
  const revisions = stored.map((row) => BigInt(row!.revision));
  const consecutive = revisions.every((revision, i) => revision === revisions[0] + BigInt(i));
  const requiredStart = requiredFirstRevision(expected);
  if (!consecutive || (requiredStart !== undefined && revisions[0] !== requiredStart)) {
    return { kind: 'not-a-retry', knownIds };
  }
  const last = stored[stored.length - 1]!;
  return {
    kind: 'appended-before',
    result: { nextExpectedRevision: BigInt(last.revision), position: BigInt(last.position) },
  };
}
