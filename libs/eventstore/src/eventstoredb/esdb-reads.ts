import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  StreamNotFoundError,
  type AllStreamResolvedEvent,
  type EventStoreDBClient,
  type ReadRevision,
} from '@eventstore/db-client';
import type { ReadStreamOptions } from '../port';
import type { RawRecordedEvent } from './chain-verification';
import { toEsdbPosition } from './positions';
import { headerOf, toRawRecordedEvent } from './recorded-event-mapping';

export const ALL_PAGE_SIZE = 512;

export interface AllEntry {
  header: { streamName: string; type: string; position: bigint };
  resolved: AllStreamResolvedEvent;
}

/** Reading backwards without a start means from the end; the client's default (START) would yield one event. */
export function toReadRevision(options: ReadStreamOptions): ReadRevision {
  const from = options.fromRevision;
  if (from === undefined) return options.direction === 'backwards' ? END : START;
  if (from === 'start') return START;
  if (from === 'end') return END;
  return from;
}

export async function readStreamRaw(
  client: EventStoreDBClient,
  streamName: string,
  options: ReadStreamOptions = {},
): Promise<RawRecordedEvent[]> {
  if (options.maxCount !== undefined && options.maxCount <= 0) return [];
  const events: RawRecordedEvent[] = [];
  try {
    const read = client.readStream(streamName, {
      direction: options.direction === 'backwards' ? BACKWARDS : FORWARDS,
      fromRevision: toReadRevision(options),
      ...(options.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
    });
    for await (const resolved of read) events.push(toRawRecordedEvent(resolved));
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return events;
}

/**
 * Every $all entry strictly after `from`, page by page, system events included (callers filter).
 * A forwards read includes the entry at its start position, hence the skip.
 */
export async function* readAllForwards(
  client: EventStoreDBClient,
  from: bigint | 'start',
  pageSize = ALL_PAGE_SIZE,
): AsyncGenerator<AllEntry> {
  let cursor = from;
  for (;;) {
    let received = 0;
    const page = client.readAll({
      direction: FORWARDS,
      fromPosition: cursor === 'start' ? START : toEsdbPosition(cursor),
      maxCount: pageSize,
    });
    let finished = false;
    try {
      for await (const resolved of page) {
        received++;
        const header = headerOf(resolved);
        if (cursor !== 'start' && header.position <= cursor) continue;
        cursor = header.position;
        yield { header, resolved };
      }
      finished = true;
    } finally {
      // leaving early (maxCount reached, consumer stopped) must also end the server-side read
      if (!finished) await page.cancel();
    }
    if (received < pageSize) return;
  }
}

export type LatestSearch = { kind: 'found'; position: bigint } | { kind: 'none' } | { kind: 'gave-up' };

/**
 * The newest $all entry accepted by `accept`, scanning backwards from the end but not past `notAfter`
 * (exclusive lower bound) nor beyond `maxScan` entries.
 */
export async function findLatest(
  client: EventStoreDBClient,
  accept: (header: AllEntry['header']) => boolean,
  options: { notAfter?: bigint | 'start'; maxScan: number; pageSize?: number },
): Promise<LatestSearch> {
  const pageSize = options.pageSize ?? 128;
  const floor = options.notAfter === undefined || options.notAfter === 'start' ? -1n : options.notAfter;
  let cursor: bigint | null = null;
  let scanned = 0;
  for (;;) {
    let received = 0;
    const page = client.readAll({
      direction: BACKWARDS,
      fromPosition: cursor === null ? END : toEsdbPosition(cursor),
      maxCount: pageSize,
    });
    let verdict: LatestSearch | null = null;
    for await (const resolved of page) {
      received++;
      const header = headerOf(resolved);
      if (cursor !== null && header.position >= cursor) continue;
      cursor = header.position;
      if (header.position <= floor) verdict = { kind: 'none' };
      else if (accept(header)) verdict = { kind: 'found', position: header.position };
      else if (++scanned >= options.maxScan) verdict = { kind: 'gave-up' };
      if (verdict) break;
    }
    if (verdict) {
      await page.cancel();
      return verdict;
    }
    if (received < pageSize) return { kind: 'none' };
  }
}
