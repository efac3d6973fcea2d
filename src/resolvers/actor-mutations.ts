/** Mutations on actors: thin — check the role, hand the input to the graph's write path. */
import { requireRole } from '../auth.js';
import type { Context } from '../context.js';
import type { MutationAddActorArgs } from '../generated/graphql.js';
import { addActor } from '../graph/actor-writes.js';

export const actorMutations = {
  Mutation: {
    addActor: (_: unknown, { input }: MutationAddActorArgs, ctx: Context) =>
      addActor(ctx.db, input, requireRole(ctx.viewer, 'researcher')),
  },
};
