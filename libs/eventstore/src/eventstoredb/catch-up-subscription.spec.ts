import { PassThrough } from 'node:stream';
import type { RecordedEvent } from '../port';
import { CatchUpSubscription, type SubscriptionSource, type SubscriptionStream } from './catch-up-subscription';
import { DEFAULT_BACKOFF } from './resubscribe-policy';

interface Message {
  position: bigint;
  event: RecordedEvent | null;
}

class FakeStream extends PassThrough implements SubscriptionStream<Message> {
  unsubscribed = false;
  constructor(
    readonly from: bigint | 'start',
    readonly checkpoint: (position: bigint) => Promise<void>,
  ) {
    super({ objectMode: true });
  }
  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
  }
  send(...positions: number[]): void {
    for (const p of positions) this.write(message(p));
  }
}

function message(position: number, matches = true): Message {
  const event = {
    id: `e${position}`,
    streamName: 's',
    revision: BigInt(position),
    position: BigInt(position),
    type: 'T',
    data: {},
    metadata: {},
    recordedAt: new Date(0),
    hash: '',
    previousHash: null,
  } as unknown as RecordedEvent;
  return { position: BigInt(position), event: matches ? event : null };
}

class FakeSource implements SubscriptionSource<Message> {
  readonly streams: FakeStream[] = [];
  constructor(private readonly target: bigint) {}
  open(from: bigint | 'start', onCheckpoint: (position: bigint) => Promise<void>): FakeStream {
    const stream = new FakeStream(from, onCheckpoint);
    this.streams.push(stream);
    return stream;
  }
  toEvent(m: Message): Message {
    return m;
  }
  async caughtUpTarget(): Promise<bigint> {
    return this.target;
  }
  get current(): FakeStream {
    return this.streams[this.streams.length - 1];
  }
}

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await tick(2);
  if (!condition()) throw new Error('condition not met');
}

const settings = (logs: string[] = [], maxConsecutiveFailures = Number.POSITIVE_INFINITY) => ({
  backoff: { ...DEFAULT_BACKOFF, initialMs: 1, maxMs: 4, jitter: 0 },
  maxConsecutiveFailures,
  log: (m: string) => void logs.push(m),
});

