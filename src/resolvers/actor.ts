/** Actors: `actor`, `actors`, an actor's participations, relations and claims, and ActorRelation. */
import { actorOrdering, listActors, participationOrdering } from '../graph/actor.js';
import { claimOrdering } from '../graph/claim.js';
import { pageParams } from '../graph/pagination.js';
import type { Resolvers } from '../generated/graphql.js';
import { claimsBehind } from './claim.js';

export const actorResolvers: Resolvers = {
  Query: {
    actor: (_parent, { id }, ctx) => ctx.loaders.actorById.load(id),
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
    participations: (actor, { role, first, after }, ctx) =>
      ctx.loaders.actorParticipations.load({
        id: actor.id,
        role: role ?? null,
        page: pageParams(participationOrdering, first, after),
      }),
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
