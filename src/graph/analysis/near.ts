/**
 * eventsNear: events whose place lies within a radius of a point or of a named place, in a time
 * window, nearest first. The distance predicate on Place.location is answered by the point index
 * place_location (a range seek, pinned by a test on the plan); events are then reached through
 * their OCCURRED_AT edge, and a placeless sub-event through its larger event's (event-place.ts). A
 * place without coordinates has no distance and is never near.
 */
import neo4j from 'neo4j-driver';
import { badInput } from '../../errors.js';
import type { DbScope } from '../core/database.js';
import { eventProperties, PROJECTED_MAP, type Props, toEvent, type EventObject } from '../core/mapping.js';
import { statementVariants } from '../core/statement-variants.js';
import { SPAN_OVERLAPS } from '../core/event-span.js';
import { COUNTED_AT_PLACE_OF } from '../core/event-place.js';
import { checkEventsFilter, type GraphFilterInput } from './filter.js';
import { domainLabelOf } from './view.js';

export const MAX_RADIUS_KM = 2_000;
export const MAX_NEAR_RESULTS = 200;

export interface EventAtDistanceObject {
  event: EventObject;
  distanceKm: number;
}

export interface NearRequest {
  point?: { latitude: number; longitude: number } | null;
  placeId?: string | null;
  radiusKm: number;
  /** The window, the place link's statuses (confirmedOnly) and event types; relationKinds does not apply. */
  filter?: GraphFilterInput | null;
  /** Deprecated spellings of filter.from, filter.to and filter.confirmedOnly. */
  from?: string | Date | null;
  to?: string | Date | null;
  confirmedOnly?: boolean | null;
  first?: number | null;
}

const PLACE_CENTER = `
  MATCH (p:Place {id: $placeId})
  RETURN p.location.latitude AS latitude, p.location.longitude AS longitude`;

/**
 * `point($center)` is a runtime constant, so the planner seeks the point index with it. The
 * events carry `properties` (one statement per selection of event fields).
 */
export const eventsNearStatement = statementVariants(
  (properties: readonly string[]) => [properties.join(' ')],
  (properties) => `
  WITH point({latitude: $center.latitude, longitude: $center.longitude}) AS center
  MATCH (p:Place) WHERE point.distance(p.location, center) <= $meters
  MATCH (placed:Event)-[o:OCCURRED_AT]->(p) WHERE $statuses IS NULL OR o.status IN $statuses
  ${COUNTED_AT_PLACE_OF('placed')}
  WITH e, p, center WHERE ${SPAN_OVERLAPS('e')} AND ($eventTypes IS NULL OR e.type IN $eventTypes)
  WITH e, min(point.distance(p.location, center)) AS meters
  ORDER BY meters, e.id
  LIMIT $first
  RETURN ${PROJECTED_MAP('e', 'Event', properties)} AS event, meters`,
);

async function centerOf(db: DbScope, request: NearRequest): Promise<{ latitude: number; longitude: number }> {
  if (request.point) return request.point;
  const placeId = request.placeId as string;
  const row = (await db.read(PLACE_CENTER, { placeId }))[0];
  if (!row) {
    const label = await domainLabelOf(db, placeId, 'placeId');
    throw badInput(
      `"${placeId}" is ${label === 'Actor' ? 'an' : 'a'} ${label.toLowerCase()}, not a place: pass a place id or a point.`,
      'placeId',
    );
  }
  const latitude = row.get('latitude') as number | null;
  if (latitude === null) {
    throw badInput(`The place "${placeId}" has no known location: pass a point instead.`, 'placeId');
  }
  return { latitude, longitude: row.get('longitude') as number };
}

/**
 * The events near the centre, nearest first, in one statement (two when the centre is a place:
 * its location first). The events carry the properties of `eventFields`, the Event fields the
 * selection asks for ('time.start' …; null: all), as eventProperties reads them.
 */
export async function eventsNear(
  db: DbScope,
  request: NearRequest,
  eventFields: ReadonlySet<string> | null = null,
): Promise<EventAtDistanceObject[]> {
  if (Boolean(request.point) === Boolean(request.placeId)) {
    throw badInput('Give either a point or a placeId as the centre, not both and not neither.', 'point');
  }
  if (!(request.radiusKm > 0 && request.radiusKm <= MAX_RADIUS_KM)) {
    throw badInput(`radiusKm must be more than 0 and at most ${MAX_RADIUS_KM}.`, 'radiusKm');
  }
  const first = request.first ?? 50;
  if (!Number.isInteger(first) || first < 0 || first > MAX_NEAR_RESULTS) {
    throw badInput(`first must be between 0 and ${MAX_NEAR_RESULTS}; narrow the radius or the window.`, 'first');
  }
  const { params } = checkEventsFilter(request, 'eventsNear');
  const center = await centerOf(db, request);
  const properties = eventProperties(eventFields);
  const rows = await db.read(eventsNearStatement(properties), {
    center,
    meters: request.radiusKm * 1000,
    first: neo4j.int(first),
    ...params,
  });
  return rows.map((row) => ({
    event: toEvent(row.get('event') as Props),
    distanceKm: Math.round((row.get('meters') as number) / 10) / 100,
  }));
}
