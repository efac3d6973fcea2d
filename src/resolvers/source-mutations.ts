/** Mutations on sources: thin — check the role, hand the input to the graph's write path. */
import { requireRole } from '../auth.js';
import type { Context } from '../request/context.js';
import type { MutationAddSourceArgs, Resolvers } from '../generated/graphql.js';
import { addSource } from '../graph/write/source.js';

export const sourceMutations: Resolvers = {
  Mutation: {
    addSource: (_: unknown, { input }: MutationAddSourceArgs, ctx: Context) =>
      addSource(ctx.db, input, requireRole(ctx.viewer, 'researcher')),
  },
};
