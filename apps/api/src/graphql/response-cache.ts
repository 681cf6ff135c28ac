import type { DataSource } from 'typeorm';
import type { Caller } from '../auth/identity';

/** Root queries answered from the read models alone (no event-store read, no clock): their answers change only when a checkpoint moves. */
export const READ_MODEL_ONLY_QUERIES: ReadonlySet<string> = new Set(['ranking', 'units', 'groups', 'criteriaSets', 'unitHistory']);

export interface SingleResult {
  errors?: unknown;
  data?: unknown;
  extensions?: unknown;
}

/** The body Apollo would send for a result: its own field order and serialisation (runHttpQuery's prettyJSONStringify). */
export function serializeResult(result: SingleResult): Buffer {
  return Buffer.from(`${JSON.stringify({ errors: result.errors, data: result.data, extensions: result.extensions })}\n`);
}

/** A GraphQL request body, as express's JSON parser leaves it. */
interface RequestBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

/** Who the answer is for: access rules depend on roles and units only. */
const scopeOf = (caller: Caller) => (caller === null ? 'anonymous' : JSON.stringify([[...caller.roles].sort(), [...caller.units].sort()]));

const READ_MODEL_STATE_SQL = `SELECT (SELECT version FROM read_model_active WHERE id = 1)::text || '|' ||
  coalesce((SELECT string_agg(projection_name || ':' || position, ',' ORDER BY projection_name) FROM projection_checkpoints), '') AS state`;

/**
 * Answers of read-model-only queries, serialised, while the read models have not moved. The key is
 * the read-model state (active version and every projection checkpoint, read before the query runs),
 * the caller's scope, the query text, operation name and variables. A write is read back only after
 * the checkpoints pass it, so a kept answer is never older than the caller's own write.
 * Least recently used entries go first; `maxEntries` 0 switches it off.
 */
export class ResponseCache {
  /** an answer is serialised on its first hit, so a miss costs no second serialisation */
  private readonly entries = new Map<string, Buffer | SingleResult>();
  /** the key of each HTTP request the cache was consulted for, until its answer is stored */
  private readonly pending = new WeakMap<object, string>();

  constructor(
    private readonly readModel: DataSource,
    private readonly maxEntries: number,
  ) {}

  get enabled(): boolean {
    return this.maxEntries > 0;
  }

  /** The key of a request (one statement: the read-model state), or null when its shape is never cached. */
  async keyOf(body: RequestBody, caller: Caller): Promise<string | null> {
    if (!this.enabled || typeof body.query !== 'string' || body.extensions !== undefined) return null;
    if (body.operationName != null && typeof body.operationName !== 'string') return null;
    const [row] = (await this.readModel.query(READ_MODEL_STATE_SQL)) as { state: string }[];
    return JSON.stringify([row!.state, scopeOf(caller), body.query, body.operationName ?? null, body.variables ?? null]);
  }

  lookup(key: string): Buffer | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    const hit = Buffer.isBuffer(entry) ? entry : serializeResult(entry);
    this.entries.delete(key); // most recently used last
    this.entries.set(key, hit);
    return hit;
  }

  /** Remembers which key a request missed under, so its answer can be stored once it is known. */
  expect(request: object, key: string): void {
    this.pending.set(request, key);
  }

  /** Keeps the answer to `request` if the cache was consulted for it (a miss) and the answer had no errors. */
  store(request: object, result: SingleResult): void {
    const key = this.pending.get(request);
    if (key === undefined) return;
    this.pending.delete(request);
    if (result.errors !== undefined) return;
    this.entries.set(key, result);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}

const caches = new WeakMap<object, ResponseCache>();

/** The one cache of an API instance: its HTTP middleware looks answers up, its Apollo plugin stores them. */
export function responseCacheOf(infrastructure: { readModel: DataSource; config: { graphqlResponseCacheEntries: number } }): ResponseCache {
  let cache = caches.get(infrastructure);
  if (cache === undefined) {
    cache = new ResponseCache(infrastructure.readModel, infrastructure.config.graphqlResponseCacheEntries);
    caches.set(infrastructure, cache);
  }
  return cache;
}
