/**
 * timeline: the events of an actor (those it took part in, in any role) or of a place (those that
 * occurred there or anywhere inside it), in a time window, in time order — the start, unknown
 * starts last, then id, as the other event lists — paged by keyset cursor. Each event carries its
 * time precision (EventObject.time), so "17 Sep 2023, afternoon" is not read as an instant.
 */
import neo4j from 'neo4j-driver';
import { badInput } from '../../errors.js';
import type { DbScope } from '../database.js';
import { nodeProps, toEvent, type EventObject } from '../mapping.js';
import {
  afterCursor,
  emptyConnection,
  pageParams,
  pageQueryParams,
  pageRows,
  toConnection,
  type Connection,
} from '../pagination.js';
import { checkWindow, EVENT_IN_WINDOW } from './filter.js';
import { domainLabelOf } from './view.js';

export const timelineOrdering = 'timeline:START_TIME:ASC';

// A place's events include those of the places inside it; the gazetteer is a shallow tree
// (camp → town → circle → region → country), so the LOCATED_IN chain is bounded generously.
const SUBJECT_EVENTS = {
  Actor: `
    MATCH (:Actor {id: $subjectId})-[link:PARTICIPATED_IN]->(e:Event)`,
  Place: `
    MATCH (e:Event)-[link:OCCURRED_AT]->(:Place)-[:LOCATED_IN*0..8]->(:Place {id: $subjectId})`,
} as const;

function timelineStatement(subject: keyof typeof SUBJECT_EVENTS): string {
  const events = `
    ${SUBJECT_EVENTS[subject]}
    WHERE ${EVENT_IN_WINDOW('e')} AND (NOT $confirmedOnly OR link.status = 'CORROBORATED')
    WITH DISTINCT e`;
  return `
    CALL () { ${events} RETURN count(e) AS total }
    CALL () {
      ${events}
      WHERE ${afterCursor('e.startTime', 'e.id', 'ASC', 'datetime')}
      WITH e ORDER BY e.startTime ASC, e.id ASC LIMIT $limit
      RETURN collect({node: e, sortValue: toString(e.startTime), cursorId: e.id}) AS page
    }
    RETURN total, page`;
}

const TIMELINE = { Actor: timelineStatement('Actor'), Place: timelineStatement('Place') };

export interface TimelineRequest {
  subjectId: string;
  from?: string | Date | null;
  to?: string | Date | null;
  confirmedOnly?: boolean | null;
  first?: number | null;
  after?: string | null;
}

export async function timeline(db: DbScope, request: TimelineRequest): Promise<Connection<EventObject>> {
  const page = pageParams(timelineOrdering, request.first, request.after);
  const window = checkWindow(request.from, request.to);
  const label = await domainLabelOf(db, request.subjectId);
  if (label !== 'Actor' && label !== 'Place') {
    throw badInput(
      `"${request.subjectId}" is ${label === 'Event' ? 'an' : 'a'} ${label.toLowerCase()}: a timeline follows an actor or a place.`,
      'subjectId',
    );
  }
  const rows = await db.read(TIMELINE[label], {
    subjectId: request.subjectId,
    confirmedOnly: request.confirmedOnly === true,
    ...window,
    ...pageQueryParams(page),
    // LIMIT takes an integer; a JavaScript number travels as a float.
    limit: neo4j.int(page.limit),
  });
  const row = rows[0];
  if (!row) return emptyConnection(page);
  return toConnection(
    pageRows(row.get('page'), (n) => toEvent(nodeProps(n))),
    row.get('total') as number,
    page,
  );
}
