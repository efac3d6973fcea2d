/** The Node interface: typing by the domain object's __typename, and `node(id)` for any id. */
import { foundOrNotFound } from './lookup.js';
import { NODE_LABELS } from '../graph/core/mapping.js';
import { nodeById } from '../graph/read/node.js';
import type { Resolvers } from '../generated/graphql.js';

export const nodeResolvers: Resolvers = {
  Node: {
    __resolveType: (obj) => obj.__typename,
  },
  Query: {
    node: async (_parent, { id }, ctx) => foundOrNotFound(ctx, await nodeById(ctx.db, id), id, NODE_LABELS),
  },
};
