/** The Node interface: typing by label, and `node(id)` for any id. */
import type { Context } from '../context.js';

const TYPE_BY_PREFIX: Record<string, string> = {
  actor: 'Actor',
  place: 'Place',
  event: 'Event',
  source: 'Source',
  claim: 'Claim',
};

// One index seek per label (a label-less MATCH would scan every node).
const NODE_LABEL = `
  CALL () {
    MATCH (n:Actor {id: $id}) RETURN 'Actor' AS label, n.id AS id
    UNION MATCH (n:Place {id: $id}) RETURN 'Place' AS label, n.id AS id
    UNION MATCH (n:Event {id: $id}) RETURN 'Event' AS label, n.id AS id
    UNION MATCH (n:Source {id: $id}) RETURN 'Source' AS label, n.id AS id
    UNION MATCH (n:Claim {id: $id}) RETURN 'Claim' AS label, n.id AS id
  }
  RETURN label, id LIMIT 1`;

/** Domain objects carry their GraphQL type name in `__typename` from the graph layer. */
export const nodeResolvers = {
  Node: {
    __resolveType: (obj: { __typename?: string; id: string }) =>
      obj.__typename ?? TYPE_BY_PREFIX[obj.id.split(':')[0] ?? ''] ?? null,
  },
  Query: {
    node: async (_: unknown, { id }: { id: string }, ctx: Context) => {
      const rows = await ctx.db.read(NODE_LABEL, { id });
      const row = rows[0];
      return row ? { __typename: row.get('label') as string, id: row.get('id') as string } : null;
    },
  },
};
