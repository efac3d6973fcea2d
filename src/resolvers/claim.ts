/** Claims: `claim`, `claims`, and a claim's provenance, evidence and subjects. */
import { claimOrdering, listClaims } from '../graph/claim.js';
import type { ClaimObject } from '../graph/mapping.js';
import { pageParams } from '../graph/pagination.js';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/graphql.js';

/** The claims behind a fact edge (its claimIds), retracted ones hidden, in one batched load. */
export async function claimsBehind(ctx: Context, claimIds: readonly string[]): Promise<ClaimObject[]> {
  const claims = await ctx.loaders.claimById.loadMany([...claimIds]);
  return claims.filter((c): c is ClaimObject => c !== null && !(c instanceof Error) && !c.retracted);
}

export const claimResolvers: Resolvers = {
  Query: {
    claim: (_parent, { id }, ctx) => ctx.loaders.claimById.load(id),
    claims: (_parent, { filter, first, after }, ctx) =>
      listClaims(ctx.db, filter ?? {}, pageParams(claimOrdering, first, after)),
  },
  Claim: {
    assertedBy: async (claim, _args, ctx) => (await ctx.loaders.claimEvidence.load(claim.id)).assertedBy,
    reportedIn: async (claim, _args, ctx) => (await ctx.loaders.claimEvidence.load(claim.id)).reportedIn,
    supportingSources: async (claim, _args, ctx) => (await ctx.loaders.claimEvidence.load(claim.id)).supportingSources,
    contradictingSources: async (claim, _args, ctx) =>
      (await ctx.loaders.claimEvidence.load(claim.id)).contradictingSources,
    about: (claim, _args, ctx) => ctx.loaders.claimAbout.load(claim.id),
  },
};
