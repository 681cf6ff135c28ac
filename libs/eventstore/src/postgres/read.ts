import type { Pool } from 'pg';
import type { EventFilter, ReadAllOptions, ReadStreamOptions } from '../port';
import { EVENT_COLUMNS, type EventRow } from './event-row';
import type { StoreNames } from './schema';

export async function selectStream(
  pool: Pool,
  names: StoreNames,
  streamName: string,
  options: ReadStreamOptions = {},
): Promise<EventRow[]> {
  const backwards = options.direction === 'backwards';
  const from = options.fromRevision ?? (backwards ? 'end' : 'start');
  const params: unknown[] = [streamName, limitOf(options.maxCount)];
  let bound = '';
  if (typeof from === 'bigint') {
    params.push(from.toString());
    bound = backwards ? 'AND revision <= $3' : 'AND revision >= $3';
  } else if ((from === 'end') !== backwards) {
    // forwards from the end or backwards from the start: nothing lies beyond
    return [];
  }
  const { rows } = await pool.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM ${names.events} WHERE stream_name = $1 ${bound}
     ORDER BY revision ${backwards ? 'DESC' : 'ASC'} LIMIT $2`,
    params,
  );
  return rows;
}

export interface AllPage {
  rows: EventRow[];
  /** Every event at or below this position was visible to the query, matching the filter or not. */
  scannedUpTo: bigint;
}

/** Events strictly after `fromPosition`, in position order (readAll). */
export async function selectAfter(pool: Pool, names: StoreNames, options: ReadAllOptions = {}): Promise<EventRow[]> {
  const { params, where } = pageQuery(options);
  const { rows } = await pool.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM ${names.events} WHERE position > $1 ${where} ORDER BY position LIMIT $2`,
    params,
  );
  return rows;
}

/**
 * Events strictly after `fromPosition`, for a subscription. `scannedUpTo` comes from the same
 * snapshot; positions become visible in order (see write-batch.ts), so a subscriber may resume from
 * it without missing any.
 */
export async function selectAll(pool: Pool, names: StoreNames, options: ReadAllOptions = {}): Promise<AllPage> {
  const { from, limit, params, where } = pageQuery(options);
  const { rows } = await pool.query<EventRow & { head: string }>(
    `WITH page AS (
       SELECT ${EVENT_COLUMNS} FROM ${names.events}
       WHERE position > $1 ${where} ORDER BY position LIMIT $2
     )
     SELECT page.*, (SELECT coalesce(max(position), -1)::text FROM ${names.events}) AS head
     FROM (SELECT 1) AS always LEFT JOIN page ON true ORDER BY page.position`,
    params,
  );
  const head = BigInt(rows[0].head);
  const found = rows.filter((row) => row.position !== null);
  const pageFull = limit !== null && found.length === limit;
  const scannedUpTo = pageFull ? (found.length > 0 ? BigInt(found[found.length - 1].position) : from) : head > from ? head : from;
  return { rows: found, scannedUpTo };
}

function pageQuery(options: ReadAllOptions) {
  const from = options.fromPosition === undefined || options.fromPosition === 'start' ? -1n : options.fromPosition;
  const limit = limitOf(options.maxCount);
  const params: unknown[] = [from.toString(), limit];
  const where = filterSql(options.filter, params);
  return { from, limit, params, where };
}

export async function selectHeadPosition(pool: Pool, names: StoreNames): Promise<bigint> {
  const { rows } = await pool.query<{ head: string }>(`SELECT coalesce(max(position), -1)::text AS head FROM ${names.events}`);
  return BigInt(rows[0].head);
}

function filterSql(filter: EventFilter | undefined, params: unknown[]): string {
  let sql = '';
  if (filter?.streamNamePrefixes && filter.streamNamePrefixes.length > 0) {
    params.push(filter.streamNamePrefixes.map(escapeLike));
    sql += ` AND stream_name LIKE ANY (SELECT p || '%' FROM unnest($${params.length}::text[]) AS p)`;
  }
  if (filter?.eventTypes && filter.eventTypes.length > 0) {
    params.push(filter.eventTypes);
    sql += ` AND type = ANY($${params.length}::text[])`;
  }
  return sql;
}

function escapeLike(prefix: string): string {
  return prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** null: no limit (PostgreSQL reads LIMIT NULL as LIMIT ALL). */
function limitOf(maxCount: number | undefined): number | null {
  if (maxCount === undefined) return null;
  if (!Number.isInteger(maxCount) || maxCount < 0) throw new Error(`maxCount must be a non-negative integer, got ${maxCount}`);
  return maxCount;
}
