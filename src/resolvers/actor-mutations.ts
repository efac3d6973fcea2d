/** Mutations on actors: thin — check the role, hand the input to the graph's write path. */
import { requireRole } from '../auth.js';
import type { Context } from '../request/context.js';
import type {
  MutationAddActorAliasArgs,
  MutationAddActorArgs,
  MutationMergeActorsArgs,
  MutationRemoveActorAliasArgs,
  MutationUpdateActorArgs,
  Resolvers,
} from '../generated/graphql.js';
import { mergeActors } from '../graph/write/actor-merge.js';
import { addActor, addActorAlias, removeActorAlias, updateActor } from '../graph/write/actor.js';

export const actorMutations: Resolvers = {
  Mutation: {
    addActor: (_: unknown, { input }: MutationAddActorArgs, ctx: Context) =>
      addActor(ctx.db, input, requireRole(ctx.viewer, 'researcher')),
    updateActor: (_: unknown, { input }: MutationUpdateActorArgs, ctx: Context) =>
      updateActor(ctx.db, input, requireRole(ctx.viewer, 'researcher')),
    mergeActors: (_: unknown, { input }: MutationMergeActorsArgs, ctx: Context) =>
      mergeActors(ctx.db, input, requireRole(ctx.viewer, 'admin')),
    addActorAlias: (_: unknown, { input }: MutationAddActorAliasArgs, ctx: Context) =>
      addActorAlias(ctx.db, input, requireRole(ctx.viewer, 'researcher')),
    removeActorAlias: (_: unknown, { input }: MutationRemoveActorAliasArgs, ctx: Context) =>
      removeActorAlias(ctx.db, input, requireRole(ctx.viewer, 'researcher')),
  },
};
