import type { Notification, Pool, PoolClient } from 'pg';

type Wake = () => void;

/**
 * One LISTEN connection shared by every subscription of a store. Notifications only wake
 * subscribers, who then read from the table; when the connection is down they still poll, so a
 * lost notification costs latency, never an event.
 */
export class NotificationListener {
  private client?: PoolClient;
  private connecting?: Promise<void>;
  private users = 0;
  private generation = 0;
  private readonly waiters = new Set<Wake>();

  constructor(
    private readonly pool: Pool,
    private readonly channel: string, // quoted identifier
  ) {}

  /** A counter that moves on every notification (and on connection loss). */
  get changes(): number {
    return this.generation;
  }

  acquire(): void {
    this.users++;
  }

  async release(): Promise<void> {
    this.users = Math.max(0, this.users - 1);
    if (this.users === 0) await this.disconnect();
  }

  /** Best effort: on failure the caller keeps polling and tries again on its next wait. */
  async ensureListening(): Promise<void> {
    if (this.client || this.users === 0) return;
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    await this.connecting;
  }

  /** Resolves on the next change after `seen`, after `timeoutMs`, or when `interrupt` is called. */
  waitForChange(seen: number, timeoutMs: number): { promise: Promise<void>; interrupt: Wake } {
    let wake: Wake = () => undefined;
    const promise = new Promise<void>((resolve) => {
      if (this.generation !== seen) return resolve();
      const timer = setTimeout(() => wake(), timeoutMs);
      wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      this.waiters.add(wake);
    });
    return { promise, interrupt: () => wake() };
  }

  private async connect(): Promise<void> {
    let client: PoolClient | undefined;
    try {
      client = await this.pool.connect();
      client.on('notification', this.onNotification);
      client.on('error', this.onConnectionError);
      await client.query(`LISTEN ${this.channel}`);
      if (this.users === 0) throw new Error('no subscriber left');
      this.client = client;
    } catch (error) {
      client?.removeListener('notification', this.onNotification);
      client?.removeListener('error', this.onConnectionError);
      client?.release(error as Error);
    }
  }

  private readonly onNotification = (_message: Notification): void => {
    this.bump();
  };

  private readonly onConnectionError = (error: Error): void => {
    const client = this.client;
    this.client = undefined;
    if (client) {
      client.removeListener('notification', this.onNotification);
      client.release(error);
    }
    this.bump(); // subscribers re-read now rather than after a full poll interval
  };

  private bump(): void {
    this.generation++;
    for (const wake of [...this.waiters]) wake();
  }

  private async disconnect(): Promise<void> {
    await this.connecting;
    const client = this.client;
    if (!client) return;
    this.client = undefined;
    let broken: Error | undefined;
    await client.query(`UNLISTEN ${this.channel}`).catch((error: Error) => (broken = error));
    client.removeListener('notification', this.onNotification);
    client.removeListener('error', this.onConnectionError);
    client.release(broken);
  }
}
