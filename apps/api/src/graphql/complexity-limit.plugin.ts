import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { truncateText } from '../errors/echo-limit';
import { queryCostEstimator } from './query-cost';

const MAX_QUERY_NODES = 2000;

function tooComplex(message: string, details: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', category: 'invalid', details } });
}

interface Cost {
  complexity: number;
  wholeStoreVerifications: number;
}

// Apollo hands the same parsed document to every request with the same query text: its cost is
// computed once per operation name and variables (a few kept per document)
const costs = new WeakMap<DocumentNode, Map<string, Cost>>();
const COSTS_PER_DOCUMENT = 20;

function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
): Cost {
  const key = JSON.stringify([operationName ?? null, variables]);
  let known = costs.get(document);
  const cost = known?.get(key);
  if (cost !== undefined) return cost;
  const computed = estimate(schema, document, operationName, variables);
  if (known === undefined) costs.set(document, (known = new Map()));
  if (known.size >= COSTS_PER_DOCUMENT) known.delete(known.keys().next().value!);
  known.set(key, computed);
  return computed;
}

function estimate(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
): Cost {
  const { estimator, wholeStoreVerifications } = queryCostEstimator();
  try {
    const complexity = getComplexity({
      schema,
      operationName,
      query: document,
      variables,
      estimators: [estimator],
      maxQueryNodes: MAX_QUERY_NODES,
    });
    return { complexity, wholeStoreVerifications: wholeStoreVerifications() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/maximum allowed number of nodes/i.test(message))
      throw tooComplex(`Query has too many fields (more than ${MAX_QUERY_NODES}).`, { maxQueryNodes: MAX_QUERY_NODES });
    throw new GraphQLError(truncateText(message, 300), { extensions: { code: 'BAD_USER_INPUT', category: 'invalid' } });
  }
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
          const { complexity, wholeStoreVerifications } = costOf(
            current,
            document,
            request.operationName ?? undefined,
            request.variables ?? {},
          );
          if (wholeStoreVerifications > 1) {
            throw tooComplex('verifyAuditTrail without a streamName (the whole store) may be asked at most once per request.', {
              occurrences: wholeStoreVerifications,
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
