/**
 * timeline: the events of an actor (those it took part in, in any role) or of a place (those that
 * occurred there or anywhere inside it), in a time window, in time order — the start, unknown
 * starts last, then id, as the other event lists — paged by keyset cursor. Each event carries its
 * time precision (EventObject.time), so "17 Sep 2023, afternoon" is not read as an instant.
 */
import { badInput, notFound } from '../../errors.js';
import { requireKnownIds } from '../core/known-ids.js';
import type { DbScope } from '../core/database.js';
import {
  domainLabel,
  eventProperties,
  NODE_LABELS,
  PROJECTED_MAP,
  type Props,
  toEvent,
  type EventObject,
} from '../core/mapping.js';
import {
  afterCursor,
  pageParams,
  pageQueryParams,
  toConnection,
  toPage,
  type PageMaybeCounted,
} from '../core/pagination.js';
import { SPAN_OVERLAPS } from '../core/event-span.js';
import { COUNTED_AT_PLACE_OF } from '../core/event-place.js';
import { statementVariants } from '../core/statement-variants.js';
import { checkEventsFilter, type GraphFilterInput } from './filter.js';
import { DOMAIN_NODE_BY_ID } from '../read/node.js';

export const timelineOrdering = 'timeline:TIME_ORDER:ASC';

// The subject is found by id under any domain label and its events matched in the same statement,
// one branch per label it may have: an actor's participations, or the events at a place or
// anywhere inside it (a placeless sub-event at its larger event's place, event-place.ts; the link
// is then the larger event's). The gazetteer is a shallow tree (camp → town → circle → region → country),
// so the LOCATED_IN chain is bounded generously. Another label matches no branch: the statement
// still returns the subject's labels, to say what it is.
// Only the predicates a request uses are in its statement: on a busy actor each one is evaluated
// for thousands of events (a window, confirmed links only, a cursor).
interface TimelineShape {
  total: boolean;
  window: boolean;
  /** The link's statuses (confirmedOnly or claimStatus, confirmed.ts). */
  statuses: boolean;
  eventTypes: boolean;
  cursor: boolean;
  /** The event properties read (eventProperties): one read each, where a list parameter read two. */
  properties: readonly string[];
}

function subjectEvents(shape: TimelineShape): string {
  const where = (link: string) => {
    const conditions = [
      shape.window ? SPAN_OVERLAPS('e') : null,
      shape.statuses ? `${link}.status IN $statuses` : null,
      shape.eventTypes ? 'e.type IN $eventTypes' : null,
    ].filter(Boolean);
    return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  };
  return `
  CALL (n) {
    MATCH (n:Actor)-[link:PARTICIPATED_IN]->(e:Event)
    ${where('link')}
    RETURN e
    UNION
    MATCH (n:Place)<-[:LOCATED_IN*0..8]-(:Place)<-[link:OCCURRED_AT]-(placed:Event)
    ${COUNTED_AT_PLACE_OF('placed')}
    WITH e, link
    ${where('link')}
    RETURN e
  }`;
}

function timelineStatement(shape: TimelineShape): string {
  // The total is a second pass over the events, so it is counted only when it is asked for.
  const total = shape.total
    ? `CALL (n) {
    ${subjectEvents(shape)}
    RETURN count(e) AS total
  }`
    : 'WITH n, null AS total';
  return `
    ${DOMAIN_NODE_BY_ID('subjectId')}
    WITH n LIMIT 1
    ${total}
    CALL (n) {
      ${subjectEvents(shape)}
      ${shape.cursor ? `WITH e WHERE ${afterCursor('e.timeOrder', 'e.id', 'ASC', 'string')}` : ''}
      WITH e ORDER BY e.timeOrder ASC LIMIT $limit
      RETURN collect({node: ${PROJECTED_MAP('e', 'Event', shape.properties)}, sortValue: e.timeOrder, cursorId: e.id}) AS page
    }
    RETURN labels(n) AS labels, total, page`;
}

// Thirty-two variants per selection of event fields at most.
const statementFor = statementVariants(
  (shape: TimelineShape) => [
    shape.total,
    shape.window,
    shape.statuses,
    shape.eventTypes,
    shape.cursor,
    shape.properties.join(' '),
  ],
  timelineStatement,
);

export interface TimelineRequest {
  subjectId: string;
  /** The window, the link's statuses (confirmedOnly) and event types; relationKinds does not apply. */
  filter?: GraphFilterInput | null;
  /** Deprecated spellings of filter.from, filter.to and filter.confirmedOnly. */
  from?: string | Date | null;
  to?: string | Date | null;
  confirmedOnly?: boolean | null;
  first?: number | null;
  after?: string | null;
}

/** What a selection reads of a timeline: the total, and the Event fields ('time.start' …; null: all). */
export interface TimelineReads {
  totalCount: boolean;
  eventFields: ReadonlySet<string> | null;
}

/**
 * One page of the subject's events, in one statement. The total is counted only when asked for,
 * and the events carry the properties of the fields asked for (see eventProperties).
 */
export async function timeline(
  db: DbScope,
  request: TimelineRequest,
  reads: TimelineReads = { totalCount: true, eventFields: null },
): Promise<PageMaybeCounted<EventObject>> {
  const page = pageParams(timelineOrdering, request.first, request.after);
  const { params } = checkEventsFilter(request, 'a timeline');
  const properties = eventProperties(reads.eventFields);
  const shape: TimelineShape = {
    total: reads.totalCount,
    window: params.from !== null || params.to !== null,
    statuses: params.statuses !== null,
    eventTypes: params.eventTypes !== null,
    cursor: page.afterId !== null,
    properties,
  };
  const rows = await db.read(statementFor(shape), {
    subjectId: request.subjectId,
    ...params,
    ...pageQueryParams(page),
  });
  const row = rows[0];
  const label = row ? domainLabel(row.get('labels') as string[]) : null;
  if (!row || !label) {
    await requireKnownIds(db, [{ id: request.subjectId, labels: NODE_LABELS, field: 'subjectId' }]);
    throw notFound('actor, place, event, source or claim', request.subjectId, { field: 'subjectId' });
  }
  if (label !== 'Actor' && label !== 'Place') {
    throw badInput(
      `"${request.subjectId}" is ${label === 'Event' ? 'an' : 'a'} ${label.toLowerCase()}: a timeline follows an actor or a place.`,
      'subjectId',
    );
  }
  const nodes = (row.get('page') as { node: Props; sortValue: string | null; cursorId: string }[]).map(
    ({ node, sortValue, cursorId }) => ({ node: toEvent(node), sortValue, cursorId }),
  );
  const total = row.get('total') as number | null;
  return total === null ? toPage(nodes, page) : toConnection(nodes, total, page);
}
