/** The audit trail: history(id), oldest first. Open like every read (unless READS_REQUIRE_KEY). */
import type { Context } from '../request/context.js';
import type { QueryHistoryArgs, Resolvers } from '../generated/graphql.js';
import { history } from '../graph/write/audit.js';

export const auditResolvers: Resolvers = {
  Query: {
    history: (_: unknown, { id }: QueryHistoryArgs, ctx: Context) => history(ctx.db, id),
  },
};
