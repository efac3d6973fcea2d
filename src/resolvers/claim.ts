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
    assertedBy: (claim, _args, ctx) => ctx.loaders.claimEvidencePart.assertedBy.load(claim.id),
    reportedIn: (claim, _args, ctx) => ctx.loaders.claimEvidencePart.reportedIn.load(claim.id),
    supportingSources: (claim, _args, ctx) => ctx.loaders.claimEvidencePart.supportingSources.load(claim.id),
    contradictingSources: (claim, _args, ctx) => ctx.loaders.claimEvidencePart.contradictingSources.load(claim.id),
    about: (claim, _args, ctx) => ctx.loaders.claimAbout.load(claim.id),
  },
};
