/**
 * The read-ahead of the nested query, the one place resolvers meet it. The frontend's query
 * (an actor, its participations, their events' places, parents, claims and evidence) is read
 * in one statement instead of one round trip per level:
 *
 * - `participationsPlan` turns the client's selection below `participations` into the plan the
 *   graph reads (ParticipationReads: which levels, which filter, which properties of each);
 *   `actorPlan` does the same from an `actor(id)` field, so the actor and its page come in one
 *   statement;
 * - the graph (src/graph/read/actor-participations.ts) keeps what it read of each level on the
 *   objects it returns;
 * - `answerAhead` answers a field from there, or says it was not read ahead (undefined), and
 *   the resolver asks its loader.
 *
 * What is read ahead may hold only the properties selected along that path, so it answers only
 * the path that read it and is never primed into a loader.
 */
import type { FieldNode, GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { argumentKey } from '../graph/core/batches.js';
import { AHEAD, type NodeLabel, propertiesFor } from '../graph/core/mapping.js';
import { pageParams } from '../graph/core/pagination.js';
import { participationOrdering, type ParticipationReads } from '../graph/read/actor-participations.js';
import { EVIDENCE_PARTS, type EvidenceProperties } from '../graph/read/claim.js';
import type { ActorParticipationsArgs, EventClaimsArgs } from '../generated/graphql.js';
import type { ParticipationsKey } from '../request/loaders.js';
import { argumentsOf, byResponseKey, fieldPaths, fieldsBelow, type SelectionScope } from './selection.js';

/** Event.claims' arguments as its loader's key and the read-ahead hold them. */
export function eventClaimsFilter({ status, includeRetracted, link }: EventClaimsArgs) {
  return { statuses: status ?? null, includeRetracted: includeRetracted ?? false, link: link ?? null };
}

// Looked up by name, not with assertObjectType: see argumentsOf.
const fieldOf = (info: GraphQLResolveInfo, type: string, field: string) =>
  (info.schema.getType(type) as GraphQLObjectType).getFields()[field]!;

/**
 * What a participations selection reads besides its page: the total when selected, and the
 * events' places, parents, claims and evidence when selected, each with only the properties its
 * fields need. The events' claims are read ahead only when every `claims` selection asks for the
 * same filter and no `link` narrowing (that goes through the loader).
 */
function readsOf(info: GraphQLResolveInfo, nodes: readonly FieldNode[]): ParticipationReads {
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
  const only = filters.size === 1 ? [...filters.values()][0]! : null;
  const claims = only && only.link === null ? only : null;
  const parents = fieldsBelow(scope, places, 'parent');
  const properties = (label: NodeLabel, at: readonly FieldNode[]) => propertiesFor(label, fieldPaths(scope, at));
  // The evidence parts selected under the claims read ahead, with the fields selected of each.
  const selectedParts = claims
    ? EVIDENCE_PARTS.map((part) => ({ part, at: fieldsBelow(scope, claimNodes, part) })).filter((p) => p.at.length > 0)
    : [];
  const evidenceProperties: EvidenceProperties = Object.fromEntries(
    selectedParts.map(({ part, at }) => [part, properties(part === 'assertedBy' ? 'Actor' : 'Source', at)]),
  );
  return {
    totalCount: fieldsBelow(scope, nodes, 'totalCount').length > 0,
    places: places.length > 0,
    parents: parents.length > 0,
    // With its `link: null`: answerAhead compares it with Event.claims' own filter.
    claims,
    evidence: selectedParts.map(({ part }) => part),
    properties: {
      event: properties('Event', events),
      place: properties('Place', places),
      parent: properties('Place', parents),
      claim: properties('Claim', claimNodes),
      evidence: evidenceProperties,
    },
  };
}

/** The participations key Actor.participations loads: its page, and what the selection below it reads. */
export function participationsPlan(
  id: string,
  { role, first, after }: Partial<ActorParticipationsArgs>,
  info: GraphQLResolveInfo,
  nodes: readonly FieldNode[] = info.fieldNodes,
): ParticipationsKey {
  return { id, role: role ?? null, page: pageParams(participationOrdering, first, after), reads: readsOf(info, nodes) };
}

/**
 * The participations an `actor(id)` selection asks for, as the key Actor.participations will
 * load, so the actor query reads them in the same statement as the actor. Null when there is
 * nothing to read ahead: no participations, several aliases of them, or arguments
 * Actor.participations refuses (it reports them itself).
 */
export function actorPlan(info: GraphQLResolveInfo, id: string): ParticipationsKey | null {
  const groups = byResponseKey(fieldsBelow(info, info.fieldNodes, 'participations'));
  const nodes = groups[0];
  if (groups.length !== 1 || !nodes) return null;
  try {
    return participationsPlan(id, argumentsOf(info, fieldOf(info, 'Actor', 'participations'), nodes[0]!), info, nodes);
  } catch {
    return null;
  }
}

/** What a nested read keeps on an object of type O (see the object types in mapping.ts). */
type Ahead<O> = O extends { [AHEAD]?: infer A } ? NonNullable<A> : never;
/** A part read for given arguments (an event's claims, for one filter): it answers those only. */
type ReadFor<V> = { args: string; value: V };
type PartsRead<O, ForArguments extends boolean> = {
  [K in keyof Ahead<O>]-?: NonNullable<Ahead<O>[K]> extends ReadFor<unknown>
    ? ForArguments extends true
      ? K
      : never
    : ForArguments extends true
      ? never
      : K;
}[keyof Ahead<O>];

/**
 * `part` of `object` as a nested read found it, or undefined when it was not read ahead: ask
 * the loader. A part read for some arguments answers only a field given the same ones (`args`).
 */
export function answerAhead<O extends { [AHEAD]?: object }, P extends PartsRead<O, false>>(
  object: O,
  part: P,
): Ahead<O>[P] | undefined;
export function answerAhead<O extends { [AHEAD]?: object }, P extends PartsRead<O, true>>(
  object: O,
  part: P,
  args: unknown,
): (NonNullable<Ahead<O>[P]> extends ReadFor<infer V> ? V : never) | undefined;
export function answerAhead(object: { [AHEAD]?: object }, part: string, ...args: unknown[]): unknown {
  const found = (object[AHEAD] as Record<string, unknown> | undefined)?.[part];
  if (found === undefined || args.length === 0) return found;
  const read = found as ReadFor<unknown>;
  return read.args === argumentKey(args[0]) ? read.value : undefined;
}
