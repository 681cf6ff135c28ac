import type { Pool } from 'pg';
import type { AppendResult } from '../port';
import { appendAlone, resolveConflict } from './append';
import type { HeadCache } from './head-cache';
import type { StoreNames } from './schema';
import { writeBatch, type AppendRequest } from './write-batch';

interface Pending {
  request: AppendRequest;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit. Positions are assigned under a lock held until COMMIT, so appends from one store
 * commit one after another; instead of paying one fsync each, appends that arrive while a
 * transaction is committing are queued and written together in the next one. Each request keeps
 * its own expected-revision check. If the combined transaction fails as a whole (a unique
 * violation from a racing writer or a repeated event id), every request in it is retried alone, so
 * one bad request never fails its neighbours.
 */
export class GroupCommitter {
  private readonly queue: Pending[] = [];
  private draining = false;

  constructor(
    private readonly pool: Pool,
    private readonly names: StoreNames,
    private readonly maxRequestsPerCommit: number,
    private readonly heads: HeadCache,
    private readonly key?: Uint8Array,
  ) {}

  append(request: AppendRequest): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        await this.commit(this.queue.splice(0, this.maxRequestsPerCommit));
        // the callers just answered usually append again at once: let them join the next commit,
        // else writers fall into two groups that take turns (commits of 1 and of n-1)
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      this.draining = false;
    }
  }

  private async commit(batch: Pending[]): Promise<void> {
    if (batch.length === 1) return settle(batch[0], this.appendAlone(batch[0].request));
    let outcomes;
    try {
      outcomes = await writeBatch(
        this.pool,
        this.names,
        batch.map((p) => p.request),
        this.heads,
        this.key,
      );
    } catch {
      // one after another, in order: a later request may build on an earlier one's stream
      for (const pending of batch) await settle(pending, this.appendAlone(pending.request));
      return;
    }
    // conflicts are resolved (idempotent retry or not) without holding up the next commit
    void Promise.all(
      batch.map((pending, i) => {
        const outcome = outcomes[i];
        return settle(
          pending,
          'ok' in outcome ? Promise.resolve(outcome.ok) : resolveConflict(this.pool, this.names, pending.request, outcome.conflict),
        );
      }),
    );
  }

  private appendAlone(request: AppendRequest): Promise<AppendResult> {
    return appendAlone(this.pool, this.names, request, this.heads, this.key);
  }
}

async function settle(pending: Pending, result: Promise<AppendResult>): Promise<void> {
  try {
    pending.resolve(await result);
  } catch (error) {
    pending.reject(error);
  }
}
