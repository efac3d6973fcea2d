/** Events: `event`, `events`, an event's place, participants, claims, figures and linked events, and Participation. */
import { foundOrNotFound } from './lookup.js';
import { eventOrdering, listEvents } from '../graph/read/event.js';
import { pageParams } from '../graph/core/pagination.js';
import type { Resolvers } from '../generated/graphql.js';
import { claimsBehind } from './claim.js';
import { eventRange, rangeLabel } from '../domain/figures.js';
import { byClaimant } from '../graph/read/figure.js';
import { answerAhead, eventClaimsFilter } from './read-ahead.js';

export const eventResolvers: Resolvers = {
  Query: {
    event: async (_parent, { id }, ctx) => foundOrNotFound(ctx, await ctx.loaders.eventById.load(id), id, ['Event']),
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
    // What a nested read found ahead answers first (read-ahead.ts).
    place: async (event, _args, ctx) => {
      const ahead = answerAhead(event, 'place');
      return ahead !== undefined ? ahead : (await ctx.loaders.eventPlace.load(event.id)).place;
    },
    placeInherited: async (event, _args, ctx) =>
      answerAhead(event, 'placeInherited') ?? (await ctx.loaders.eventPlace.load(event.id)).inherited,
    participants: (event, { role }, ctx) => ctx.loaders.eventParticipants.load({ id: event.id, role: role ?? null }),
    claims: (event, args, ctx) => {
      const filter = eventClaimsFilter(args);
      return answerAhead(event, 'claims', filter) ?? ctx.loaders.eventClaims.load({ id: event.id, ...filter });
    },
    figuresByClaimant: async (event, _args, ctx) => byClaimant(await ctx.loaders.eventFigures.load(event.id)),
    figureRange: async (event, { kind }, ctx) => {
      const figures = await ctx.loaders.eventFigures.load(event.id);
      const names = new Map(figures.map((f) => [f.claimantId, f.claimant?.name ?? 'no claimant']));
      const range = eventRange(figures, kind);
      return { kind, ...range, label: rangeLabel(figures, kind, (id) => names.get(id) ?? 'no claimant') };
    },
    followedBy: async (event, _args, ctx) => (await ctx.loaders.eventLinks.load(event.id)).followedBy,
    precededBy: async (event, _args, ctx) => (await ctx.loaders.eventLinks.load(event.id)).precededBy,
    partOf: async (event, _args, ctx) => (await ctx.loaders.eventLinks.load(event.id)).partOf,
    subEvents: async (event, _args, ctx) => (await ctx.loaders.eventLinks.load(event.id)).subEvents,
  },
  Participation: {
    claims: (participation, _args, ctx) => claimsBehind(ctx, participation.claimIds),
  },
};
