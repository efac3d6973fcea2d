/** Figures: the event a figure counts (its claim, claimant and counted actor are read with it). */
import { notFound } from '../errors.js';
import type { Resolvers } from '../generated/graphql.js';

export const figureResolvers: Resolvers = {
  Figure: {
    event: async (figure, _args, ctx) =>
      (await ctx.loaders.eventById.load(figure.eventId)) ?? Promise.reject(notFound('event', figure.eventId)),
  },
};
