import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Caller } from '../auth/identity';

/** Root queries answered from the read models alone (no event-store read, no clock): their answers change only when a checkpoint moves. */
export const READ_MODEL_ONLY_QUERIES: ReadonlySet<string> = new Set(['ranking', 'units', 'groups', 'criteriaSets', 'unitHistory']);

/** Who the answer is for: access rules depend on roles and units only. */
const scopeOf = (caller: Caller) => (caller === null ? 'anonymous' : JSON.stringify([[...caller.roles].sort(), [...caller.units].sort()]));

function cacheable(operation: OperationDefinitionNode | undefined): boolean {
  if (operation?.operation !== 'query') return false;
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && (READ_MODEL_ONLY_QUERIES.has(s.name.value) || s.name.value === '__typename'));
}

/**
 * Answers a repeated read-model query from memory while the read models have not moved: the key is
 * the caller's scope, the operation and its variables, and the active read-model version with every
 * projection checkpoint (one statement per request). A write is read back only after the
 * checkpoints pass it, so a cached answer is never older than the caller's own write. Answers with
 * errors are not kept. `maxEntries` 0 switches it off (GRAPHQL_RESPONSE_CACHE_ENTRIES).
 */
export function responseCachePlugin(readModel: DataSource, maxEntries: number): ApolloServerPlugin<{ caller?: Caller }> {
  const entries = new Map<string, unknown>();
  return {
    async requestDidStart() {
      let key: string | null = null;
      return {
        async responseForOperation({ operation, request, contextValue, response }) {
          if (maxEntries === 0 || !cacheable(operation)) return null;
          const [state] = (await readModel.query(
            `SELECT (SELECT version FROM read_model_active WHERE id = 1)::text || '|' ||
                    coalesce((SELECT string_agg(projection_name || ':' || position, ',' ORDER BY projection_name) FROM projection_checkpoints), '') AS state`,
          )) as { state: string }[];
          key = JSON.stringify([state!.state, scopeOf(contextValue.caller ?? null), request.query, request.operationName ?? null, request.variables ?? null]);
          const hit = entries.get(key);
          if (hit === undefined) return null;
          entries.delete(key); // most recently used last
          entries.set(key, hit);
          return { http: response.http, body: { kind: 'single', singleResult: hit as never } };
        },
        async willSendResponse({ response }) {
          if (key === null || response.body.kind !== 'single' || response.body.singleResult.errors) return;
          entries.set(key, response.body.singleResult);
          if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
        },
      };
    },
  };
}
