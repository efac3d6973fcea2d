/** Claims: `claim`, `claims`, and a claim's provenance, evidence, subjects, figures and stances. */
import { foundOrNotFound } from './lookup.js';
import { claimOrdering, type ClaimProvenance, type EvidencePart, listClaims } from '../graph/read/claim.js';
import type { ClaimObject } from '../graph/core/mapping.js';
import { pageParams } from '../graph/core/pagination.js';
import type { Context } from '../request/context.js';
import type { Resolvers } from '../generated/graphql.js';
import { answerAhead } from './read-ahead.js';

/** The claims behind a fact edge (its claimIds), retracted ones hidden, in one batched load. */
export async function claimsBehind(ctx: Context, claimIds: readonly string[]): Promise<ClaimObject[]> {
  const claims = await ctx.loaders.claimById.loadMany([...claimIds]);
  return claims.filter((c): c is ClaimObject => c !== null && !(c instanceof Error) && !c.retracted);
}

/** One part of a claim's evidence: as a nested read found it ahead, else through its loader. */
async function evidencePart<P extends EvidencePart>(
  claim: ClaimObject,
  part: P,
  ctx: Context,
): Promise<ClaimProvenance[P]> {
  const ahead = answerAhead(claim, part);
  return ahead !== undefined ? (ahead as ClaimProvenance[P]) : (await ctx.loaders.claimEvidence.load(claim.id))[part];
}

export const claimResolvers: Resolvers = {
  Query: {
    claim: async (_parent, { id }, ctx) => foundOrNotFound(ctx, await ctx.loaders.claimById.load(id), id, ['Claim']),
    claims: (_parent, { filter, first, after }, ctx) =>
      listClaims(ctx.db, filter ?? {}, pageParams(claimOrdering, first, after)),
  },
  Claim: {
    // The parts a nested read found ahead answer first (read-ahead.ts).
    assertedBy: (claim, _args, ctx) => evidencePart(claim, 'assertedBy', ctx),
    reportedIn: (claim, _args, ctx) => evidencePart(claim, 'reportedIn', ctx),
    supportingSources: (claim, _args, ctx) => evidencePart(claim, 'supportingSources', ctx),
    contradictingSources: (claim, _args, ctx) => evidencePart(claim, 'contradictingSources', ctx),
    about: (claim, _args, ctx) => ctx.loaders.claimAbout.load(claim.id),
    figures: (claim, _args, ctx) => ctx.loaders.claimFigures.load(claim.id),
    disputes: async (claim, _args, ctx) => (await ctx.loaders.claimStances.load(claim.id)).disputes,
    corroborations: async (claim, _args, ctx) => (await ctx.loaders.claimStances.load(claim.id)).corroborations,
  },
};
