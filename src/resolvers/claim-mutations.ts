/** Mutations on claims: thin — check the role, hand the input to the graph's write path. */
import { requireRole } from '../auth.js';
import type { Context } from '../request/context.js';
import type {
  MutationAddClaimArgs,
  MutationCorroborateClaimArgs,
  MutationDisputeClaimArgs,
  MutationRetractClaimArgs,
  Resolvers,
} from '../generated/graphql.js';
import { addClaim, retractClaim } from '../graph/write/claim.js';
import { corroborateClaim, disputeClaim } from '../graph/write/evidence.js';

export const claimMutations: Resolvers = {
  Mutation: {
    addClaim: (_: unknown, { input }: MutationAddClaimArgs, ctx: Context) =>
      addClaim(ctx.db, input, requireRole(ctx.viewer, 'researcher')),
    corroborateClaim: (_: unknown, { input }: MutationCorroborateClaimArgs, ctx: Context) =>
      corroborateClaim(ctx.db, input, requireRole(ctx.viewer, 'researcher')),
    disputeClaim: (_: unknown, { input }: MutationDisputeClaimArgs, ctx: Context) =>
      disputeClaim(ctx.db, input, requireRole(ctx.viewer, 'researcher')),
    retractClaim: (_: unknown, { input }: MutationRetractClaimArgs, ctx: Context) =>
      retractClaim(ctx.db, input, requireRole(ctx.viewer, 'admin')),
  },
};
