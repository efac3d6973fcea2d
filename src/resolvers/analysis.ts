/**
 * The analysts' queries: paths, neighbourhoods, timelines, events near a place, full-text search,
 * event statistics and read-only Cypher. Arguments in, graph-layer answers out; the work and
 * the checks live in src/graph/analysis/. An edge's claims come through the per-request
 * claimById loader (retracted ones hidden), so a drawing of many edges costs one claim query.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { requireRole } from '../auth.js';
import { runReadOnlyCypher } from '../graph/analysis/cypher.js';
import { neighbourhood } from '../graph/analysis/neighbourhood.js';
import { eventsNear } from '../graph/analysis/near.js';
import { pathBetween } from '../graph/analysis/path.js';
import { search } from '../graph/analysis/search.js';
import { eventStats } from '../graph/analysis/stats.js';
import { timeline } from '../graph/analysis/timeline.js';
import type { NodeRead } from '../graph/analysis/view.js';
import type { Resolvers } from '../generated/graphql.js';
import { claimsBehind } from './claim.js';
import { fieldPaths, fieldsBelow, selects } from './selection.js';

/** 'drawn' when the client asks no more of the domain nodes at `path` than their ids (see NodeRead). */
function nodeRead(info: GraphQLResolveInfo, ...path: string[]): NodeRead {
  const fields = fieldPaths(info, fieldsBelow(info, info.fieldNodes, ...path));
  return [...fields].every((field) => field === 'id' || field === '__typename') ? 'drawn' : 'whole';
}

export const analysisResolvers: Resolvers = {
  Query: {
    pathBetween: (_, args, ctx, info) => pathBetween(ctx.db, args, nodeRead(info, 'nodes', 'node')),
    neighbourhood: (_, args, ctx, info) => neighbourhood(ctx.db, args, nodeRead(info, 'nodes', 'node')),
    timeline: (_, args, ctx, info) =>
      timeline(ctx.db, args, {
        totalCount: selects(info, 'totalCount'),
        eventFields: fieldPaths(info, [
          ...fieldsBelow(info, info.fieldNodes, 'nodes'),
          ...fieldsBelow(info, info.fieldNodes, 'edges', 'node'),
        ]),
      }),
    eventsNear: (_, args, ctx, info) =>
      eventsNear(ctx.db, args, fieldPaths(info, fieldsBelow(info, info.fieldNodes, 'event'))),
    search: (_, args, ctx, info) => search(ctx.db, args, nodeRead(info, 'node')),
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
