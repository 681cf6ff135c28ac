import type { EventStore } from '@par-index/eventstore';
import type { GeneratedPhase } from './generate';

export interface AppendSummary {
  events: number;
  appends: number;
  streams: number;
  seconds: number;
}

/**
 * Appends generated phases through the event-store port: each stream's chunk in one
 * `appendToStream` call with its exact expected revision, `concurrency` streams at a time.
 */
export async function appendGenerated(
  store: EventStore,
  phases: Iterable<GeneratedPhase>,
  options: { concurrency?: number; onPhase?: (phase: GeneratedPhase, total: AppendSummary) => void } = {},
): Promise<AppendSummary> {
  const concurrency = options.concurrency ?? 8;
  const started = process.hrtime.bigint();
  const streams = new Set<string>();
  const total: AppendSummary = { events: 0, appends: 0, streams: 0, seconds: 0 };
  const iterator = phases[Symbol.iterator]();
  for (let next = iterator.next(); !next.done;) {
    const phase = next.value;
    const chunks = phase.chunks.filter((chunk) => chunk.events.length > 0);
    let taken = 0;
    const worker = async () => {
      while (taken < chunks.length) {
        const chunk = chunks[taken++]!;
        await store.appendToStream(chunk.streamName, chunk.events, chunk.expected);
        total.events += chunk.events.length;
        total.appends += 1;
        streams.add(chunk.streamName);
      }
    };
    const appending = Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
    // the next phase is generated (CPU) while PostgreSQL works on this one's appends
    next = iterator.next();
    await appending;
    total.streams = streams.size;
    total.seconds = Number(process.hrtime.bigint() - started) / 1e9;
    options.onPhase?.(phase, total);
  }
  return total;
}
