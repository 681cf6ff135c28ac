import type { ApolloServerPlugin } from '@apollo/server';
import { httpStatusOfErrors } from './http-status';

/**
 * Sets the response status from the errors it carries (see http-status.ts), for request errors
 * and execution errors alike: a refused mutation is not a 200.
 */
export function httpStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors || errors.length === 0) return;
          const status = httpStatusOfErrors(errors);
          // Apollo's own specific request statuses (405 for a GET mutation, ...) beat the generic 400.
          const current = response.http.status;
          if (status === 400 && current !== undefined && current > 400 && current < 500) return;
          response.http.status = status;
        },
      };
    },
  };
}
