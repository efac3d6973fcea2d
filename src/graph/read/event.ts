/**
 * Event reads: by id, the filtered and ordered list, and the batch reads behind the nested
 * fields (place, participants, the claims that report it, the events before, after, around it).
 * The claims of an event are those ABOUT it: the write path links a claim to every event it
 * defines or completes (a claim that adds a participant reports the event as much as one that
 * defines it) with `states: true`, and, without it, to the events it only mentions (those its
 * events are part of or follow, and those a researcher says it is about).
 */
import { requireKnownIdsWhenEmpty } from '../core/known-ids.js';
import { statusesKept } from '../core/confirmed.js';
import { checkWindow } from '../core/time-window.js';
import { alignRows, nodesByIds } from '../core/batches.js';
import { EVENTS_IN_WINDOW, SPAN_FROM, SPAN_TO } from '../core/event-span.js';
import { COUNTED_AT_PLACE_OF, COUNTS_AT, PLACE_OF_EVENT } from '../core/event-place.js';
import type { DbScope } from '../core/database.js';
import {
  type ClaimObject,
  type EventObject,
  nodeProps,
  type ParticipationObject,
  type PlaceObject,
  toActor,
  toClaim,
  toEvent,
  toFactEdge,
  toPlace,
} from '../core/mapping.js';
import {
  type Connection,
  keysetListQuery,
  type PageParams,
  pageQueryParams,
  type SortDirection,
  type SortValueKind,
  listConnection,
} from '../core/pagination.js';

export async function eventsByIds(db: DbScope, ids: readonly string[]): Promise<(EventObject | null)[]> {
  return nodesByIds(db, 'Event', ids, toEvent);
}

// --- place ---------------------------------------------------------------------------------

const PLACES_OF_EVENTS = `
  UNWIND $ids AS id
  MATCH (e:Event {id: id})
  ${PLACE_OF_EVENT('e')}
  WITH id, place, placeInherited WHERE place IS NOT NULL
  RETURN id, place, placeInherited`;

/** Where an event counts (event-place.ts): its place, and whether it is the larger event's. */
export interface EventPlace {
  place: PlaceObject | null;
  inherited: boolean;
}

const NO_PLACE: EventPlace = { place: null, inherited: false };

/** Where each event occurred, or that of the larger event it is part of; null when unknown. */
export async function placesOfEvents(db: DbScope, ids: readonly string[]): Promise<EventPlace[]> {
  const rows = await db.read(PLACES_OF_EVENTS, { ids });
  return alignRows(
    ids,
    rows,
    (row) => ({ place: toPlace(nodeProps(row.get('place'))), inherited: row.get('placeInherited') as boolean }),
    NO_PLACE,
  );
}

// --- participants --------------------------------------------------------------------------

const PARTICIPANTS_OF_EVENTS = `
  UNWIND $ids AS id
  MATCH (e:Event {id: id})
  CALL (e) {
    MATCH (a:Actor)-[p:PARTICIPATED_IN]->(e) WHERE $role IS NULL OR p.role = $role
    WITH a, p ORDER BY p.role, a.name, a.id
    RETURN collect({edge: properties(p), actor: a}) AS participants
  }
  RETURN id, e, participants`;

/** Who took part in each event, and as what (ordered by role, then name). */
export async function participantsOfEvents(
  db: DbScope,
  ids: readonly string[],
  role: string | null,
): Promise<ParticipationObject[][]> {
  const rows = await db.read(PARTICIPANTS_OF_EVENTS, { ids, role });
  return alignRows(
    ids,
    rows,
    (row) => {
      const event = toEvent(nodeProps(row.get('e')));
      return (row.get('participants') as { edge: Record<string, unknown>; actor: unknown }[]).map((item) => ({
        __typename: 'Participation' as const,
        ...toFactEdge(item.edge),
        role: String(item.edge.role),
        actor: toActor(nodeProps(item.actor)),
        event,
      }));
    },
    [],
  );
}

// --- claims --------------------------------------------------------------------------------

const CLAIMS_OF_EVENTS = `
  UNWIND $ids AS id
  MATCH (e:Event {id: id})
  CALL (e) {
    MATCH (c:Claim)-[about:ABOUT]->(e)
    WHERE ($statuses IS NULL OR c.status IN $statuses) AND ($includeRetracted OR NOT coalesce(c.retracted, false))
      AND ($link IS NULL OR coalesce(about.states, false) = ($link = 'STATES'))
    WITH c ORDER BY c.createdAt, c.id
    RETURN collect(c) AS claims
  }
  RETURN id, claims`;

