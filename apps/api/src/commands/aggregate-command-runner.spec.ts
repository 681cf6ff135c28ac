import { unitDecider, type UnitCommand } from '@par-index/domain';
import {
  WrongExpectedRevisionError,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type RecordedEvent,
} from '@par-index/eventstore';
import { ConcurrencyConflictError, IdempotencyKeyReusedError } from '../errors/application-errors';
import { AUTOMATIC_ATTEMPTS, runAggregateCommand } from './aggregate-command-runner';
import { newEnvelope } from './command-envelope';

/** Only what the runner uses; `interfere` lets "another process" append right before an append. */
function fakeStore(interfere: (stream: RecordedEvent[]) => boolean = () => false) {
  const events: RecordedEvent[] = [];
  let appends = 0;
  const record = (streamName: string, e: EventToAppend): RecordedEvent =>
    ({
      id: e.id,
      streamName,
      revision: BigInt(events.length),
      position: BigInt(events.length + 1),
      type: e.type,
      data: e.data,
      metadata: e.metadata,
      hash: '',
      previousHash: '',
    }) as unknown as RecordedEvent;
  const store = {
    async readStream() {
      return [...events];
    },
    async appendToStream(streamName: string, toAppend: EventToAppend[], expected: ExpectedRevision) {
      appends += 1;
      if (interfere(events)) {
        events.push(
          record(streamName, {
            id: `other-${appends}`,
            type: 'UnitRenamed',
            data: { name: `other ${appends}`, previousName: 'x', at: '2024-01-01T00:00:00Z', by: 'other' },
            metadata: { idempotencyKey: `other-${appends}` } as never,
          }),
        );
      }
      const actual = events.length === 0 ? 'no_stream' : BigInt(events.length - 1);
      if (expected !== actual) throw new WrongExpectedRevisionError(streamName, expected, actual);
      for (const e of toAppend) events.push(record(streamName, e));
      return { nextExpectedRevision: BigInt(events.length - 1), position: BigInt(events.length) };
    },
  };
  return { store: store as unknown as EventStore, events, appends: () => appends };
}

const context = { now: '2024-01-01T00:00:00Z', actorId: 'admin-1', actorRole: 'admin' as const };
const register: UnitCommand = {
  type: 'RegisterUnit',
  unitId: 'u1',
  name: 'U1',
  level: 'province',
  group: 'provinces',
  region: null,
  parent: null,
  context,
};
const envelope = (key: string, commandHash: string, expectedRevision?: bigint) =>
  newEnvelope({ actorId: 'admin-1', actorRole: 'admin', unitIds: [], idempotencyKey: key, commandHash, expectedRevision });

describe('runAggregateCommand', () => {
  it('given conflicts from another process, then it retries with backoff until the append goes through', async () => {
    let conflicts = 3;
    const { store, events } = fakeStore((stream) => stream.length > 0 && conflicts-- > 0);
    await runAggregateCommand(store, unitDecider, 'unit-u1', () => register, envelope('k1', 'h1'));
    const outcome = await runAggregateCommand(
      store,
      unitDecider,
      'unit-u1',
      (): UnitCommand => ({ type: 'RenameUnit', name: 'Mine', context }),
      envelope('k2', 'h2'),
    );
    expect(outcome.replayed).toBe(false);
    expect(events.map((e) => e.type)).toEqual(['UnitRegistered', 'UnitRenamed', 'UnitRenamed', 'UnitRenamed', 'UnitRenamed']);
    expect(events[events.length - 1]!.data).toMatchObject({ name: 'Mine' });
  });

  it('given endless conflicts, then it gives up after its attempts with CONCURRENCY_CONFLICT', async () => {
    const { store, appends } = fakeStore((stream) => stream.length > 0);
    await runAggregateCommand(store, unitDecider, 'unit-u1', () => register, envelope('k1', 'h1'));
    await expect(
      runAggregateCommand(
        store,
        unitDecider,
        'unit-u1',
        (): UnitCommand => ({ type: 'RenameUnit', name: 'Mine', context }),
        envelope('k2', 'h2'),
      ),
    ).rejects.toBeInstanceOf(ConcurrencyConflictError);
    expect(appends()).toBe(1 + AUTOMATIC_ATTEMPTS);
  });

  it('given an expected revision, then a conflict is reported at once', async () => {
    const { store, appends } = fakeStore((stream) => stream.length > 0);
    await runAggregateCommand(store, unitDecider, 'unit-u1', () => register, envelope('k1', 'h1'));
    await expect(
      runAggregateCommand(
        store,
        unitDecider,
        'unit-u1',
        (): UnitCommand => ({ type: 'RenameUnit', name: 'Mine', context }),
        envelope('k2', 'h2', 0n),
      ),
    ).rejects.toBeInstanceOf(ConcurrencyConflictError);
    expect(appends()).toBe(2);
  });

  it('given a key already used, then the same command replays and a different one is IDEMPOTENCY_KEY_REUSED', async () => {
    const { store, events } = fakeStore();
    await runAggregateCommand(store, unitDecider, 'unit-u1', () => register, envelope('k1', 'h1'));
    expect(events[0]!.metadata.commandHash).toBe('h1');
    await expect(runAggregateCommand(store, unitDecider, 'unit-u1', () => register, envelope('k1', 'h1'))).resolves.toMatchObject({
      replayed: true,
    });
    await expect(runAggregateCommand(store, unitDecider, 'unit-u1', () => register, envelope('k1', 'h2'))).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
    expect(events).toHaveLength(1);
  });
});
