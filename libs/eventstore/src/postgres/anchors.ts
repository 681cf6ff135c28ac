import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { appendAnchor, readLatestAnchor } from '../anchors/anchor-file';
import { anchorSignatureValid, signAnchor, type HeadAnchor } from '../anchors/head-anchor';
import type { VerifyResult } from '../port';
import { selectHeadPosition } from './read';
import type { StoreNames } from './schema';

type BrokenLink = NonNullable<VerifyResult['firstBrokenLink']>;

interface HeadEvent {
  streamName: string;
  revision: string;
  hash: string;
}

async function eventAt(pool: Pool, names: StoreNames, position: bigint): Promise<HeadEvent | undefined> {
  const { rows } = await pool.query<{ stream_name: string; revision: string; hash: string }>(
    `SELECT stream_name, revision::text, hash FROM ${names.events} WHERE position = $1`,
    [position.toString()],
  );
  return rows[0] ? { streamName: rows[0].stream_name, revision: rows[0].revision, hash: rows[0].hash } : undefined;
}

/**
 * Every stream's newest event at or below `position`, digested. Positions become visible in order
 * (see README "Global position"), so a snapshot that sees `position` sees everything below it.
 */
async function headsUpTo(
  pool: Pool,
  names: StoreNames,
  position: bigint,
): Promise<{ streams: number; events: number; headsDigest: string }> {
  const [heads, count] = await Promise.all([
    pool.query<{ stream_name: string; revision: string; hash: string }>(
      `SELECT DISTINCT ON (stream_name) stream_name, revision::text, hash FROM ${names.events}
       WHERE position <= $1 ORDER BY stream_name, revision DESC`,
      [position.toString()],
    ),
    pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${names.events} WHERE position <= $1`, [position.toString()]),
  ]);
  const digest = createHash('sha256');
  const byCodePoint = heads.rows.sort((a, b) => (a.stream_name < b.stream_name ? -1 : a.stream_name > b.stream_name ? 1 : 0));
  for (const row of byCodePoint) digest.update(`${row.stream_name}\t${row.revision}\t${row.hash}\n`);
  return { streams: heads.rows.length, events: count.rows[0]!.n, headsDigest: digest.digest('hex') };
}

/** The signed anchor of the current head; undefined while the store is empty. */
export async function takeHeadAnchor(pool: Pool, names: StoreNames, key: Uint8Array, now: Date): Promise<HeadAnchor | undefined> {
  const position = await selectHeadPosition(pool, names);
  if (position < 0n) return undefined;
  const head = await eventAt(pool, names, position);
  if (!head) return undefined;
  return signAnchor(
    { position: position.toString(), ...head, ...(await headsUpTo(pool, names, position)), anchoredAt: now.toISOString() },
    key,
  );
}

/** What is wrong with the store against a signed anchor, if anything. */
export async function anchorProblem(pool: Pool, names: StoreNames, anchor: HeadAnchor, key: Uint8Array): Promise<BrokenLink | undefined> {
  if (!anchorSignatureValid(anchor, key)) {
    return {
      streamName: String(anchor.streamName),
      revision: BigInt(anchor.revision ?? -1),
      reason: 'the latest anchor has an invalid signature (anchor file edited, or another key)',
    };
  }
  const anchoredPosition = BigInt(anchor.position);
  const headPosition = await selectHeadPosition(pool, names);
  const truncated = (streamName: string, revision: bigint, detail: string): BrokenLink => ({
    streamName,
    revision,
    reason: 'truncated',
    anchoredPosition,
    headPosition,
    detail,
  });
  const head = await eventAt(pool, names, anchoredPosition);
  if (!head) {
    return truncated(
      anchor.streamName,
      BigInt(anchor.revision),
      `the anchored event at position ${anchoredPosition} is gone; the head is now ${headPosition}`,
    );
  }
  if (head.streamName !== anchor.streamName || head.revision !== anchor.revision || head.hash !== anchor.hash) {
    return {
      streamName: anchor.streamName,
      revision: BigInt(anchor.revision),
      reason: `the event at anchored position ${anchoredPosition} does not match the anchor (rewritten)`,
    };
  }
  const now = await headsUpTo(pool, names, anchoredPosition);
  if (now.events !== anchor.events || now.streams !== anchor.streams || now.headsDigest !== anchor.headsDigest) {
    return truncated(
      '$all',
      -1n,
      `up to the anchored position ${anchoredPosition}: ${anchor.events} events in ${anchor.streams} streams were anchored, ${now.events} in ${now.streams} remain or their heads changed`,
    );
  }
  return undefined;
}

/** Adds the latest anchor's verdict to a chain verification of the whole store. */
export async function checkLatestAnchor(
  pool: Pool,
  names: StoreNames,
  chains: VerifyResult,
  anchorFile: string,
  key: Uint8Array,
): Promise<VerifyResult> {
  const anchor = await readLatestAnchor(anchorFile);
  if (!anchor) return chains;
  const checked = { ...chains, anchor: { position: BigInt(anchor.position), anchoredAt: anchor.anchoredAt } };
  if (!chains.ok) return checked;
  const problem = await anchorProblem(pool, names, anchor, key);
  return problem ? { ...checked, ok: false, firstBrokenLink: problem } : checked;
}

/** Never blesses a rewound store with a fresh anchor: the previous one must still hold. */
export async function anchorHead(
  pool: Pool,
  names: StoreNames,
  anchorFile: string,
  key: Uint8Array,
  now: Date,
): Promise<HeadAnchor | undefined> {
  const latest = await readLatestAnchor(anchorFile);
  const problem = latest && (await anchorProblem(pool, names, latest, key));
  if (problem)
    throw new Error(`refusing to anchor: the store no longer matches the latest anchor (${problem.reason}: ${problem.detail ?? ''})`);
  const anchor = await takeHeadAnchor(pool, names, key, now);
  if (!anchor || (latest?.position === anchor.position && latest.hash === anchor.hash)) return undefined;
  await appendAnchor(anchorFile, anchor);
  return anchor;
}
