/**
 * An actor's participations, one page per actor for many actors in one statement, and what a
 * nested selection asks of their events read in that same statement: the events' places and
 * their parents, the events' claims and those claims' evidence, each with only the properties
 * selected. It is kept on the objects read (AHEAD), where the resolvers of those levels find it
 * (src/resolvers/read-ahead.ts plans the read from the selection and answers from it), so the
 * frontend's nested query does not wait for one round trip per level.
 */
import neo4j from 'neo4j-driver';
import { PLACE_OF_EVENT } from '../core/event-place.js';
import { alignRows, argumentKey } from '../core/batches.js';
import { type EvidencePart, type EvidenceProperties, evidenceOfClaim, toEvidenceParts } from './claim.js';
import type { DbScope } from '../core/database.js';
import { statementVariants } from '../core/statement-variants.js';
import {
  AHEAD,
  type ActorObject,
  type EventObject,
  NODE_MAP,
  type ParticipationObject,
  type PlaceObject,
  keepAhead,
  PROJECTED_MAP,
  toActor,
  toClaim,
  toEvent,
  toFactEdge,
  toPlace,
} from '../core/mapping.js';
import {
  afterCursor,
  emptyConnection,
  type PageMaybeCounted,
  type PageParams,
  pageQueryParams,
  toConnection,
  toPage,
} from '../core/pagination.js';

/**
 * What a participations batch reads besides the page, as the client's selection asks: the total
 * only when `totalCount` is selected, and the next levels of a nested selection (the events'
 * places and their parents, the events' claims and their evidence) in the same statement, so a
 * nested query does not wait for one round trip per level. What is read along the way is kept on
 * the objects read (AHEAD), with only the properties the selection asks for at each level.
 */
export interface ParticipationReads {
  totalCount: boolean;
  /** Each event's place (and the id of the place it lies in). */
  places: boolean;
  /** Each place's parent (and the id of the parent's parent), with `places`. */
  parents: boolean;
  /** Each event's claims, filtered as Event.claims filters them; null: not read here. */
  claims: { statuses: readonly string[] | null; includeRetracted: boolean } | null;
  /** The parts of each claim's evidence selected, with `claims`. */
  evidence: readonly EvidencePart[];
  /** The properties to read at each level (see propertiesFor); absent or null: whole nodes. */
  properties?: LevelProperties;
}

/** The properties read of the events, their places, the places' parents, claims and evidence. */
export interface LevelProperties {
  event: readonly string[] | null;
  place: readonly string[] | null;
  parent: readonly string[] | null;
  claim: readonly string[] | null;
  evidence: EvidenceProperties;
}

const WHOLE: LevelProperties = { event: null, place: null, parent: null, claim: null, evidence: {} };

/** The page and its total, nothing further: what a caller that does not look ahead gets. */
export const PAGE_AND_TOTAL: ParticipationReads = {
  totalCount: true,
  places: false,
  parents: false,
  claims: null,
  evidence: [],
};

// In time order: by the event's time order (its start, unknown starts last, then its id: one
// property, see event-span.ts), then the participation's own element id (an actor with two roles
// in one event): together they name one participation. Not the role: reading a relationship
// property for every participation of a busy actor, to sort them, costs as much as the rest of the
// page (3,058 participations: 5.1 → 3.5 ms of Neo4j CPU); the time order instead of the start and
// the id reads one property per participation instead of two (12,240 → 9,193 db hits).
const EVENT_ORDER = 'e.timeOrder ASC';
const PARTICIPATION_ORDER = `${EVENT_ORDER}, elementId(p) ASC`;
// Strictly after the cursor ($afterValue: the event's time order, $afterId: the participation's
// element id).
const AFTER_PARTICIPATION = afterCursor('e.timeOrder', 'elementId(p)', 'ASC', 'string');

const PARTICIPATIONS_TOTAL = `
  CALL (a) {
    MATCH (a)-[p:PARTICIPATED_IN]->(:Event) WHERE $role IS NULL OR p.role = $role
    RETURN count(p) AS total
  }`;

// An event's place is its own or its larger event's (event-place.ts), the first by id, and a place's parent the first by id, as placesOfEvents and
// placesByIds read them; the place read carries its parent's id, as placesByIds reports it. The
// parent's own parent is not looked up here: a selection that goes one level higher asks the
// parent's parent in one batched hop (Place.parent), as it would by the parent's id.
function placeOfEvent(withParent: boolean, properties: LevelProperties): string {
  const parentRead = withParent
    ? `, parent: CASE WHEN up IS NULL THEN null ELSE {node: ${PROJECTED_MAP('up', 'Place', properties.parent)}} END`
    : '';
  return `
  CALL (e) {
    ${PLACE_OF_EVENT('e')}
    OPTIONAL MATCH (place)-[:LOCATED_IN]->(up:Place)
    WITH place, placeInherited, up ORDER BY up.id LIMIT 1
    RETURN CASE WHEN place IS NULL THEN null ELSE {node: ${PROJECTED_MAP('place', 'Place', properties.place)}, parentId: up.id, inherited: placeInherited${parentRead}} END AS place
  }`;
}

