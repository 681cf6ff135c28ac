import type { EventMetadata } from '../port';

export interface EventShape {
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

/**
 * Upgrades one event type from one schema version to the next, on read. Stored events are never
 * rewritten: the hash chain stays over the stored shape.
 */
export interface Upcaster {
  eventType: string;
  fromSchemaVersion: number;
  upcast(data: Record<string, unknown>, metadata: EventMetadata): EventShape;
}

export type UpcastChain = (type: string, stored: EventShape) => EventShape;

/** Composes upcasters into one function that applies every step from the stored version onwards. */
export function createUpcastChain(upcasters: readonly Upcaster[]): UpcastChain {
  const steps = new Map<string, Upcaster>();
  for (const upcaster of upcasters) {
    const key = stepKey(upcaster.eventType, upcaster.fromSchemaVersion);
    if (steps.has(key)) throw new Error(`two upcasters for ${upcaster.eventType} v${upcaster.fromSchemaVersion}`);
    steps.set(key, upcaster);
  }
  if (steps.size === 0) return (_type, stored) => stored;
  return (type, stored) => {
    let current = stored;
    for (;;) {
      const version = current.metadata.schemaVersion ?? 1;
      const step = steps.get(stepKey(type, version));
      if (!step) return current;
      const next = step.upcast(current.data, current.metadata);
      // the chain owns the version number, so a step cannot loop or skip by mistake
      current = { data: next.data, metadata: { ...next.metadata, schemaVersion: version + 1 } };
    }
  };
}

function stepKey(type: string, version: number): string {
  return `${type}\u0000${version}`;
}
