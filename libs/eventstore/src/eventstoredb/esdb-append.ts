import type { EventStoreDBClient, JSONEventData } from '@eventstore/db-client';
import type { AppendResult, EventToAppend, ExpectedRevision } from '../port';
import { splitIntoAppendBatches } from './append-batching';
import type { RawRecordedEvent } from './chain-verification';
import { readStreamRaw } from './esdb-reads';
import {
  checkExpectedRevision,
  exactAppendRevision,
  isRetryableConflict,
  isWrongExpectedVersion,
  toWrongExpectedRevisionError,
} from './expected-revision';
import { chainEvents, type ChainedEvent } from './hash-metadata';
import { AppendOverlapError, detectReplay, replayStartRevision } from './replay-detection';

export interface AppendSettings {
  maxAppendBytes: number;
  /** How many of the newest events an 'any'/'stream_exists' append checks for a replay of its ids. */
  idempotencyWindow: number;
  maxConflictRetries: number;
  log: (message: string) => void;
  /** HMAC key of the hash chain (see hash-chain.ts); unset → the unkeyed v1 chain */
  hmacKey?: Uint8Array;
}

/** A batch above the request limit went in as several appends and one after the first failed. */
export class PartialAppendError extends Error {
  override readonly name = 'PartialAppendError';
  constructor(
    readonly streamName: string,
    readonly appendedCount: number,
    readonly totalCount: number,
    override readonly cause: unknown,
  ) {
    super(`Stream ${streamName}: split append stopped after ${appendedCount} of ${totalCount} events: ${String(cause)}`);
  }
}

interface AppendWindow {
  tail: RawRecordedEvent | null;
  window: RawRecordedEvent[];
}

/** The tail (for the chain) and the events a replay of this batch would have to match. */
async function readAppendWindow(
  client: EventStoreDBClient,
  streamName: string,
  expected: ExpectedRevision,
  count: number,
  settings: AppendSettings,
): Promise<AppendWindow> {
  const start = replayStartRevision(expected);
  if (start === null) {
    const newest = await readStreamRaw(client, streamName, {
      direction: 'backwards',
      maxCount: Math.max(count, settings.idempotencyWindow, 1),
    });
    return { tail: newest[0] ?? null, window: newest.reverse() };
  }
  const [tail] = await readStreamRaw(client, streamName, { direction: 'backwards', maxCount: 1 });
  if (!tail || tail.revision < start) return { tail: tail ?? null, window: [] };
  const window = await readStreamRaw(client, streamName, { fromRevision: start, maxCount: count });
  return { tail, window };
}

function toEventData(event: ChainedEvent): JSONEventData {
  return { id: event.id, contentType: 'application/json', type: event.type, data: event.data, metadata: event.metadata };
}

class FirstBatchConflict extends Error {
  constructor(readonly clientError: unknown) {
    super('conflict on the first append request');
  }
}

async function appendBatches(
  client: EventStoreDBClient,
  streamName: string,
  batches: ChainedEvent[][],
  tailRevision: bigint | null,
): Promise<AppendResult> {
  const total = batches.reduce((sum, batch) => sum + batch.length, 0);
  let revision = tailRevision;
  let appended = 0;
  let position: bigint | undefined;
  for (const [index, batch] of batches.entries()) {
    try {
      const result = await client.appendToStream(streamName, batch.map(toEventData), {
        expectedRevision: exactAppendRevision(revision),
      });
      revision = result.nextExpectedRevision;
      position = result.position?.commit;
      appended += batch.length;
    } catch (error) {
      if (index === 0 && isWrongExpectedVersion(error)) throw new FirstBatchConflict(error);
      if (index === 0) throw error;
      throw new PartialAppendError(streamName, appended, total, error);
    }
  }
  if (revision === null) throw new Error('append of an empty batch list');
  if (position === undefined) {
    // servers before 20.10 leave the position out of the append response
    const [last] = await readStreamRaw(client, streamName, { direction: 'backwards', maxCount: 1 });
    position = last.position;
  }
  return { nextExpectedRevision: revision, position };
}

/**
 * Reads the tail, detects replays, checks the caller's expectation, chains hashes, then appends with
 * the exact tail revision. Batches above maxAppendBytes go in as several sequential appends, which
 * EventStoreDB does not make atomic together (each request is atomic on its own).
 */
export async function appendChained(
  client: EventStoreDBClient,
  streamName: string,
  events: readonly EventToAppend[],
  expected: ExpectedRevision,
  settings: AppendSettings,
): Promise<AppendResult> {
  for (let attempt = 0; ; attempt++) {
    const { tail, window } = await readAppendWindow(client, streamName, expected, events.length, settings);
    const verdict = detectReplay(
      events.map((e) => e.id),
      window,
      expected,
    );
    if (verdict.kind === 'replay') return verdict.result;
    const conflict = checkExpectedRevision(streamName, expected, tail?.revision ?? null);
    if (conflict) throw conflict;
    if (verdict.kind === 'overlap') throw new AppendOverlapError(streamName, verdict.reason);
    if (events.length === 0) return { nextExpectedRevision: tail?.revision ?? -1n, position: tail?.position ?? -1n };

    const chained = chainEvents(streamName, (tail?.revision ?? -1n) + 1n, tail?.hash ?? null, events, settings.hmacKey);
    const batches = splitIntoAppendBatches(chained, settings.maxAppendBytes);
    if (batches.length > 1) {
      settings.log(`append to ${streamName}: ${events.length} events split into ${batches.length} requests (not atomic)`);
    }
    try {
      return await appendBatches(client, streamName, batches, tail?.revision ?? null);
    } catch (error) {
      if (!(error instanceof FirstBatchConflict)) throw error;
      if (isRetryableConflict(expected) && attempt < settings.maxConflictRetries) continue;
      const clientError = error.clientError;
      if (isWrongExpectedVersion(clientError)) throw toWrongExpectedRevisionError(streamName, expected, clientError);
      throw clientError;
    }
  }
}
