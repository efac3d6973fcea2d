/** Mutations on claims: thin — check the role, hand the input to the graph's write path. */
import { requireRole } from '../auth.js';
import type { Context } from '../context.js';
import type { MutationAddClaimArgs } from '../generated/graphql.js';
import { addClaim } from '../graph/claim-writes.js';

export const claimMutations = {
  Mutation: {
    addClaim: (_: unknown, { input }: MutationAddClaimArgs, ctx: Context) =>
      addClaim(ctx.db, input, requireRole(ctx.viewer, 'researcher')),
  },
};
