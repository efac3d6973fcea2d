/**
 * eventStats: event counts grouped by type, sub-type, actor, place or month, with fatalities
 * summed as a range. An event's range is [low, high], each side falling back on `best` (then on
 * the other side) when missing; an event with no figure at all is counted in `unknownEvents` and
 * adds nothing to the sums — unknown is never zero. A missing group value (no place, no actor, a
 * time that does not fall in one month) is its own bucket, key UNKNOWN. A placeless sub-event counts
 * at the place of the larger event it is part of (event-place.ts). The events are chosen by
 * the same filter as the events list (src/graph/read/event.ts).
 */
import { requireKnownIdsWhenEmpty } from '../core/known-ids.js';
import { statusesKept } from '../core/confirmed.js';
import { isoInstant } from '../core/time-window.js';
import type { DbScope } from '../core/database.js';
import { EVENT_FILTER, type EventFilter } from '../read/event.js';
import { COUNTED_AT_PLACE_OF, PLACE_OF_EVENT } from '../core/event-place.js';

export type EventStatsDimension = 'TYPE' | 'SUB_TYPE' | 'ACTOR' | 'PLACE' | 'MONTH';

export interface FatalitiesRangeObject {
  /** Null when no event of the bucket has a figure: unknown, not zero. */
  low: number | null;
  high: number | null;
  knownEvents: number;
  unknownEvents: number;
}

export interface EventStatsBucketObject {
  key: string;
  label: string;
  count: number;
  fatalities: FatalitiesRangeObject;
}

export const UNKNOWN_KEY = 'UNKNOWN';

/** Each dimension binds `key` and `label` for an event `e`, one row per (event, group). */
const GROUPS: Record<EventStatsDimension, string> = {
  TYPE: `WITH e, e.type AS key, e.type AS label`,
  SUB_TYPE: `WITH e, coalesce(e.subType, '${UNKNOWN_KEY}') AS key, coalesce(e.subType, 'unknown sub-type') AS label`,
  ACTOR: `
    OPTIONAL MATCH (a:Actor)-[:PARTICIPATED_IN]->(e)
    WITH DISTINCT e, a
    WITH e, coalesce(a.id, '${UNKNOWN_KEY}') AS key, coalesce(a.name, 'no known participant') AS label`,
  PLACE: `
    ${PLACE_OF_EVENT('e')}
    WITH e, coalesce(place.id, '${UNKNOWN_KEY}') AS key, coalesce(place.name, 'unknown place') AS label`,
  // The month of an event whose known span lies within one calendar month; otherwise unknown.
  MONTH: `
    WITH e, CASE
      WHEN e.startTime IS NOT NULL
        AND (e.endTime IS NULL OR date.truncate('month', e.endTime) = date.truncate('month', e.startTime))
      THEN toString(date.truncate('month', e.startTime))
    END AS month
    WITH e, coalesce(substring(month, 0, 7), '${UNKNOWN_KEY}') AS key, 'unknown or spanning months' AS label`,
};

/**
 * The most selective part of the filter drives the match, as in the events list: an actor's
 * participations, or the events at a place and everything inside it, else every event.
 */
const DRIVERS = {
  all: 'MATCH (e:Event)',
  actor: 'MATCH (:Actor {id: $actorId})-[:PARTICIPATED_IN]->(e:Event) WITH DISTINCT e',
  place: `MATCH (:Place {id: $placeId})<-[:LOCATED_IN*0..8]-(:Place)<-[:OCCURRED_AT]-(placed:Event)
    ${COUNTED_AT_PLACE_OF('placed')}
    WITH DISTINCT e`,
} as const;
type Driver = keyof typeof DRIVERS;

function statsStatement(dimension: EventStatsDimension, driver: Driver): string {
  const order = dimension === 'MONTH' ? 'key = $unknown, key' : 'count DESC, key';
  return `
    ${DRIVERS[driver]}
    WHERE ${EVENT_FILTER}
    ${GROUPS[dimension]}
    WITH key, label, e,
         coalesce(e.fatalitiesLow, e.fatalitiesBest, e.fatalitiesHigh) AS low,
         coalesce(e.fatalitiesHigh, e.fatalitiesBest, e.fatalitiesLow) AS high
    WITH key, label, count(DISTINCT e) AS count, sum(low) AS low, sum(high) AS high, count(low) AS knownEvents
    RETURN key, label, count,
      CASE WHEN knownEvents > 0 THEN low END AS low, CASE WHEN knownEvents > 0 THEN high END AS high,
      knownEvents, count - knownEvents AS unknownEvents
    ORDER BY ${order}`;
}

const STATS = Object.fromEntries(
  (Object.keys(GROUPS) as EventStatsDimension[]).flatMap((d) =>
    (Object.keys(DRIVERS) as Driver[]).map((driver) => [`${d} ${driver}`, statsStatement(d, driver)]),
  ),
) as Record<`${EventStatsDimension} ${Driver}`, string>;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2023-09" → "Sep 2023" (as time labels read elsewhere, whatever the server's locale). */
function monthLabel(key: string, unknown: string): string {
  if (key === UNKNOWN_KEY) return unknown;
  const [year, month] = key.split('-');
  return `${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

export interface EventFilterInput extends Omit<EventFilter, 'from' | 'to'> {
  from?: string | Date | null;
  to?: string | Date | null;
}

export async function eventStats(
  db: DbScope,
  groupBy: EventStatsDimension,
  filter: EventFilterInput | null | undefined,
): Promise<EventStatsBucketObject[]> {
  const driver: Driver = filter?.actorId ? 'actor' : filter?.placeId ? 'place' : 'all';
  const rows = await db.read(STATS[`${groupBy} ${driver}`], {
    types: filter?.types ?? null,
    subTypes: filter?.subTypes ?? null,
    from: isoInstant(filter?.from),
    to: isoInstant(filter?.to),
    placeId: filter?.placeId ?? null,
    actorId: filter?.actorId ?? null,
    role: filter?.role ?? null,
    claimStatus: statusesKept(filter?.confirmedOnly, filter?.claimStatus),
    unknown: UNKNOWN_KEY,
  });
  await requireKnownIdsWhenEmpty(db, rows.length, [
    { id: filter?.placeId, labels: ['Place'], field: 'filter.placeId' },
    { id: filter?.actorId, labels: ['Actor'], field: 'filter.actorId' },
  ]);
  return rows.map((row) => ({
    key: row.get('key') as string,
    label:
      groupBy === 'MONTH'
        ? monthLabel(row.get('key') as string, row.get('label') as string)
        : (row.get('label') as string),
    count: row.get('count') as number,
    fatalities: {
      low: row.get('low') as number | null,
      high: row.get('high') as number | null,
      knownEvents: row.get('knownEvents') as number,
      unknownEvents: row.get('unknownEvents') as number,
    },
  }));
}
