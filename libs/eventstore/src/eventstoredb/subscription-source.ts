import type { AllStreamResolvedEvent, EventStoreDBClient } from '@eventstore/db-client';
import type { EventFilter } from '../port';
import type { UpcastChain } from '../upcasting/upcaster';
import type { SubscriptionSource, SubscriptionStream } from './catch-up-subscription';
import { findLatest } from './esdb-reads';
import { buildServerFilter, isSystemEvent, matchesFilter } from './filters';
import { toReadPosition } from './positions';
import { headerOf, toRawRecordedEvent, toRecordedEvent } from './recorded-event-mapping';

export interface SubscriptionSourceSettings {
  filter: EventFilter | undefined;
  upcast: UpcastChain;
  /** Multiplier of the server's search window between checkpoints (the client's checkpointInterval). */
  checkpointInterval: number;
  /** How far back the caught-up target search scans $all before settling for the global head. */
  caughtUpScanLimit: number;
}

/** Binds the catch-up runner to a real EventStoreDB `$all` subscription with a server-side filter. */
export function esdbSubscriptionSource(
  client: EventStoreDBClient,
  settings: SubscriptionSourceSettings,
): SubscriptionSource<AllStreamResolvedEvent> {
  const { filter, upcast } = settings;
  return {
    open(from, onCheckpoint): SubscriptionStream<AllStreamResolvedEvent> {
      return client.subscribeToAll({
        fromPosition: toReadPosition(from),
        filter: buildServerFilter(filter, settings.checkpointInterval, (_subscription, position) => onCheckpoint(position.commit)),
      });
    },
    toEvent(resolved) {
      const header = headerOf(resolved);
      if (!matchesFilter(header, filter)) return { position: header.position, event: null };
      return { position: header.position, event: toRecordedEvent(toRawRecordedEvent(resolved), upcast) };
    },
    async caughtUpTarget(from) {
      const matching = await findLatest(client, (header) => matchesFilter(header, filter), {
        notAfter: from,
        maxScan: settings.caughtUpScanLimit,
      });
      if (matching.kind === 'found') return matching.position;
      if (matching.kind === 'none') return -1n;
      // too sparse to find cheaply: wait until a delivery or checkpoint passes the global head (or the server says so)
      const head = await findLatest(client, (header) => !isSystemEvent(header), { maxScan: Number.POSITIVE_INFINITY });
      return head.kind === 'found' ? head.position : -1n;
    },
  };
}