// The claims ABOUT an event, in the order they were added, as claimsOfEvents reads them.
const CLAIMS_OF_EVENT_FILTER = `
    MATCH (c:Claim)-[:ABOUT]->(e)
    WHERE ($claimStatuses IS NULL OR c.status IN $claimStatuses)
      AND ($includeRetracted OR NOT coalesce(c.retracted, false))`;
function claimsOfEvent(parts: readonly EvidencePart[], properties: LevelProperties): string {
  const evidence = evidenceOfClaim(parts, properties.evidence);
  return `
  CALL (e) {
    ${CLAIMS_OF_EVENT_FILTER}
    ${evidence.calls}
    WITH c, ${evidence.map} AS evidence ORDER BY c.createdAt, c.id
    RETURN collect({node: ${PROJECTED_MAP('c', 'Claim', properties.claim)}, evidence: evidence}) AS claims
  }`;
}

// The page in two passes. The first orders every participation of the actor by its event alone
// and keeps the page's events: every participation before the page's last one belongs to an event
// of the page, whatever its element id, since the events come first in the order. The second
// takes those events' participations again (a handful of edges, both ends known) and orders them
// in full. The element id, a string built per row, is built for the page's rows only, not for
// each of a busy actor's thousands of participations.
const PAGE_OF_PARTICIPATIONS = (where: string) => `
      MATCH (a)-[p:PARTICIPATED_IN]->(e:Event)
      ${where}
      WITH e ORDER BY ${EVENT_ORDER} LIMIT $limit
      WITH DISTINCT e
      MATCH (a)-[p:PARTICIPATED_IN]->(e)
      ${where}
      WITH p, e ORDER BY ${PARTICIPATION_ORDER} LIMIT $limit`;

/** Which predicates the page needs: a role, and a cursor (the first page has none). */
interface PageShape {
  role: boolean;
  cursor: boolean;
}

const EDGE_MAP = (p: string) => `{role: ${p}.role, claimIds: ${p}.claimIds, status: ${p}.status}`;

// The page's rows are fetched with one more (`limit` = first + 1) to know whether a next page
// exists. With a nested read, that row's place, parent, claims and evidence would be read for
// nothing (a tenth of the nested work of a page of ten): the rows are collected in order with what
// their order already read (the event's start and id), the nested reads run over the page's rows
// only, kept in that order by their position, and the row past them is only counted (`more`).
function participationsStatement(reads: ParticipationReads, shape: PageShape): string {
  const where = [shape.role ? 'p.role = $role' : null, shape.cursor ? AFTER_PARTICIPATION : null].filter(Boolean);
  const properties = reads.properties ?? WHOLE;
  const place = reads.places ? placeOfEvent(reads.parents, properties) : '';
  const claims = reads.claims ? claimsOfEvent(reads.evidence, properties) : '';
  const node = PROJECTED_MAP('e', 'Event', properties.event);
  const item = `node: ${node}, sortValue: e.timeOrder, cursorId: elementId(p)`;
  const pageOfRows =
    reads.places || reads.claims
      ? `
      WITH collect({p: p, e: e, ${item}}) AS rows
      CALL (rows) {
        UNWIND range(0, size(rows[..$first]) - 1) AS i
        WITH i, rows[i] AS row, rows[i].e AS e
        ${place}
        ${claims}
        WITH * ORDER BY i
        RETURN collect({
          edge: ${EDGE_MAP('row.p')}, node: row.node, sortValue: row.sortValue, cursorId: row.cursorId,
          place: ${reads.places ? 'place' : 'null'}, claims: ${reads.claims ? 'claims' : 'null'}
        }) AS page
      }
      RETURN page, size(rows) > $first AS more`
      : `
      WITH * ORDER BY ${PARTICIPATION_ORDER}
      WITH collect({edge: ${EDGE_MAP('p')}, ${item}, place: null, claims: null}) AS page
      RETURN page, null AS more`;
  return `
    UNWIND $ids AS id
    MATCH (a:Actor {id: id})
    ${reads.totalCount ? PARTICIPATIONS_TOTAL : 'WITH id, a, null AS total'}
    CALL (a) {
      ${PAGE_OF_PARTICIPATIONS(where.length > 0 ? `WHERE ${where.join(' AND ')}` : '')}
      ${pageOfRows}
    }
    RETURN id, ${NODE_MAP('a', 'Actor')} AS a, total, page, more`;
}

