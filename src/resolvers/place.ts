/** Places: `place`, `places`, and a place's hierarchy and the events at or inside it. */
import { foundOrNotFound } from './lookup.js';
import { pageParams } from '../graph/core/pagination.js';
import { listPlaces, placeEventOrdering, placeOrdering } from '../graph/read/place.js';
import type { Resolvers } from '../generated/graphql.js';
import { answerAhead } from './read-ahead.js';

export const placeResolvers: Resolvers = {
  Query: {
    place: async (_parent, { id }, ctx) => {
      const place = await ctx.loaders.placeById.load(id);
      return foundOrNotFound(ctx, place, id, ['Place'], (kept) => ctx.loaders.placeById.load(kept));
    },
    places: (_parent, { filter, first, after }, ctx) =>
      listPlaces(ctx.db, filter ?? {}, pageParams(placeOrdering, first, after)),
  },
  Place: {
    // A nested read may have found the parent ahead; a place read by id knows its parent's id;
    // one met elsewhere asks one hop up.
    parent: (place, _args, ctx) => {
      const ahead = answerAhead(place, 'parent');
      if (ahead !== undefined) return ahead;
      if (place.parentId !== undefined) return place.parentId ? ctx.loaders.placeById.load(place.parentId) : null;
      return ctx.loaders.placeParent.load(place.id);
    },
    hierarchy: async (place, _args, ctx) =>
      [place, ...(await ctx.loaders.placeHierarchy.load(place.id)).ancestors].map((p) => p.name).join(' › '),
    ancestors: async (place, _args, ctx) => (await ctx.loaders.placeHierarchy.load(place.id)).ancestors,
    children: async (place, _args, ctx) => (await ctx.loaders.placeHierarchy.load(place.id)).children,
    events: (place, { includeInside, first, after }, ctx) =>
      ctx.loaders.placeEvents.load({
        id: place.id,
        includeInside: includeInside ?? true,
        page: pageParams(placeEventOrdering, first, after),
      }),
  },
};
