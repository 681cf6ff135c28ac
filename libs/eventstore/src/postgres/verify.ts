import type { Pool } from 'pg';
import { eventHashProblem, type ChainKeyPolicy } from '../hash-chain';
import type { VerifyResult } from '../port';
import type { EventRow } from './event-row';
import type { StoreNames } from './schema';

type BrokenLink = NonNullable<VerifyResult['firstBrokenLink']>;
type ChainRow = EventRow & { head_revision: string | null; head_hash: string | null };

const PAGE = 1000;

/**
 * Walks the stored rows (never upcast) in (stream, revision) order and recomputes every hash from
 * the content and the recomputed previous hash. Also compares each chain's end with the streams
 * row, so deleting the newest events is caught too.
 */
export async function verifyChains(pool: Pool, names: StoreNames, streamName?: string, policy: ChainKeyPolicy = {}): Promise<VerifyResult> {
  const walker = new ChainWalker(policy);
  let after: { stream: string; revision: string } | undefined;
  for (;;) {
    const rows = await selectChainPage(pool, names, streamName, after);
    for (const row of rows) {
      const broken = walker.visit(row);
      if (broken) return walker.result(broken);
    }
    if (rows.length < PAGE) break;
    const last = rows[rows.length - 1];
    after = { stream: last.stream_name, revision: last.revision };
  }
  const broken = walker.finish() ?? (await findStreamWithoutEvents(pool, names, streamName));
  return walker.result(broken);
}

class ChainWalker {
  private streams = 0;
  private events = 0;
  private current?: { name: string; nextRevision: bigint; previousHash: string | null; head: ChainRow };

  constructor(private readonly policy: ChainKeyPolicy) {}

  visit(row: ChainRow): BrokenLink | undefined {
    if (row.stream_name !== this.current?.name) {
      const broken = this.finish();
      if (broken) return broken;
      this.streams++;
      this.current = { name: row.stream_name, nextRevision: 0n, previousHash: null, head: row };
    }
    const chain = this.current;
    chain.head = row;
    const revision = BigInt(row.revision);
    const at = (reason: string): BrokenLink => ({ streamName: row.stream_name, revision, reason });
    if (revision !== chain.nextRevision) {
      return { streamName: row.stream_name, revision: chain.nextRevision, reason: `revision ${chain.nextRevision} is missing` };
    }
    this.events++;
    if (row.previous_hash !== chain.previousHash) return at('previous_hash does not match the preceding event');
    const content = { streamName: row.stream_name, revision, id: row.event_id, type: row.type, data: row.data, metadata: row.metadata };
    const problem = eventHashProblem(row.hash, chain.previousHash, content, BigInt(row.position), this.policy);
    if (problem !== null) return at(problem);
    chain.previousHash = row.hash;
    chain.nextRevision = revision + 1n;
    return undefined;
  }

  /** Closes the current chain: its last event must be the one the streams row points at. */
  finish(): BrokenLink | undefined {
    const chain = this.current;
    if (!chain) return undefined;
    this.current = undefined;
    const { head_revision: headRevision, head_hash: headHash } = chain.head;
    if (headRevision === null) {
      return { streamName: chain.name, revision: chain.nextRevision - 1n, reason: 'events exist but the stream head row is missing' };
    }
    if (BigInt(headRevision) !== chain.nextRevision - 1n || headHash !== chain.previousHash) {
      return {
        streamName: chain.name,
        revision: chain.nextRevision,
        reason: `stream head says revision ${headRevision}: events after revision ${chain.nextRevision - 1n} are missing or altered`,
      };
    }
    return undefined;
  }

  result(broken: BrokenLink | undefined): VerifyResult {
    return { ok: broken === undefined, streamsChecked: this.streams, eventsChecked: this.events, firstBrokenLink: broken };
  }
}

async function selectChainPage(
  pool: Pool,
  names: StoreNames,
  streamName: string | undefined,
  after: { stream: string; revision: string } | undefined,
): Promise<ChainRow[]> {
  const params: unknown[] = [PAGE];
  const conditions: string[] = [];
  if (streamName !== undefined) {
    params.push(streamName);
    conditions.push(`e.stream_name = $${params.length}`);
  }
  if (after) {
    params.push(after.stream, after.revision);
    conditions.push(`(e.stream_name, e.revision) > ($${params.length - 1}, $${params.length}::bigint)`);
  }
  const { rows } = await pool.query<ChainRow>(
    `SELECT e.position::text, e.stream_name, e.revision::text, e.event_id::text, e.type, e.data, e.metadata, e.hash, e.previous_hash,
            s.revision::text AS head_revision, s.last_hash AS head_hash
     FROM ${names.events} e LEFT JOIN ${names.streams} s ON s.stream_name = e.stream_name
     ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY e.stream_name, e.revision LIMIT $1`,
    params,
  );
  return rows;
}

async function findStreamWithoutEvents(pool: Pool, names: StoreNames, streamName: string | undefined): Promise<BrokenLink | undefined> {
  const params: unknown[] = streamName === undefined ? [] : [streamName];
  const { rows } = await pool.query<{ stream_name: string }>(
    `SELECT s.stream_name FROM ${names.streams} s
     WHERE ${streamName === undefined ? 'true' : 's.stream_name = $1'}
       AND NOT EXISTS (SELECT 1 FROM ${names.events} e WHERE e.stream_name = s.stream_name)
     ORDER BY s.stream_name LIMIT 1`,
    params,
  );
  return rows[0]
    ? { streamName: rows[0].stream_name, revision: 0n, reason: 'the stream head exists but all its events are missing' }
    : undefined;
}