// A handful of variants (which reads and predicates are on).
const statementFor = statementVariants(
  ({ reads, shape }: { reads: ParticipationReads; shape: PageShape }) => [
    shape.role,
    shape.cursor,
    reads.totalCount,
    reads.places,
    reads.parents,
    reads.claims !== null,
    ...reads.evidence,
    JSON.stringify(reads.properties ?? WHOLE),
  ],
  ({ reads, shape }) => participationsStatement(reads, shape),
);

// Named for what the cursor holds: a cursor of an earlier order (start, event id, edge) is refused.
export const participationOrdering = 'participations:TIME_ORDER,EDGE:ASC';

/**
 * The pages of a batch. What was read along the way (the events' places, parents, claims and
 * evidence) is on the objects of the pages, under AHEAD.
 */
export interface ParticipationsBatch {
  /** Per id, in the ids' order: the actor (null when there is none) and its page. */
  pages: { actor: ActorObject | null; connection: PageMaybeCounted<ParticipationObject> }[];
}

/** A node as NODE_MAP returns it: its properties. */
type Props = Record<string, unknown>;

interface PageItem {
  edge: Props;
  node: Props;
  sortValue: string | null;
  cursorId: string;
  place: { node: Props; parentId: string | null; inherited: boolean; parent?: { node: Props } | null } | null;
  claims: { node: Props; evidence: unknown }[] | null;
}

// A place read without its parent's id (a parent read ahead) leaves parentId out: Place.parent
// then asks one hop up.
const placeOf = (read: { node: Props; parentId?: string | null }): PlaceObject => ({
  ...toPlace(read.node),
  parentId: read.parentId,
});

/** Each actor's participations (one page per actor), optionally in one role only, and what `reads` asks. */
export async function participationsWithReads(
  db: DbScope,
  ids: readonly string[],
  role: string | null,
  page: PageParams,
  reads: ParticipationReads,
): Promise<ParticipationsBatch> {
  const rows = await db.read(statementFor({ reads, shape: { role: role !== null, cursor: page.afterId !== null } }), {
    ids,
    role,
    claimStatuses: reads.claims?.statuses ?? null,
    includeRetracted: reads.claims?.includeRetracted ?? false,
    ...pageQueryParams(page),
    first: neo4j.int(page.first),
  });
  const claimsFilter = argumentKey(reads.claims);
  type ActorPage = ParticipationsBatch['pages'][number];
  const missing: ActorPage = { actor: null, connection: emptyConnection<ParticipationObject>(page) };
  const pages = alignRows(
    ids,
    rows,
    (row): ActorPage => {
      const actor = toActor(row.get('a') as Props);
      const items = (row.get('page') as PageItem[]).map((item) => {
        const event = toEvent(item.node);
        const ahead: NonNullable<EventObject[typeof AHEAD]> = {};
        if (reads.places) {
          const read = item.place;
          const parent = read?.parent ? placeOf(read.parent) : null;
          const place = read ? placeOf(read) : null;
          if (place && reads.parents) keepAhead(place, { parent });
          ahead.place = place;
          ahead.placeInherited = read?.inherited ?? false;
        }
        if (item.claims) {
          const claims = item.claims.map((claim) => {
            const object = toClaim(claim.node);
            if (reads.evidence.length > 0) keepAhead(object, toEvidenceParts(claim.evidence));
            return object;
          });
          ahead.claims = { args: claimsFilter, value: claims };
        }
        keepAhead(event, ahead);
        return {
          node: {
            __typename: 'Participation' as const,
            ...toFactEdge(item.edge),
            role: String(item.edge.role),
            actor,
            event,
          },
          sortValue: item.sortValue,
          cursorId: item.cursorId,
        };
      });
      const total = row.get('total') as number | null;
      // Null: the row past the page was fetched with the page's rows (items holds it).
      const more = (row.get('more') as boolean | null) ?? undefined;
      return {
        actor,
        connection: total === null ? toPage(items, page, more) : toConnection(items, total, page, more),
      };
    },
    missing,
  );
  return { pages };
}

/** Each actor's participations (one page per actor, with its total), optionally in one role only. */
export async function participationsOfActors(
  db: DbScope,
  ids: readonly string[],
  role: string | null,
  page: PageParams,
): Promise<PageMaybeCounted<ParticipationObject>[]> {
  const batch = await participationsWithReads(db, ids, role, page, PAGE_AND_TOTAL);
  return batch.pages.map((p) => p.connection);
}
