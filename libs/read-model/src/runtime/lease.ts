import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { versionSchema } from '../versions/version-schema';

/** Who holds a lease: readable in `status` (host, pid) and unique per process start. */
export function newInstanceId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

const NAMESPACE = 'par-index.projector';

/**
 * One writer per projection and version: a PostgreSQL advisory lock per (version, projection name),
 * held on a dedicated session. The locks live exactly as long as that session, so a projector
 * killed with SIGKILL loses them at once (the server sees its socket close) and a standby waiting in
 * `acquire` takes over on its next try. Losing the session (server restart, network) is reported
 * through `onLost` so the holder stops writing.
 */
export class ProjectionLease {
  private client: Client | undefined;
  private held = false;

  constructor(
    private readonly databaseUrl: string,
    readonly version: number,
    readonly projectionNames: readonly string[],
    private readonly onLost: (error: Error) => void = () => undefined,
  ) {}

  private keys(): string[] {
    return [...this.projectionNames].sort().map((name) => `${versionSchema(this.version)}:${name}`);
  }

  get isHeld(): boolean {
    return this.held;
  }

  /** All of the version's locks or none; true when acquired. */
  async tryAcquire(): Promise<boolean> {
    if (this.held) return true;
    if (!this.client) {
      const client = new Client({ connectionString: this.databaseUrl, application_name: 'par-projector-lease' });
      client.on('error', (error) => this.lose(error));
      client.on('end', () => this.lose(new Error('lease session ended')));
      await client.connect();
      this.client = client;
    }
    const taken: string[] = [];
    for (const key of this.keys()) {
      const { rows } = await this.client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS ok', [
        NAMESPACE,
        key,
      ]);
      if (!rows[0]!.ok) {
        for (const done of taken) await this.client.query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [NAMESPACE, done]);
        return false;
      }
      taken.push(key);
    }
    this.held = true;
    return true;
  }

  private lose(error: Error): void {
    const wasHeld = this.held;
    this.held = false;
    this.client = undefined;
    if (wasHeld) this.onLost(error);
  }

  /** Ends the session, which releases every lock it holds. */
  async release(): Promise<void> {
    const client = this.client;
    this.held = false;
    this.client = undefined;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
    }
  }
}

/** True when some live session holds any lock of `version` (used by rebuild, switch and prune). */
export async function isVersionLeased(databaseUrl: string, version: number, projectionNames: readonly string[]): Promise<boolean> {
  const probe = new ProjectionLease(databaseUrl, version, projectionNames);
  try {
    return !(await probe.tryAcquire());
  } finally {
    await probe.release();
  }
}
