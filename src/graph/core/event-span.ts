/**
 * An event's span as three indexed properties, so that a time window is an index seek rather
 * than a scan. An event lies in a window when its span overlaps it; an unknown start or end is
 * open on that side. Stored as:
 *   spanStart  the start, or SPAN_MIN when unknown
 *   spanEnd    the end, or SPAN_MAX when unknown
 *   spanDays   whole days from start to end when both are known, else absent
 * so "overlaps [from, to]" is `spanStart <= to AND spanEnd >= from`, with no IS NULL to defeat the
 * index. For a closed window the match runs as three index seeks: events of known span start no
 * earlier than `from` minus the longest known span (itself read from the spanDays index, one
 * entry), those of unknown start (spanStart = SPAN_MIN), those of unknown end (spanEnd = SPAN_MAX).
 * Every writer of startTime/endTime sets the span with SET_EVENT_SPAN; migrations.ts fills it in
 * for events written before it existed.
 *
 * The same clause stores the event's place in time order, `timeOrder` (TIME_ORDER): its start
 * (unknown starts last), then its id, as one string. Lists of an actor's or a place's events in
 * time order sort on it, one property read per event where `ORDER BY e.startTime, e.id` reads two:
 * sorting every participation of a busy actor to keep a page is most of the nested query's work.
 */

// The far past and future, a hundred million years away: within the range Neo4j 5.26's range
// indexes order correctly. Its own extremes (years ±999,999,999) are stored and matched by
// equality, but a range seek (`spanEnd >= $from`) misses them, so an event of unknown end was
// left out of a window whenever the planner chose that seek.
export const SPAN_MIN = '-100000000-01-01T00:00:00Z';
export const SPAN_MAX = '+100000000-12-31T23:59:59.999999999Z';

/**
 * Cypher: `e`'s time order, the order of `ORDER BY e.startTime ASC, e.id ASC` (unknown starts
 * last) as one string: the start in epoch milliseconds, offset so that starts back to the 12th
 * century BC stay positive, zero-padded to 15 digits; '~' (after every digit) for an unknown
 * start; then '|' and the id. Starts within one millisecond are ordered by id.
 */
export const TIME_ORDER = (e: string): string =>
  `CASE WHEN ${e}.startTime IS NULL THEN '~'
     ELSE right('000000000000000' + toString(${e}.startTime.epochMillis + 100000000000000), 15) END + '|' + ${e}.id`;

/**
 * Sets `e`'s span and time order from its startTime, endTime and id; run after they are set (a
 * clause of its own).
 */
export const SET_EVENT_SPAN = (e: string): string => `
  SET ${e}.timeOrder = ${TIME_ORDER(e)},
      ${e}.spanStart = coalesce(${e}.startTime, datetime('${SPAN_MIN}')),
      ${e}.spanEnd = coalesce(${e}.endTime, datetime('${SPAN_MAX}')),
      ${e}.spanDays = CASE WHEN ${e}.startTime IS NULL OR ${e}.endTime IS NULL THEN null
                           ELSE duration.inDays(${e}.startTime, ${e}.endTime).days END`;

/**
 * `e` overlaps the window ($from and $to, ISO strings, each optional): a filter on an `e` already
 * matched (an actor's or a place's events, a path's events).
 */
export const SPAN_OVERLAPS = (e: string): string =>
  `(($from IS NULL OR ${e}.spanEnd >= datetime($from)) AND ($to IS NULL OR ${e}.spanStart <= datetime($to)))`;

/** The two sides of the window as conditions on `e`, for lists that match their events otherwise. */
export const SPAN_FROM = 'e.spanEnd >= datetime($from)';
export const SPAN_TO = 'e.spanStart <= datetime($to)';

/**
 * Matches, as `e`, the events overlapping a closed window ($from and $to both given) by three
 * index seeks bounded by the window, for lists driven by the window alone. Ends in `WITH e`, so a
 * WHERE can follow.
 */
export const EVENTS_IN_WINDOW = `
  CALL () {
    OPTIONAL MATCH (longest:Event) WHERE longest.spanDays IS NOT NULL
    WITH longest ORDER BY longest.spanDays DESC LIMIT 1
    RETURN coalesce(longest.spanDays, 0) + 1 AS longestDays
  }
  CALL (longestDays) {
    MATCH (e:Event)
    WHERE e.spanStart >= datetime($from) - duration({days: longestDays})
      AND ${SPAN_TO} AND ${SPAN_FROM}
    RETURN e
    UNION
    MATCH (e:Event) WHERE e.spanStart = datetime('${SPAN_MIN}') AND ${SPAN_FROM}
    RETURN e
    UNION
    MATCH (e:Event) WHERE e.spanEnd = datetime('${SPAN_MAX}') AND ${SPAN_TO}
    RETURN e
  }
  WITH e`;

/** What SET_EVENT_SPAN stores, for a writer that runs no Cypher (a first load's importer files). */
export interface EventSpanValues {
  timeOrder: string;
  spanStart: string;
  spanEnd: string;
  spanDays: number | null;
}

const DAY_MS = 86_400_000;
// A UTC time or one with a numeric offset, as the bulk path's writers give them: what Date.parse
// reads exactly as Neo4j's datetime() does (no named zone, no year beyond four digits).
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * SET_EVENT_SPAN's values for an event of these times (ISO strings) and id, computed here; null
 * when a time is one this cannot read as datetime() reads it (the span migration then stores it).
 * tests/graph/core/event-span.int.test.ts holds the two to the same values.
 */
export function eventSpanValues(startTime: string | null, endTime: string | null, id: string): EventSpanValues | null {
  if ((startTime !== null && !ISO_INSTANT.test(startTime)) || (endTime !== null && !ISO_INSTANT.test(endTime)))
    return null;
  // Below a millisecond Neo4j's epochMillis truncates, as Date.parse does.
  const start = startTime === null ? null : Date.parse(startTime);
  const end = endTime === null ? null : Date.parse(endTime);
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  return {
    timeOrder: `${
      start === null
        ? '~'
        : String(start + 100_000_000_000_000)
            .padStart(15, '0')
            .slice(-15)
    }|${id}`,
    spanStart: startTime ?? SPAN_MIN,
    spanEnd: endTime ?? SPAN_MAX,
    // duration.inDays counts whole days, towards zero.
    spanDays: start === null || end === null ? null : Math.trunc((end - start) / DAY_MS),
  };
}
