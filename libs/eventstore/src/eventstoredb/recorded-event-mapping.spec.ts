import type { AllStreamResolvedEvent } from '@eventstore/db-client';
import { createUpcastChain } from '../upcasting/upcaster';
import { headerOf, toRawRecordedEvent, toRecordedEvent } from './recorded-event-mapping';

function resolved(overrides: Record<string, unknown> = {}): AllStreamResolvedEvent {
  return {
    event: {
      streamId: 'unit-1',
      id: '8b0f3e0e-2d1c-4f57-9a49-3c1d1b1c0a01',
      isJson: true,
      revision: 3n,
      type: 'UnitRegistered',
      created: new Date('2024-02-01T10:00:00Z'),
      data: { name: 'Ministry' },
      metadata: { actorId: 'a', schemaVersion: 1, $hash: 'h3', $previousHash: 'h2' },
      position: { commit: 2n ** 60n, prepare: 2n ** 60n },
      ...overrides,
    },
    commitPosition: 2n ** 60n,
  } as AllStreamResolvedEvent;
}

describe('recorded event mapping', () => {
  it('maps a stored JSON event, separating the chain fields and keeping the bigint position', () => {
    expect(toRawRecordedEvent(resolved())).toEqual({
      id: '8b0f3e0e-2d1c-4f57-9a49-3c1d1b1c0a01',
      streamName: 'unit-1',
      revision: 3n,
      position: 2n ** 60n,
      type: 'UnitRegistered',
      data: { name: 'Ministry' },
      metadata: { actorId: 'a', schemaVersion: 1 },
      recordedAt: new Date('2024-02-01T10:00:00Z'),
      hash: 'h3',
      previousHash: 'h2',
    });
  });

  it('reads the header without decoding the payload', () => {
    const binary = resolved({ isJson: false, data: new Uint8Array([1, 2]), type: '$statsCollected', streamId: '$stats' });
    expect(headerOf(binary)).toEqual({ streamName: '$stats', type: '$statsCollected', position: 2n ** 60n });
    expect(() => toRawRecordedEvent(binary)).toThrow(/not a JSON object/);
  });

  it('refuses a resolved event without a record', () => {
    expect(() => headerOf({} as AllStreamResolvedEvent)).toThrow(/without a record/);
  });

  it('upcasts data and metadata on the way out, leaving the chain fields untouched', () => {
    const upcast = createUpcastChain([
      {
        eventType: 'UnitRegistered',
        fromSchemaVersion: 1,
        upcast: (data, metadata) => ({ data: { ...data, kind: 'ministry' }, metadata }),
      },
    ]);
    const recorded = toRecordedEvent(toRawRecordedEvent(resolved()), upcast);
    expect(recorded.data).toEqual({ name: 'Ministry', kind: 'ministry' });
    expect(recorded.metadata.schemaVersion).toBe(2);
    expect(recorded.hash).toBe('h3');
    const unchained = toRecordedEvent({ ...toRawRecordedEvent(resolved()), hash: null }, createUpcastChain([]));
    expect(unchained.hash).toBe('');
  });
});