/** How a claim bears on an event (EventClaimLink): it states it, or only mentions it. */
export type EventClaimLink = 'STATES' | 'MENTIONS';

/**
 * The claims about each event (all, or those that state it, or those that only mention it), in
 * the order they were added; retracted ones on request.
 */
export async function claimsOfEvents(
  db: DbScope,
  ids: readonly string[],
  statuses: readonly string[] | null,
  includeRetracted: boolean,
  link: EventClaimLink | null = null,
): Promise<ClaimObject[][]> {
  const rows = await db.read(CLAIMS_OF_EVENTS, { ids, statuses, includeRetracted, link });
  return alignRows(ids, rows, (row) => (row.get('claims') as unknown[]).map((n) => toClaim(nodeProps(n))), []);
}

// --- links between events ------------------------------------------------------------------

export interface EventLinks {
  followedBy: EventObject[];
  precededBy: EventObject[];
  partOf: EventObject | null;
  subEvents: EventObject[];
}

const NO_LINKS: EventLinks = { followedBy: [], precededBy: [], partOf: null, subEvents: [] };

const LINKS_OF_EVENTS = `
  UNWIND $ids AS id
  MATCH (e:Event {id: id})
  CALL (e) {
    MATCH (e)-[r:FOLLOWED_BY|PART_OF]-(other:Event)
    WITH r, other ORDER BY other.startTime, other.id
    RETURN collect({kind: type(r), outgoing: startNode(r) = e, other: other}) AS links
  }
  RETURN id, links`;

/** Each event's sequels, antecedents, the event it is part of and its sub-events, in one query. */
export async function linksOfEvents(db: DbScope, ids: readonly string[]): Promise<EventLinks[]> {
  const rows = await db.read(LINKS_OF_EVENTS, { ids });
  return alignRows(
    ids,
    rows,
    (row) => {
      const links = (row.get('links') as { kind: string; outgoing: boolean; other: unknown }[]).map((l) => ({
        ...l,
        event: toEvent(nodeProps(l.other)),
      }));
      const pick = (kind: string, outgoing: boolean) =>
        links.filter((l) => l.kind === kind && l.outgoing === outgoing).map((l) => l.event);
      return {
        followedBy: pick('FOLLOWED_BY', true),
        precededBy: pick('FOLLOWED_BY', false),
        partOf: pick('PART_OF', true)[0] ?? null,
        subEvents: pick('PART_OF', false),
      };
    },
    NO_LINKS,
  );
}

// --- the list ------------------------------------------------------------------------------

export type EventOrderField = 'START_TIME' | 'CREATED_AT';

export interface EventFilter {
  types?: readonly string[] | null;
  subTypes?: readonly string[] | null;
  /** DateTime scalars arrive as Date objects; ISO strings are accepted too. */
  from?: string | Date | null;
  to?: string | Date | null;
  placeId?: string | null;
  actorId?: string | null;
  role?: string | null;
  claimStatus?: readonly string[] | null;
  /** Only events backed by a CORROBORATED claim (confirmed.ts). */
  confirmedOnly?: boolean | null;
}

// The time window keeps events that overlap it: ending at or after `from`, starting at or before
// `to`; an unknown start or end is open on that side (event-span.ts).
const EVENT_CONDITIONS = {
  types: 'e.type IN $types',
  subTypes: 'e.subType IN $subTypes',
  from: SPAN_FROM,
  to: SPAN_TO,
  role: 'EXISTS { MATCH (:Actor)-[p:PARTICIPATED_IN]->(e) WHERE p.role = $role }',
  placeId: COUNTS_AT('e', '-[:LOCATED_IN*0..]->(:Place {id: $placeId})'),
  // Backed by: a claim that states the event, not one that only mentions it.
  claimStatus: `EXISTS {
    MATCH (c:Claim)-[about:ABOUT]->(e)
    WHERE about.states AND c.status IN $claimStatus AND NOT coalesce(c.retracted, false)
  }`,
};

/**
 * The whole filter as one condition over `e`, each part off when its parameter is null, for
 * statements that match all events themselves (eventStats). The list assembles only the parts in use.
 */
