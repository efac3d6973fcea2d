/**
 * The analysts' queries: paths, neighbourhoods, timelines, events near a place, full-text search,
 * event statistics and read-only Cypher. Arguments in, graph-layer answers out; the work and
 * the checks live in src/graph/analysis/. An edge's claims come through the per-request
 * claimById loader (retracted ones hidden), so a drawing of many edges costs one claim query.
 */
import { requireRole } from '../auth.js';
import { runReadOnlyCypher } from '../graph/analysis/cypher.js';
import { neighbourhood } from '../graph/analysis/neighbourhood.js';
import { eventsNear } from '../graph/analysis/near.js';
import { pathBetween } from '../graph/analysis/path.js';
import { search } from '../graph/analysis/search.js';
import { eventStats } from '../graph/analysis/stats.js';
import { timeline } from '../graph/analysis/timeline.js';
import type { Resolvers } from '../generated/graphql.js';
import { claimsBehind } from './claim.js';

export const analysisResolvers: Resolvers = {
  Query: {
    pathBetween: (_, args, ctx) => pathBetween(ctx.db, args),
    neighbourhood: (_, args, ctx) => neighbourhood(ctx.db, args),
    timeline: (_, args, ctx) => timeline(ctx.db, args),
    eventsNear: (_, args, ctx) => eventsNear(ctx.db, args),
    search: (_, args, ctx) => search(ctx.db, args),
    eventStats: (_, { groupBy, filter }, ctx) => eventStats(ctx.db, groupBy, filter),
    cypher: (_, { query, params }, ctx) => {
      requireRole(ctx.viewer, 'analyst');
      return runReadOnlyCypher(ctx.db, query, params, {
        timeoutMs: ctx.config.limits.cypherTimeoutMs,
        maxRows: ctx.config.limits.cypherMaxRows,
      });
    },
  },
  GraphEdge: {
    claims: (edge, _, ctx) => claimsBehind(ctx, edge.claimIds),
  },
};
