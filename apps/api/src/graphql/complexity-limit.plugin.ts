import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { truncateText } from '../errors/echo-limit';
import { queryCostEstimator } from './query-cost';

const MAX_QUERY_NODES = 2000;

function tooComplex(message: string, details: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', category: 'invalid', details } });
}

/**
 * Rejects an operation whose estimated cost exceeds `max` (list sizes count, see query-cost.ts),
 * or that asks for whole-store verification more than once, before any resolver runs.
 */
export function complexityLimitPlugin(schema: () => GraphQLSchema | undefined, max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          const current = schema();
          // No operation: Apollo itself answers OPERATION_RESOLUTION_FAILURE right after this hook.
          if (!current || !operation) return;
          const { estimator, wholeStoreVerifications } = queryCostEstimator();
          let complexity: number;
          try {
            complexity = getComplexity({
              schema: current,
              operationName: request.operationName ?? undefined,
              query: document,
              variables: request.variables ?? {},
              estimators: [estimator],
              maxQueryNodes: MAX_QUERY_NODES,
            });
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            if (/maximum allowed number of nodes/i.test(message)) throw tooComplex(`Query has too many fields (more than ${MAX_QUERY_NODES}).`, { maxQueryNodes: MAX_QUERY_NODES });
            throw new GraphQLError(truncateText(message, 300), { extensions: { code: 'BAD_USER_INPUT', category: 'invalid' } });
          }
          if (wholeStoreVerifications() > 1) {
            throw tooComplex('verifyAuditTrail without a streamName (the whole store) may be asked at most once per request.', {
              occurrences: wholeStoreVerifications(),
            });
          }
          if (complexity > max) {
            throw tooComplex(`Query is too complex: ${complexity} > ${max}. Ask for fewer fields or smaller pages.`, { complexity, max });
          }
        },
      };
    },
  };
}