export const EVENT_FILTER = `
  ($types IS NULL OR ${EVENT_CONDITIONS.types})
  AND ($subTypes IS NULL OR ${EVENT_CONDITIONS.subTypes})
  AND ($from IS NULL OR ${EVENT_CONDITIONS.from})
  AND ($to IS NULL OR ${EVENT_CONDITIONS.to})
  AND ($placeId IS NULL OR ${EVENT_CONDITIONS.placeId})
  AND (($actorId IS NULL AND $role IS NULL) OR EXISTS {
    MATCH (a:Actor)-[p:PARTICIPATED_IN]->(e)
    WHERE ($actorId IS NULL OR a.id = $actorId) AND ($role IS NULL OR p.role = $role)
  })
  AND ($claimStatus IS NULL OR ${EVENT_CONDITIONS.claimStatus})`;

// The most selective filter drives the match: an actor's events, or the events at a place and
// everything inside it (walked down from the place), or the events of a closed time window (index
// seeks on the span, event-span.ts), else all events.
const EVENTS_OF_ACTOR = `
  MATCH (:Actor {id: $actorId})-[p:PARTICIPATED_IN]->(e:Event) WHERE $role IS NULL OR p.role = $role
  WITH DISTINCT e`;
const EVENTS_AT_PLACE = `
  MATCH (:Place {id: $placeId})<-[:LOCATED_IN*0..]-(:Place)<-[:OCCURRED_AT]-(placed:Event)
  ${COUNTED_AT_PLACE_OF('placed')}
  WITH DISTINCT e`;

const EVENT_SORT_KEYS: Record<EventOrderField, { key: string; kind: SortValueKind }> = {
  START_TIME: { key: 'e.startTime', kind: 'datetime' },
  CREATED_AT: { key: 'e.createdAt', kind: 'datetime' },
};

export const eventOrdering = (field: EventOrderField, direction: SortDirection) => `events:${field}:${direction}`;

function eventList(filter: EventFilter): { match: string; conditions: string[] } {
  const byWindow = !filter.actorId && !filter.placeId && Boolean(filter.from) && Boolean(filter.to);
  const match = filter.actorId
    ? EVENTS_OF_ACTOR
    : filter.placeId
      ? EVENTS_AT_PLACE
      : byWindow
        ? EVENTS_IN_WINDOW
        : 'MATCH (e:Event)';
  const conditions = [
    ...(filter.types ? [EVENT_CONDITIONS.types] : []),
    ...(filter.subTypes ? [EVENT_CONDITIONS.subTypes] : []),
    ...(filter.from && !byWindow ? [EVENT_CONDITIONS.from] : []),
    ...(filter.to && !byWindow ? [EVENT_CONDITIONS.to] : []),
    ...(filter.role && !filter.actorId ? [EVENT_CONDITIONS.role] : []),
    ...(filter.placeId && filter.actorId ? [EVENT_CONDITIONS.placeId] : []),
    ...(statusesKept(filter.confirmedOnly, filter.claimStatus) ? [EVENT_CONDITIONS.claimStatus] : []),
  ];
  return { match, conditions };
}

export async function listEvents(
  db: DbScope,
  filter: EventFilter,
  field: EventOrderField,
  direction: SortDirection,
  page: PageParams,
): Promise<Connection<EventObject>> {
  const { from, to } = checkWindow(filter.from, filter.to);
  const query = keysetListQuery({ ...eventList(filter), variable: 'e', ...EVENT_SORT_KEYS[field], direction }, page);
  const rows = await db.read(query, {
    types: filter.types ?? null,
    subTypes: filter.subTypes ?? null,
    from,
    to,
    placeId: filter.placeId ?? null,
    actorId: filter.actorId ?? null,
    role: filter.role ?? null,
    claimStatus: statusesKept(filter.confirmedOnly, filter.claimStatus),
    ...pageQueryParams(page),
  });
  const connection = listConnection(rows, page, (n) => toEvent(nodeProps(n)));
  await requireKnownIdsWhenEmpty(db, connection.totalCount, [
    { id: filter.placeId, labels: ['Place'], field: 'filter.placeId' },
    { id: filter.actorId, labels: ['Actor'], field: 'filter.actorId' },
  ]);
  return connection;
}
