/**
 * Place reads: by id, the filtered list, and the batch reads behind the nested fields (parent,
 * ancestors, children, and the events at a place or anywhere inside it). LOCATED_IN points from
 * a place to the one it lies in (Léré → Niafunké circle → Timbuktu region → Mali).
 */
import { requireKnownIdsWhenEmpty } from '../core/known-ids.js';
import { alignRows } from '../core/batches.js';
import { COUNTED_AT_PLACE_OF } from '../core/event-place.js';
import type { DbScope } from '../core/database.js';
import { type EventObject, nodeProps, type PlaceObject, toEvent, toPlace } from '../core/mapping.js';
import { normaliseName } from '../../domain/names.js';
import {
  afterCursor,
  type Connection,
  keysetListQuery,
  type PageParams,
  pageQueryParams,
  listConnection,
  connectionsOfParents,
} from '../core/pagination.js';

const PLACES_BY_IDS = `
  UNWIND $ids AS id
  MATCH (p:Place {id: id})
  OPTIONAL MATCH (p)-[:LOCATED_IN]->(parent:Place)
  WITH id, p, min(parent.id) AS parentId
  RETURN id, p, parentId`;

export async function placesByIds(db: DbScope, ids: readonly string[]): Promise<(PlaceObject | null)[]> {
  const rows = await db.read(PLACES_BY_IDS, { ids });
  return alignRows(ids, rows, (row) => ({ ...toPlace(nodeProps(row.get('p'))), parentId: row.get('parentId') }), null);
}

// --- parent --------------------------------------------------------------------------------

// One hop: the place a place lies in (the first by id, as placesByIds reports it) and that
// place's own parent id, so that a `parent { parent }` selection goes on through placeById.
const PARENTS_OF_PLACES = `
  UNWIND $ids AS id
  MATCH (:Place {id: id})-[:LOCATED_IN]->(up:Place)
  WITH id, up ORDER BY up.id
  WITH id, collect(up)[0] AS up
  OPTIONAL MATCH (up)-[:LOCATED_IN]->(upper:Place)
  RETURN id, up, min(upper.id) AS upParentId`;

/** The place each place lies in, or null for a country (or a place not placed yet). */
export async function parentsOfPlaces(db: DbScope, ids: readonly string[]): Promise<(PlaceObject | null)[]> {
  const rows = await db.read(PARENTS_OF_PLACES, { ids });
  return alignRows(
    ids,
    rows,
    (row) => ({ ...toPlace(nodeProps(row.get('up'))), parentId: row.get('upParentId') as string | null }),
    null,
  );
}

// --- hierarchy -----------------------------------------------------------------------------

const HIERARCHY_OF_PLACES = `
  UNWIND $ids AS id
  MATCH (p:Place {id: id})
  CALL (p) {
    OPTIONAL MATCH path = (p)-[:LOCATED_IN*1..]->(ancestor:Place)
    WITH ancestor, length(path) AS depth ORDER BY depth
    RETURN collect(ancestor) AS ancestors
  }
  CALL (p) {
    OPTIONAL MATCH (child:Place)-[:LOCATED_IN]->(p)
    WITH child ORDER BY child.name, child.id
    RETURN collect(child) AS children
  }
  RETURN id, ancestors, children`;

export interface PlaceHierarchy {
  /** From the parent up to the country. */
  ancestors: PlaceObject[];
  children: PlaceObject[];
}

/** Each place's ancestors (nearest first; the first is its parent) and children, in one query. */
export async function hierarchyOfPlaces(db: DbScope, ids: readonly string[]): Promise<PlaceHierarchy[]> {
  const rows = await db.read(HIERARCHY_OF_PLACES, { ids });
  return alignRows(
    ids,
    rows,
    (row) => ({
      ancestors: (row.get('ancestors') as unknown[]).map((n) => toPlace(nodeProps(n))),
      children: (row.get('children') as unknown[]).map((n) => toPlace(nodeProps(n))),
    }),
    { ancestors: [], children: [] },
  );
}

