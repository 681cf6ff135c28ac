import { setTimeout as sleep } from 'node:timers/promises';
import type { Decider } from '@par-index/domain';
import { buildEventMetadata, EVENT_SCHEMA_VERSIONS } from '@par-index/domain';
import { WrongExpectedRevisionError, type EventStore, type RecordedEvent } from '@par-index/eventstore';
import { ConcurrencyConflictError, IdempotencyKeyReusedError } from '../errors/application-errors';
import { deterministicEventId, type CommandEnvelope } from './command-envelope';
import { KeyedMutex } from './keyed-mutex';
import { foldRecorded } from './shared/load-aggregate';

export interface CommandOutcome {
  streamName: string;
  /** revision of the stream's last event after the command (-1 when the stream is still empty) */
  revision: bigint;
  /** global position of the last event the command appended (or found, on an idempotent replay) */
  position: bigint | null;
  eventTypes: string[];
  /** true when this idempotency key had already been applied: nothing new was appended */
  replayed: boolean;
}

interface DomainEvent {
  type: string;
  data: object;
}

/** Conflicts left after the in-process lock come from other processes: retried with jittered backoff. */
export const AUTOMATIC_ATTEMPTS = 12;
const BACKOFF_BASE_MS = 5;
const BACKOFF_CAP_MS = 250;

/** One stream's commands run one at a time in this process, so parallel writers do not conflict. */
const streamLocks = new KeyedMutex();

/** Full jitter: a random wait in [0, min(cap, base·2^attempt)). */
function backoff(attempt: number): Promise<void> {
  return sleep(Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
}

function replayOf(history: readonly RecordedEvent[], envelope: CommandEnvelope): RecordedEvent[] {
  const already = history.filter((event) => event.metadata.idempotencyKey === envelope.idempotencyKey);
  const recorded = already[0]?.metadata.commandHash;
  // Events written before command hashes were recorded carry none: those replay as before.
  if (already.length > 0 && typeof recorded === 'string' && envelope.commandHash && recorded !== envelope.commandHash) {
    throw new IdempotencyKeyReusedError(already[0]!.streamName, envelope.idempotencyKey);
  }
  return already;
}

/**
 * Read → fold → decide → append with the expected revision. When the client named no revision, a
 * conflict re-runs the decision on the fresh state (the rules are checked again); when it did, the
 * conflict is reported. A replayed idempotency key returns the first result, unless the key was
 * used for a different command.
 */
export async function runAggregateCommand<C, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  streamName: string,
  /** builds the command from the freshly folded state; may load what decide needs from other streams */
  buildCommand: (state: S) => C | Promise<C>,
  envelope: CommandEnvelope,
): Promise<CommandOutcome> {
  return streamLocks.run(streamName, async () => {
    for (let attempt = 1; ; attempt += 1) {
      const history = await store.readStream(streamName);
      const last = history[history.length - 1];
      const current = last ? last.revision : -1n;
      const already = replayOf(history, envelope);
      if (already.length > 0) {
        return {
          streamName,
          revision: current,
          position: already[already.length - 1]!.position,
          eventTypes: already.map((e) => e.type),
          replayed: true,
        };
      }
      if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== current) {
        throw new ConcurrencyConflictError(streamName, envelope.expectedRevision, current);
      }
      const state = foldRecorded(decider, history);
      const events = decider.decide(await buildCommand(state), state);
      if (events.length === 0) return { streamName, revision: current, position: last?.position ?? null, eventTypes: [], replayed: false };
      const toAppend = events.map((event, index) => ({
        id: deterministicEventId(envelope.idempotencyKey, streamName, index),
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: {
          ...buildEventMetadata(envelope, EVENT_SCHEMA_VERSIONS[event.type as keyof typeof EVENT_SCHEMA_VERSIONS] ?? 1),
          ...(envelope.commandHash ? { commandHash: envelope.commandHash } : {}),
        },
      }));
      try {
        const result = await store.appendToStream(streamName, toAppend, last ? current : 'no_stream');
        return {
          streamName,
          revision: result.nextExpectedRevision,
          position: result.position,
          eventTypes: events.map((e) => e.type),
          replayed: false,
        };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (envelope.expectedRevision !== undefined || attempt >= AUTOMATIC_ATTEMPTS) {
          throw new ConcurrencyConflictError(
            streamName,
            envelope.expectedRevision ?? current,
            error.actual === 'no_stream' ? -1n : error.actual,
          );
        }
        await backoff(attempt);
      }
    }
  });
}
