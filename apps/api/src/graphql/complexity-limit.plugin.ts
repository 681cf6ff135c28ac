import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Rejects an operation whose estimated cost exceeds `max` before any resolver runs. */
export function complexityLimitPlugin(schema: () => GraphQLSchema | undefined, max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const current = schema();
          if (!current) return;
          const complexity = getComplexity({
            schema: current,
            operationName: request.operationName ?? undefined,
            query: document,
            variables: request.variables ?? {},
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > max) {
            throw new GraphQLError(`Query is too complex: ${complexity} > ${max}. Ask for fewer fields or smaller pages.`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', category: 'invalid', details: { complexity, max } },
            });
          }
        },
      };
    },
  };
}
