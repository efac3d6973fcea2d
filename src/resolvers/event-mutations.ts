/** Mutations on events: thin — check the role, hand the input to the graph's write path. */
import { requireRole } from '../auth.js';
import type { Context } from '../context.js';
import type { MutationUpdateEventArgs } from '../generated/graphql.js';
import { updateEvent } from '../graph/event-writes.js';

export const eventMutations = {
  Mutation: {
    updateEvent: (_: unknown, { input }: MutationUpdateEventArgs, ctx: Context) =>
      updateEvent(ctx.db, input, requireRole(ctx.viewer, 'researcher')),
  },
};
