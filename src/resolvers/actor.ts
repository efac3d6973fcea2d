/** Actors: `actor`, `actors`, an actor's participations, relations and claims, and ActorRelation. */
import { foundOrNotFound } from './lookup.js';
import { actorOrdering, listActors } from '../graph/read/actor.js';
import { claimOrdering } from '../graph/read/claim.js';
import { pageParams } from '../graph/core/pagination.js';
import type { Resolvers } from '../generated/graphql.js';
import { claimsBehind } from './claim.js';
import { actorPlan, participationsPlan } from './read-ahead.js';

export const actorResolvers: Resolvers = {
  Query: {
    actor: async (_parent, { id }, ctx, info) => {
      const ahead = actorPlan(info, id);
      // The batch primes actorById; a failure is reported where participations are resolved.
      if (ahead) await ctx.loaders.actorParticipations.load(ahead).catch(() => undefined);
      const actor = await ctx.loaders.actorById.load(id);
      return foundOrNotFound(ctx, actor, id, ['Actor'], (kept) => ctx.loaders.actorById.load(kept));
    },
    actors: (_parent, { filter, orderBy, first, after }, ctx) => {
      const field = orderBy?.field ?? 'NAME';
      const direction = orderBy?.direction ?? 'ASC';
      return listActors(
        ctx.db,
        filter ?? {},
        field,
        direction,
        pageParams(actorOrdering(field, direction), first, after),
      );
    },
  },
  Actor: {
    participations: (actor, args, ctx, info) =>
      ctx.loaders.actorParticipations.load(participationsPlan(actor.id, args, info)),
    memberOf: async (actor, _args, ctx) => (await ctx.loaders.actorRelations.load(actor.id)).memberOf,
    members: async (actor, _args, ctx) => (await ctx.loaders.actorRelations.load(actor.id)).members,
    allies: async (actor, _args, ctx) => (await ctx.loaders.actorRelations.load(actor.id)).allies,
    opponents: async (actor, _args, ctx) => (await ctx.loaders.actorRelations.load(actor.id)).opponents,
    claimsAsserted: (actor, { first, after, includeRetracted }, ctx) =>
      ctx.loaders.claimsAssertedBy.load({
        id: actor.id,
        includeRetracted: includeRetracted ?? false,
        page: pageParams(claimOrdering, first, after),
      }),
    claimsAbout: (actor, { first, after, includeRetracted }, ctx) =>
      ctx.loaders.claimsAboutActor.load({
        id: actor.id,
        includeRetracted: includeRetracted ?? false,
        page: pageParams(claimOrdering, first, after),
      }),
  },
  ActorRelation: {
    claims: (relation, _args, ctx) => claimsBehind(ctx, relation.claimIds),
  },
};
