import { createHash } from 'node:crypto';

/** The content of an event covered by its hash; both adapters hash exactly these fields. */
export interface HashedContent {
  streamName: string;
  revision: bigint;
  id: string;
  type: string;
  data: unknown;
  metadata: unknown;
}

/** Deterministic JSON: object keys sorted, so a hash survives jsonb's key re-ordering. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function computeEventHash(previousHash: string | null, content: HashedContent): string {
  return createHash('sha256')
    .update(previousHash ?? 'genesis')
    .update('\n')
    .update(
      canonicalJson({
        streamName: content.streamName,
        revision: content.revision.toString(),
        id: content.id,
        type: content.type,
        data: content.data,
        metadata: content.metadata,
      }),
    )
    .digest('hex');
}
