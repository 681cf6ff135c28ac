import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { READ_MODEL_ONLY_QUERIES, type ResponseCache } from './response-cache';

function cacheable(operation: OperationDefinitionNode | undefined): boolean {
  if (operation?.operation !== 'query') return false;
  return operation.selectionSet.selections.every(
    (s) => s.kind === Kind.FIELD && (READ_MODEL_ONLY_QUERIES.has(s.name.value) || s.name.value === '__typename'),
  );
}

/**
 * Stores the answers the response cache missed (response-cache.middleware.ts looks them up before
 * Apollo parses anything): only queries of read-model-only root fields, only answers without errors.
 */
export function responseCachePlugin(cache: ResponseCache): ApolloServerPlugin<{ req?: object }> {
  return {
    async requestDidStart() {
      if (!cache.enabled) return {};
      return {
        async willSendResponse({ operation, contextValue, response }) {
          if (contextValue.req === undefined || response.body.kind !== 'single' || !cacheable(operation)) return;
          if (response.http.status !== undefined && response.http.status !== 200) return;
          cache.store(contextValue.req, response.body.singleResult);
        },
      };
    },
  };
}
