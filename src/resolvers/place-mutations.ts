/** Mutations on places: thin — check the role, hand the input to the graph's write path. */
import { requireRole } from '../auth.js';
import type { Context } from '../request/context.js';
import type { MutationAddPlaceArgs, MutationUpdatePlaceArgs, Resolvers } from '../generated/graphql.js';
import { addPlace, updatePlace } from '../graph/write/place.js';

export const placeMutations: Resolvers = {
  Mutation: {
    addPlace: (_: unknown, { input }: MutationAddPlaceArgs, ctx: Context) =>
      addPlace(ctx.db, input, requireRole(ctx.viewer, 'researcher')),
    updatePlace: (_: unknown, { input }: MutationUpdatePlaceArgs, ctx: Context) =>
      updatePlace(ctx.db, input, requireRole(ctx.viewer, 'researcher')),
  },
};