describe('catch-up subscription runner', () => {
  it('hands over events one at a time, in order, and reports caught-up at the start target', async () => {
    const source = new FakeSource(3n);
    const seen: bigint[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    let caughtUpAfter = -1;
    const subscription = new CatchUpSubscription(
      source,
      async (e) => {
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await tick(2);
        seen.push(e.position);
        inFlight--;
      },
      { onCaughtUp: () => (caughtUpAfter = seen.length) },
      settings(),
    );
    await until(() => source.streams.length === 1);
    expect(source.current.from).toBe('start');
    source.current.send(1, 2, 3, 4);
    await until(() => seen.length === 4);
    expect(seen).toEqual([1n, 2n, 3n, 4n]);
    expect(maxInFlight).toBe(1);
    expect(caughtUpAfter).toBe(3);
    await subscription.close();
    expect(source.current.unsubscribed).toBe(true);
  });

  it('reports caught-up at once when nothing matches after the start', async () => {
    const source = new FakeSource(-1n);
    const onCaughtUp = jest.fn();
    const subscription = new CatchUpSubscription(source, () => undefined, { fromPosition: 10n, onCaughtUp }, settings());
    await until(() => onCaughtUp.mock.calls.length === 1);
    await subscription.close();
  });

  it('resubscribes after a drop from the last handled position, with backoff, without repeats', async () => {
    const source = new FakeSource(100n);
    const logs: string[] = [];
    const seen: bigint[] = [];
    const subscription = new CatchUpSubscription(source, (e) => void seen.push(e.position), { fromPosition: 0n }, settings(logs));
    await until(() => source.streams.length === 1);
    expect(source.current.from).toBe(0n);
    source.current.send(1, 2);
    await until(() => seen.length === 2);
    source.current.destroy(new Error('connection reset'));
    await until(() => source.streams.length === 2);
    expect(source.current.from).toBe(2n);
    expect(logs[0]).toMatch(/dropped \(connection reset\); resubscribing in 1 ms/);
    source.current.send(2, 3); // a server that re-sends the boundary event must not cause a repeat
    await until(() => seen.length === 3);
    source.current.end(); // a clean end from the server is a drop too
    await until(() => source.streams.length === 3);
    expect(source.current.from).toBe(3n);
    await subscription.close();
    expect(seen).toEqual([1n, 2n, 3n]);
  });

  it('backs off longer on repeated failures and resets after a message', async () => {
    const source = new FakeSource(100n);
    const logs: string[] = [];
    const subscription = new CatchUpSubscription(source, () => undefined, {}, settings(logs));
    for (let i = 1; i <= 4; i++) {
      await until(() => source.streams.length === i);
      source.current.destroy(new Error('down'));
    }
    await until(() => logs.length === 4);
    expect(logs.map((l) => /in (\d+) ms/.exec(l)?.[1])).toEqual(['1', '2', '4', '4']);
    await until(() => source.streams.length === 5);
    source.current.send(1);
    await tick(10);
    source.current.destroy(new Error('down again'));
    await until(() => logs.length === 5);
    expect(logs[4]).toMatch(/in 1 ms/);
    await subscription.close();
  });

  it('counts a checkpoint only after the events before it were handled, and resumes from it', async () => {
    const source = new FakeSource(1_000n);
    let release: () => void = () => undefined;
    const seen: bigint[] = [];
    const subscription = new CatchUpSubscription(
      source,
      async (e) => {
        if (e.position === 5n) await new Promise<void>((r) => (release = r));
        seen.push(e.position);
      },
      {},
      settings(),
    );
    await until(() => source.streams.length === 1);
    source.current.send(5);
    await until(() => seen.length === 0 && release !== undefined);
    let checkpointDone = false;
    const checkpoint = source.current.checkpoint(50n).then(() => (checkpointDone = true));
    await tick(10);
    expect(checkpointDone).toBe(false);
    release();
    await checkpoint;
    source.current.destroy(new Error('drop'));
    await until(() => source.streams.length === 2);
    expect(source.current.from).toBe(50n);
    expect(seen).toEqual([5n]);
    await subscription.close();
  });

  it('forgets a checkpoint that was pending when the stream dropped', async () => {
    const source = new FakeSource(1_000n);
    let release: () => void = () => undefined;
    const subscription = new CatchUpSubscription(
      source,
      async (e) => {
        if (e.position === 5n) await new Promise<void>((r) => (release = r));
      },
      {},
      settings(),
    );
    await until(() => source.streams.length === 1);
    const first = source.current;
    first.send(5, 6);
    await tick(10);
    const checkpoint = first.checkpoint(50n);
    first.destroy(new Error('drop'));
    await checkpoint; // resolved, but not counted
    release();
    await until(() => source.streams.length === 2);
    expect(source.current.from).toBe(5n);
    await subscription.close();
  });

  it('reports caught-up when the server says so, after the events before it', async () => {
    const source = new FakeSource(1_000n);
    const order: string[] = [];
    const subscription = new CatchUpSubscription(
      source,
      async (e) => {
        await tick(2);
        order.push(`event ${e.position}`);
      },
      { onCaughtUp: () => order.push('caught up') },
      settings(),
    );
    await until(() => source.streams.length === 1);
    source.current.send(1, 2);
    await tick(1);
    source.current.emit('caughtUp');
    await until(() => order.length === 3);
    expect(order).toEqual(['event 1', 'event 2', 'caught up']);
    await subscription.close();
  });

  it('skips events filtered out on the client but moves past them', async () => {
    const source = new FakeSource(1_000n);
    const seen: bigint[] = [];
    const subscription = new CatchUpSubscription(source, (e) => void seen.push(e.position), {}, settings());
    await until(() => source.streams.length === 1);
    source.current.write(message(1, false));
    source.current.send(2);
    await until(() => seen.length === 1);
    source.current.destroy(new Error('drop'));
    await until(() => source.streams.length === 2);
    expect(source.current.from).toBe(2n);
    expect(seen).toEqual([2n]);
    await subscription.close();
  });

  it('stops for good when the handler throws, reporting through onError', async () => {
    const source = new FakeSource(1_000n);
    const onError = jest.fn();
    const subscription = new CatchUpSubscription(
      source,
      (e) => {
        if (e.position === 2n) throw new Error('projection bug');
      },
      { onError },
      settings(),
    );
    await until(() => source.streams.length === 1);
    source.current.send(1, 2, 3);
    await until(() => onError.mock.calls.length === 1);
    expect((onError.mock.calls[0][0] as Error).message).toBe('projection bug');
    expect(source.current.unsubscribed).toBe(true);
    expect(source.streams).toHaveLength(1);
    await subscription.close();
  });

  it('delivers nothing after close() and does not resubscribe', async () => {
    const source = new FakeSource(1_000n);
    const seen: bigint[] = [];
    const subscription = new CatchUpSubscription(source, (e) => void seen.push(e.position), {}, settings());
    await until(() => source.streams.length === 1);
    const stream = source.current;
    await subscription.close();
    expect(stream.unsubscribed).toBe(true);
    expect(stream.destroyed).toBe(true);
    await tick(20);
    expect(source.streams).toHaveLength(1);
    expect(seen).toEqual([]);
  });

  it('gives up through onError after too many consecutive failures', async () => {
    const source = new FakeSource(1_000n);
    const onError = jest.fn();
    const subscription = new CatchUpSubscription(source, () => undefined, { onError }, settings([], 2));
    for (let i = 1; i <= 3; i++) {
      await until(() => source.streams.length === i);
      source.current.destroy(new Error(`down ${i}`));
    }
    await until(() => onError.mock.calls.length === 1);
    expect((onError.mock.calls[0][0] as Error).message).toBe('down 3');
    await tick(20);
    expect(source.streams).toHaveLength(3);
    await subscription.close();
  });

  it('stops for good when an event cannot be decoded', async () => {
    const source = new FakeSource(1_000n);
    source.toEvent = () => {
      throw new Error('not a JSON object');
    };
    const onError = jest.fn();
    const subscription = new CatchUpSubscription(source, () => undefined, { onError }, settings());
    await until(() => source.streams.length === 1);
    source.current.send(1);
    await until(() => onError.mock.calls.length === 1);
    expect(source.streams).toHaveLength(1);
    await subscription.close();
  });
});
