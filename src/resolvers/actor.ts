/** Actors: `actor`, `actors`, an actor's participations, relations and claims, and ActorRelation. */
import { foundOrNotFound } from './lookup.js';
import type { FieldNode, GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { actorOrdering, listActors } from '../graph/read/actor.js';
import { participationOrdering, type ParticipationReads } from '../graph/read/actor-participations.js';
import { claimOrdering, EVIDENCE_PARTS, type EvidenceProperties } from '../graph/read/claim.js';
import { type NodeLabel, propertiesFor } from '../graph/core/mapping.js';
import { pageParams } from '../graph/core/pagination.js';
import type { ActorParticipationsArgs, EventClaimsArgs, Resolvers } from '../generated/graphql.js';
import { claimsBehind } from './claim.js';
import { eventClaimsFilter } from './event.js';
import type { ParticipationsKey } from '../request/loaders.js';
import { argumentsOf, byResponseKey, fieldPaths, fieldsBelow, type SelectionScope } from './selection.js';

// Looked up by name, not with assertObjectType: see argumentsOf.
const fieldOf = (info: GraphQLResolveInfo, type: string, field: string) =>
  (info.schema.getType(type) as GraphQLObjectType).getFields()[field]!;

/**
 * What a participations selection reads besides its page: the total when selected, and the
 * events' places, parents, claims and evidence when selected (see ParticipationReads), each with
 * only the properties its fields need. The events' claims are read ahead only when every `claims`
 * selection asks for the same filter.
 */
function participationReads(info: GraphQLResolveInfo, nodes: readonly FieldNode[]): ParticipationReads {
  const scope: SelectionScope = info;
  const events = [
    ...fieldsBelow(scope, nodes, 'nodes', 'event'),
    ...fieldsBelow(scope, nodes, 'edges', 'node', 'event'),
  ];
  const places = fieldsBelow(scope, events, 'place');
  const claimNodes = fieldsBelow(scope, events, 'claims');
  const claimsField = fieldOf(info, 'Event', 'claims');
  const filters = new Map(
    byResponseKey(claimNodes).map((group) => {
      const filter = eventClaimsFilter(argumentsOf(scope, claimsField, group[0]!) as EventClaimsArgs);
      return [JSON.stringify(filter), filter];
    }),
  );
  // Read ahead: all the claims about each event (a `link` narrowing goes through the loader).
  const only = filters.size === 1 ? [...filters.values()][0]! : null;
  const claims = only && only.link === null ? only : null;
  const parents = fieldsBelow(scope, places, 'parent');
  const properties = (label: NodeLabel, at: readonly FieldNode[]) => propertiesFor(label, fieldPaths(scope, at));
  // The evidence parts selected under the claims read ahead, with the fields selected of each.
  const selectedParts = claims
    ? EVIDENCE_PARTS.map((part) => ({ part, at: fieldsBelow(scope, claimNodes, part) })).filter((p) => p.at.length > 0)
    : [];
  const evidence = selectedParts.map(({ part }) => part);
  const evidenceProperties: EvidenceProperties = Object.fromEntries(
    selectedParts.map(({ part, at }) => [part, properties(part === 'assertedBy' ? 'Actor' : 'Source', at)]),
  );
  return {
    totalCount: fieldsBelow(scope, nodes, 'totalCount').length > 0,
    places: places.length > 0,
    parents: parents.length > 0,
    claims,
    evidence,
    properties: {
      event: properties('Event', events),
      place: properties('Place', places),
      parent: properties('Place', parents),
      claim: properties('Claim', claimNodes),
      evidence: evidenceProperties,
    },
  };
}

function participationsKey(
  id: string,
  { role, first, after }: Partial<ActorParticipationsArgs>,
  info: GraphQLResolveInfo,
  nodes: readonly FieldNode[],
): ParticipationsKey {
  return {
    id,
    role: role ?? null,
    page: pageParams(participationOrdering, first, after),
    reads: participationReads(info, nodes),
  };
}

/**
 * The participations an `actor` selection asks for, as the key Actor.participations will load:
 * the actor query reads them in the same statement as the actor. Null when there is nothing to
 * read ahead: no participations, several aliases of them, or arguments Actor.participations refuses.
 */
function participationsAhead(info: GraphQLResolveInfo, id: string): ParticipationsKey | null {
  const groups = byResponseKey(fieldsBelow(info, info.fieldNodes, 'participations'));
  const nodes = groups[0];
  if (groups.length !== 1 || !nodes) return null;
  const field = fieldOf(info, 'Actor', 'participations');
  try {
    return participationsKey(id, argumentsOf(info, field, nodes[0]!), info, nodes);
  } catch {
    return null;
  }
}

export const actorResolvers: Resolvers = {
  Query: {
    actor: async (_parent, { id }, ctx, info) => {
      const ahead = participationsAhead(info, id);
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
      ctx.loaders.actorParticipations.load(participationsKey(actor.id, args, info, info.fieldNodes)),
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
