/**
 * Reports each request's database round trips in `extensions.roundTrips` (outside production),
 * so clients and tests can see that a nested selection costs a bounded number of queries.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../request/context.js';

export function roundTripsPlugin(enabled: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (!enabled || response.body.kind !== 'single') return;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            roundTrips: contextValue.db.roundTrips,
          };
        },
      };
    },
  };
}
