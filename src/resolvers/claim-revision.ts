/** reviseClaim: thin — check the role, hand the correction to the write path. */
import { requireRole } from '../auth.js';
import type { Context } from '../request/context.js';
import type { MutationReviseClaimArgs } from '../generated/graphql.js';
import { reviseClaim } from '../graph/write/claim-revision.js';

export const claimRevisionResolvers = {
  Mutation: {
    reviseClaim: (_: unknown, { input }: MutationReviseClaimArgs, ctx: Context) =>
      reviseClaim(ctx.db, input, requireRole(ctx.viewer, 'researcher')),
  },
};
