/** Events: `event`, `events`, an event's place, participants, claims and linked events, and Participation. */
import { eventOrdering, listEvents } from '../graph/event.js';
import { pageParams } from '../graph/pagination.js';
import type { Resolvers } from '../generated/graphql.js';
import { claimsBehind } from './claim.js';

export const eventResolvers: Resolvers = {
  Query: {
    event: (_parent, { id }, ctx) => ctx.loaders.eventById.load(id),
    events: (_parent, { filter, orderBy, first, after }, ctx) => {
      const field = orderBy?.field ?? 'START_TIME';
      const direction = orderBy?.direction ?? 'ASC';
      return listEvents(
        ctx.db,
        filter ?? {},
        field,
        direction,
        pageParams(eventOrdering(field, direction), first, after),
      );
    },
  },
  Event: {
    place: (event, _args, ctx) => ctx.loaders.eventPlace.load(event.id),
    participants: (event, { role }, ctx) => ctx.loaders.eventParticipants.load({ id: event.id, role: role ?? null }),
    claims: (event, { status, includeRetracted }, ctx) =>
      ctx.loaders.eventClaims.load({
        id: event.id,
        statuses: status ?? null,
        includeRetracted: includeRetracted ?? false,
      }),
    followedBy: async (event, _args, ctx) => (await ctx.loaders.eventLinks.load(event.id)).followedBy,
    precededBy: async (event, _args, ctx) => (await ctx.loaders.eventLinks.load(event.id)).precededBy,
    partOf: async (event, _args, ctx) => (await ctx.loaders.eventLinks.load(event.id)).partOf,
    subEvents: async (event, _args, ctx) => (await ctx.loaders.eventLinks.load(event.id)).subEvents,
  },
  Participation: {
    claims: (participation, _args, ctx) => claimsBehind(ctx, participation.claimIds),
  },
};