// --- events at a place -----------------------------------------------------------------------

// In time order (the event's time order: its start, unknown starts last, then its id; see
// event-span.ts). A placeless sub-event counts at the place of the larger event it is part of
// (event-place.ts).
function eventsAtPlacesQuery(includeInside: boolean): string {
  const at = `
      MATCH ${includeInside ? '(placed:Event)-[:OCCURRED_AT]->(:Place)-[:LOCATED_IN*0..]->(p)' : '(placed:Event)-[:OCCURRED_AT]->(p)'}
      ${COUNTED_AT_PLACE_OF('placed')}
      WITH DISTINCT e`;
  return `
    UNWIND $ids AS id
    MATCH (p:Place {id: id})
    CALL (p) {
      ${at}
      RETURN count(e) AS total
    }
    CALL (p) {
      ${at}
      WHERE ${afterCursor('e.timeOrder', 'e.id', 'ASC', 'string')}
      WITH e ORDER BY e.timeOrder ASC LIMIT $limit
      RETURN collect({node: e, sortValue: e.timeOrder, cursorId: e.id}) AS page
    }
    RETURN id, total, page`;
}

const EVENTS_AT_PLACES = eventsAtPlacesQuery(false);
const EVENTS_AT_OR_INSIDE_PLACES = eventsAtPlacesQuery(true);

export const placeEventOrdering = 'place-events:TIME_ORDER:ASC';

/** Each place's events (one page per place), at the place itself or anywhere inside it. */
export async function eventsAtPlaces(
  db: DbScope,
  ids: readonly string[],
  includeInside: boolean,
  page: PageParams,
): Promise<Connection<EventObject>[]> {
  const query = includeInside ? EVENTS_AT_OR_INSIDE_PLACES : EVENTS_AT_PLACES;
  const rows = await db.read(query, { ids, ...pageQueryParams(page) });
  return connectionsOfParents(ids, rows, page, (n) => toEvent(nodeProps(n)));
}

// --- the list ------------------------------------------------------------------------------

export interface PlaceFilter {
  kinds?: readonly string[] | null;
  nameContains?: string | null;
  insideId?: string | null;
}

const PLACE_CONDITIONS = {
  kinds: 'p.kind IN $kinds',
  nameContains: `EXISTS {
    MATCH (n:Name)-[:NAMES]->(p) WHERE n.key STARTS WITH 'place:' AND substring(n.key, 6) CONTAINS $needle
  }`,
};
// Inside a place: walk down from it rather than up from every place.
const PLACES_INSIDE = 'MATCH (:Place {id: $insideId})<-[:LOCATED_IN*1..]-(p:Place) WITH DISTINCT p';

export const placeOrdering = 'places:NAME:ASC';

/** Places by name, filtered by kind, name or alias text, and the place they lie in. */
export async function listPlaces(db: DbScope, filter: PlaceFilter, page: PageParams): Promise<Connection<PlaceObject>> {
  const needle = filter.nameContains ? normaliseName(filter.nameContains) : '';
  const conditions = [
    ...(filter.kinds ? [PLACE_CONDITIONS.kinds] : []),
    ...(needle ? [PLACE_CONDITIONS.nameContains] : []),
  ];
  const match = filter.insideId ? PLACES_INSIDE : 'MATCH (p:Place)';
  const query = keysetListQuery(
    { match, variable: 'p', conditions, key: 'p.name', kind: 'string', direction: 'ASC' },
    page,
  );
  const rows = await db.read(query, {
    kinds: filter.kinds ?? null,
    needle,
    insideId: filter.insideId ?? null,
    ...pageQueryParams(page),
  });
  const connection = listConnection(rows, page, (n) => toPlace(nodeProps(n)));
  await requireKnownIdsWhenEmpty(db, connection.totalCount, [
    { id: filter.insideId, labels: ['Place'], field: 'filter.insideId' },
  ]);
  return connection;
}
