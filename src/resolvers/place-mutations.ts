/** Mutations on places: thin — check the role, hand the input to the graph's write path. */
import { requireRole } from '../auth.js';
import type { Context } from '../request/context.js';
import type {
  MutationAddPlaceAliasArgs,
  MutationAddPlaceArgs,
  MutationMergePlacesArgs,
  MutationRemovePlaceAliasArgs,
  MutationUpdatePlaceArgs,
  Resolvers,
} from '../generated/graphql.js';
import { mergePlaces } from '../graph/write/place-merge.js';
import { addPlace, addPlaceAlias, removePlaceAlias, updatePlace } from '../graph/write/place.js';

export const placeMutations: Resolvers = {
  Mutation: {
    addPlace: (_: unknown, { input }: MutationAddPlaceArgs, ctx: Context) =>
      addPlace(ctx.db, input, requireRole(ctx.viewer, 'researcher')),
    updatePlace: (_: unknown, { input }: MutationUpdatePlaceArgs, ctx: Context) =>
      updatePlace(ctx.db, input, requireRole(ctx.viewer, 'researcher')),
    addPlaceAlias: (_: unknown, { input }: MutationAddPlaceAliasArgs, ctx: Context) =>
      addPlaceAlias(ctx.db, input, requireRole(ctx.viewer, 'researcher')),
    removePlaceAlias: (_: unknown, { input }: MutationRemovePlaceAliasArgs, ctx: Context) =>
      removePlaceAlias(ctx.db, input, requireRole(ctx.viewer, 'researcher')),
    mergePlaces: (_: unknown, { input }: MutationMergePlacesArgs, ctx: Context) =>
      mergePlaces(ctx.db, input, requireRole(ctx.viewer, 'admin')),
  },
};
