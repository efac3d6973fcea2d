/**
 * The analysts' graph filter (GraphFilter in the SDL), checked and turned into Cypher: the
 * relationship types a traversal may follow (the SDL's RelationKind enum, so GraphQL refuses any
 * other value), built only from the allow-list below (a type cannot be a parameter, so user text
 * never reaches the query), and per-step predicates on the path's relationships and nodes that
 * the planner evaluates inside the breadth-first search.
 */
import { badInput } from '../../errors.js';
import { RelationKind } from '../../generated/graphql.js';
import { SPAN_OVERLAPS } from '../core/event-span.js';
import { checkWindow } from '../core/time-window.js';
import { statusesKept } from '../core/confirmed.js';

export type { RelationKind };

/**
 * Every relationship between domain nodes (docs/model.md): the SDL's RelationKind, in the order
 * the Cypher names them (the generated enum's values are sorted). NAMES (to Name nodes) is not one.
 */
export const RELATION_KINDS = [
  RelationKind.PARTICIPATED_IN,
  RelationKind.OCCURRED_AT,
  RelationKind.LOCATED_IN,
  RelationKind.MEMBER_OF,
  RelationKind.PART_OF,
  RelationKind.ALLIED_WITH,
  RelationKind.OPPOSES,
  RelationKind.FOLLOWED_BY,
  RelationKind.ASSERTED_BY,
  RelationKind.REPORTED_IN,
  RelationKind.ABOUT,
  RelationKind.SUPPORTS,
  RelationKind.CONTRADICTS,
  RelationKind.CITES,
] as const satisfies readonly RelationKind[];

type Unlisted = Exclude<RelationKind, (typeof RELATION_KINDS)[number]>;
/** Fails to compile, naming it, when a kind added to the SDL is missing from RELATION_KINDS. */
export const everyRelationKindListed: [Unlisted] extends [never] ? true : { unlisted: Unlisted } = true;

export const CLAIM_STATUSES = ['CORROBORATED', 'REPORTED', 'UNVERIFIED', 'DISPUTED'] as const;

export interface GraphFilterInput {
  relationKinds?: readonly RelationKind[] | null;
  from?: string | Date | null;
  to?: string | Date | null;
  eventTypes?: readonly string[] | null;
  claimStatus?: readonly string[] | null;
  confirmedOnly?: boolean | null;
}

/** A checked filter: what the traversal follows, and the values of its Cypher parameters. */
export interface GraphFilter {
  kinds: readonly RelationKind[];
  params: { statuses: string[] | null; eventTypes: string[] | null; from: string | null; to: string | null };
}

export function checkGraphFilter(input: GraphFilterInput | null | undefined): GraphFilter {
  const requested = input?.relationKinds ?? null;
  let kinds: RelationKind[] = [...RELATION_KINDS];
  if (requested) {
    // Taken from the allow-list, never from the request: only these names reach the query text.
    kinds = RELATION_KINDS.filter((k) => requested.includes(k));
    if (kinds.length === 0) {
      throw badInput(
        `relationKinds, when given, names at least one relation kind: some of ${RELATION_KINDS.join(', ')}.`,
        'filter.relationKinds',
      );
    }
  }
  const statuses = statusesKept(input?.confirmedOnly, input?.claimStatus);
  if (statuses && statuses.length === 0) {
    throw badInput('claimStatus, when given, names at least one status.', 'filter.claimStatus');
  }
  const eventTypes = input?.eventTypes ? [...new Set(input.eventTypes)] : null;
  if (eventTypes && eventTypes.length === 0) {
    throw badInput('eventTypes, when given, names at least one type.', 'filter.eventTypes');
  }
  return { kinds, params: { statuses, eventTypes, ...checkWindow(input?.from, input?.to) } };
}

/** `:A|B|C` for a relationship pattern; every type comes from RELATION_KINDS. */
export function relationshipTypes(kinds: readonly RelationKind[]): string {
  return `:${kinds.join('|')}`;
}

/**
 * The filter as universal predicates over path `p`: a fact edge (one with claimIds) keeps its
 * claims' status, a Claim node its own (a retracted claim is never drawn), an Event its time and type. Written as all(…) over nodes(p) and
 * relationships(p) so that shortestPath and the pruning var-length expansion check them at each
 * step instead of enumerating paths.
 */
export const PATH_PREDICATES = (p: string): string => `
  all(r IN relationships(${p}) WHERE r.claimIds IS NULL OR $statuses IS NULL OR r.status IN $statuses)
  AND all(x IN nodes(${p}) WHERE
        (NOT x:Claim OR (NOT coalesce(x.retracted, false) AND ($statuses IS NULL OR x.status IN $statuses)))
        AND (NOT x:Event OR (${SPAN_OVERLAPS('x')} AND ($eventTypes IS NULL OR x.type IN $eventTypes))))`;

/** Whether the filter narrows more than the relation kinds: claim statuses, event types or a window. */
export function narrows(filter: GraphFilter): boolean {
  return Object.values(filter.params).some((value) => value !== null);
}

/**
 * What a traversal checks at each step when the filter narrows nothing (see `narrows`): only that
 * a retracted claim is never drawn. The full predicates read a property or a label at every step
 * whatever the parameters (about three times the db hits of the search alone on a 4-hop path).
 */
export const UNFILTERED_PATH_PREDICATES = (p: string): string =>
  `all(x IN nodes(${p}) WHERE NOT x:Claim OR NOT coalesce(x.retracted, false))`;

/** The same filter on one relationship `r` (for edges between nodes already found). */
export const EDGE_PREDICATE = (r: string): string =>
  `(${r}.claimIds IS NULL OR $statuses IS NULL OR ${r}.status IN $statuses)`;

/**
 * A GraphFilter for a read of events (timeline, eventsNear), with the deprecated loose arguments
 * (from, to, confirmedOnly) folded in: the filter's value wins where both are given. The
 * statuses are those of the event's link to what the read follows (a participation, where it
 * occurred). relationKinds does not apply and is refused.
 */
export function checkEventsFilter(
  request: {
    filter?: GraphFilterInput | null;
    from?: string | Date | null;
    to?: string | Date | null;
    confirmedOnly?: boolean | null;
  },
  read: string,
): GraphFilter {
  const filter = request.filter ?? {};
  if (filter.relationKinds) {
    throw badInput(`${read} follows no relation kinds: leave filter.relationKinds out.`, 'filter.relationKinds');
  }
  return checkGraphFilter({
    ...filter,
    from: filter.from ?? request.from ?? null,
    to: filter.to ?? request.to ?? null,
    confirmedOnly: (filter.confirmedOnly ?? false) || (request.confirmedOnly ?? false),
  });
}
