/** Mutations on events: thin — check the role, hand the input to the graph's write path. */
import { requireRole } from '../auth.js';
import type { Context } from '../request/context.js';
import type { MutationUpdateEventArgs, Resolvers } from '../generated/graphql.js';
import { updateEvent } from '../graph/write/event.js';

export const eventMutations: Resolvers = {
  Mutation: {
    updateEvent: (_: unknown, { input }: MutationUpdateEventArgs, ctx: Context) =>
      updateEvent(ctx.db, input, requireRole(ctx.viewer, 'researcher')),
  },
};
