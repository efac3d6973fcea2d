/** Sources: `source`, `sources`, a source's citations, the claims it reports, supports or contradicts. */
import { foundOrNotFound } from './lookup.js';
import { claimOrdering } from '../graph/read/claim.js';
import { pageParams } from '../graph/core/pagination.js';
import { listSources, sourceOrdering } from '../graph/read/source.js';
import type { Resolvers } from '../generated/graphql.js';

export const sourceResolvers: Resolvers = {
  Query: {
    source: async (_parent, { id }, ctx) => foundOrNotFound(ctx, await ctx.loaders.sourceById.load(id), id, ['Source']),
    sources: (_parent, { filter, first, after }, ctx) =>
      listSources(ctx.db, filter ?? {}, pageParams(sourceOrdering, first, after)),
  },
  Source: {
    cites: async (source, _args, ctx) => (await ctx.loaders.sourceLinks.load(source.id)).cites,
    citedBy: async (source, _args, ctx) => (await ctx.loaders.sourceLinks.load(source.id)).citedBy,
    claims: (source, { first, after, includeRetracted }, ctx) =>
      ctx.loaders.claimsReportedIn.load({
        id: source.id,
        includeRetracted: includeRetracted ?? false,
        page: pageParams(claimOrdering, first, after),
      }),
    supports: async (source, _args, ctx) => (await ctx.loaders.sourceLinks.load(source.id)).supports,
    contradicts: async (source, _args, ctx) => (await ctx.loaders.sourceLinks.load(source.id)).contradicts,
  },
};
