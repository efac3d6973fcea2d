/** The Node interface: typing by the domain object's __typename, and `node(id)` for any id. */
import { nodeById } from '../graph/read/node.js';
import type { Resolvers } from '../generated/graphql.js';

export const nodeResolvers: Resolvers = {
  Node: {
    __resolveType: (obj) => obj.__typename,
  },
  Query: {
    node: (_parent, { id }, ctx) => nodeById(ctx.db, id),
  },
};
