import type { EventStore } from '@par-index/eventstore';
import type { DataSource } from 'typeorm';
import { openReadModelVersion } from '../data-source';
import { activeVersion } from '../versions/version-schema';
import type { DerivedReadModel } from './apply-batch';
import { newInstanceId, ProjectionLease } from './lease';
import { ProjectionDaemon, type DaemonLogger, type DaemonOptions } from './projection-daemon';
import { readProjectionStates } from './projection-state';
import type { AnyProjection } from './projection';

export interface ProjectorRunnerOptions {
  databaseUrl: string;
  store: EventStore;
  /** a connection to the control tables (public) */
  control: DataSource;
  projections: readonly AnyProjection[];
  derived: readonly DerivedReadModel[];
  logger?: DaemonLogger;
  instanceId?: string;
  /** how often a standby tries the lease and the leader checks the pointer and resume requests */
  pollMs?: number;
  daemon?: Pick<DaemonOptions, 'maxAttempts' | 'retryDelayMs' | 'catchUpBatchSize'>;
}

interface Leadership {
  version: number;
  lease: ProjectionLease;
  dataSource: DataSource | undefined;
  daemon: ProjectionDaemon | undefined;
  lost: boolean;
}

const silent: DaemonLogger = { info: () => undefined, error: () => undefined };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `run` (and the API's in-process projector): follows the active read-model version while it holds
 * that version's lease; otherwise waits as a hot standby and takes over when the holder dies. It
 * moves to a new version after a switch, and restarts a failed daemon when `resume` asks it to.
 */
export class ProjectorRunner {
  readonly instanceId: string;
  private current: Leadership | undefined;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private standbyLogged = false;

  constructor(private readonly options: ProjectorRunnerOptions) {
    this.instanceId = options.instanceId ?? newInstanceId();
  }

  private get log(): DaemonLogger {
    return this.options.logger ?? silent;
  }

  private get names(): string[] {
    return [...this.options.projections, ...this.options.derived].map((p) => p.name);
  }

  /** The daemon this instance runs, when it holds the lease. */
  get daemon(): ProjectionDaemon | undefined {
    return this.current?.lease.isHeld ? this.current.daemon : undefined;
  }

  /** Resolves after the first round: leading and caught up (or failed), or standing by. */
  async start(): Promise<void> {
    await this.tick();
    this.loop = (async () => {
      while (!this.stopped) {
        await sleep(this.options.pollMs ?? 500);
        if (this.stopped) break;
        await this.tick().catch((error: unknown) => this.log.error({ err: String(error) }, 'projector round failed'));
      }
    })();
  }

  private async tick(): Promise<void> {
    const version = await activeVersion(this.options.control.manager);
    if (this.current && (this.current.version !== version || this.current.lost)) await this.resign();
    if (!this.current) this.current = this.candidate(version);
    const leadership = this.current;
    if (!leadership.daemon) {
      if (!(await leadership.lease.tryAcquire())) {
        if (!this.standbyLogged)
          this.log.info({ version, instance: this.instanceId }, 'standby: another instance holds the projection lease');
        this.standbyLogged = true;
        return;
      }
      this.standbyLogged = false;
      this.log.info({ version, instance: this.instanceId }, 'projection lease acquired');
      leadership.dataSource = await openReadModelVersion(this.options.databaseUrl, version);
      leadership.daemon = new ProjectionDaemon(this.options.store, leadership.dataSource, this.options.projections, this.options.derived, {
        ...this.options.daemon,
        version,
        holder: this.instanceId,
        logger: this.log,
      });
      await this.startDaemon(leadership.daemon);
      return;
    }
    if (leadership.daemon.failed) {
      const states = await readProjectionStates(this.options.control.manager, version);
      if (states.some((state) => state.status === 'resuming')) {
        this.log.info({ version }, 'resume requested: retrying from the checkpoint');
        await leadership.daemon.stop();
        await this.startDaemon(leadership.daemon);
      }
      return;
    }
    await leadership.daemon.heartbeat();
  }

  private async startDaemon(daemon: ProjectionDaemon): Promise<void> {
    await daemon.start().catch((error: unknown) => this.log.error({ err: String(error) }, 'projection daemon stopped'));
  }

  private candidate(version: number): Leadership {
    const leadership: Leadership = { version, lease: undefined as never, dataSource: undefined, daemon: undefined, lost: false };
    leadership.lease = new ProjectionLease(this.options.databaseUrl, version, this.names, (error) => {
      leadership.lost = true;
      this.log.error({ err: error.message, version }, 'projection lease lost: stopping');
      void leadership.daemon?.stop();
    });
    return leadership;
  }

  private async resign(): Promise<void> {
    const leadership = this.current;
    this.current = undefined;
    if (!leadership) return;
    await leadership.daemon?.stop();
    if (!leadership.lost) await leadership.daemon?.heartbeat().catch(() => undefined);
    await leadership.lease.release();
    await leadership.dataSource?.destroy();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
    await this.resign();
  }
}
