/**
 * eventStats: event counts grouped by type, sub-type, actor, place or month, with fatalities as a
 * range. An event's own range is the range of its KILLED figures across claimants, stored on it
 * by the write path (src/graph/write/figures.ts, the rule in src/domain/figures.ts); the bucket's
 * low adds each event's low and its high each event's high — events add up, claimants never do.
 * An event with no number at all is counted in `unknownEvents` and adds nothing; a bucket with no
 * number has null low and high — unknown is never zero. Beside it, each claimant's own range over
 * the bucket's events it gives figures for (`fatalitiesByClaimant`). A missing group value (no
 * place, no actor, a time that does not fall in one month) is its own bucket, key UNKNOWN. The
 * events are chosen by the same filter as the events list (src/graph/read/event.ts). A placeless
 * sub-event counts at the place of the larger event it is part of (core/event-place.ts).
 */
import { requireKnownIdsWhenEmpty } from '../core/known-ids.js';
import { statusesKept } from '../core/confirmed.js';
import { COUNTED_AT_PLACE_OF, PLACE_OF_EVENT } from '../core/event-place.js';
import { isoInstant } from '../core/time-window.js';
import type { DbScope } from '../core/database.js';
import { EVENT_FILTER, type EventFilter } from '../read/event.js';
import { type ActorObject, NODE_MAP, type Props, toActor } from '../core/mapping.js';
import { claimantRanges, type CountedFigure } from '../../domain/figures.js';

export type EventStatsDimension = 'TYPE' | 'SUB_TYPE' | 'ACTOR' | 'PLACE' | 'MONTH';

export interface FatalitiesRangeObject {
  low: number | null;
  high: number | null;
  knownEvents: number;
  unknownEvents: number;
}

export interface ClaimantFatalitiesObject extends FatalitiesRangeObject {
  claimant: ActorObject | null;
}

export interface EventStatsBucketObject {
  key: string;
  label: string;
  count: number;
  fatalities: FatalitiesRangeObject;
  fatalitiesByClaimant: ClaimantFatalitiesObject[];
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
    CALL (e) {
      MATCH (e)<-[:OF_EVENT]-(f:Figure {kind: 'KILLED'})<-[:STATES]-(c:Claim)
      WHERE NOT coalesce(c.retracted, false)
      OPTIONAL MATCH (c)-[:ASSERTED_BY]->(a:Actor)
      RETURN collect({kind: f.kind, low: f.low, high: f.high, best: f.best, approximate: f.approximate,
                      claimId: c.id, claimantId: a.id, claimant: ${NODE_MAP('a', 'Actor')}}) AS figures
    }
    WITH key, label, count(DISTINCT e) AS count, sum(low) AS low, sum(high) AS high, count(low) AS knownEvents,
         collect(CASE WHEN size(figures) > 0 THEN figures END) AS figuresByEvent
    RETURN key, label, count, CASE WHEN knownEvents > 0 THEN low END AS low,
           CASE WHEN knownEvents > 0 THEN high END AS high, knownEvents, count - knownEvents AS unknownEvents,
           figuresByEvent
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

type StatsFigure = CountedFigure & { claimant: Props | null };

/** Each claimant's KILLED range summed over the events it gives figures for (per event, domain/figures.ts). */
function byClaimant(figuresByEvent: readonly StatsFigure[][]): ClaimantFatalitiesObject[] {
  const claimants = new Map<string, ClaimantFatalitiesObject>();
  for (const figures of figuresByEvent) {
    for (const range of claimantRanges(figures, 'KILLED')) {
      const key = range.claimantId ?? '';
      let total = claimants.get(key);
      if (!total) {
        const props = figures.find((f) => f.claimantId === range.claimantId)?.claimant;
        total = { claimant: props ? toActor(props) : null, low: null, high: null, knownEvents: 0, unknownEvents: 0 };
        claimants.set(key, total);
      }
      if (range.low === null) total.unknownEvents += 1;
      else {
        total.knownEvents += 1;
        total.low = (total.low ?? 0) + range.low;
        total.high = (total.high ?? 0) + (range.high ?? range.low);
      }
    }
  }
  return [...claimants.values()].sort((a, b) => (a.claimant?.name ?? '').localeCompare(b.claimant?.name ?? ''));
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
      low: row.get('low') === null ? null : Number(row.get('low')),
      high: row.get('high') === null ? null : Number(row.get('high')),
      knownEvents: row.get('knownEvents') as number,
      unknownEvents: row.get('unknownEvents') as number,
    },
    fatalitiesByClaimant: byClaimant(row.get('figuresByEvent') as StatsFigure[][]),
  }));
}
