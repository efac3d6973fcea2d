/**
 * Relay cursor pagination by keyset, not SKIP: a cursor is the opaque base64url of
 * [ordering, sort value, id] of the last row seen, and the next page starts strictly after it
 * (`k > $v OR (k = $v AND id > $id)`), so a deep page costs what the first one does and rows
 * inserted meanwhile neither repeat nor vanish. Pages fetch `first + 1` rows to know whether
 * there is a next page; the total is counted in the same query.
 */
import neo4j, { type Integer } from 'neo4j-driver';
import { badInput } from '../../errors.js';
import { alignRows } from './batches.js';
import type { Row } from './database.js';

/** The largest page a client may ask for: a bigger list is paged. */
export const MAX_PAGE_SIZE = 100;

export type SortDirection = 'ASC' | 'DESC';
/** How a sort key compares: DateTime keys travel as strings and are compared as datetimes. */
export type SortValueKind = 'datetime' | 'string';

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** One page of a Relay connection, without its total. */
export interface Page<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
}

export interface Connection<T> extends Page<T> {
  totalCount: number;
}

/** A connection whose total is counted only when the client selects it (never read otherwise). */
export type PageMaybeCounted<T> = Page<T> & { totalCount?: number };

/** The page a client asked for, checked: `limit` rows to fetch, and where to start. */
export interface PageParams {
  first: number;
  limit: number;
  afterValue: string | number | null;
  afterId: string | null;
  /** Names the ordering: a cursor of another ordering is refused. */
  ordering: string;
}

/** A fetched row and the key it sorts by. */
export interface PageRow<T> {
  node: T;
  sortValue: string | number | null;
  cursorId: string;
}

export function encodeCursor(ordering: string, value: string | number | null, id: string): string {
  return Buffer.from(JSON.stringify([ordering, value, id]), 'utf8').toString('base64url');
}

const badCursor = () =>
  badInput(
    'That cursor is not valid for this list. Pass the endCursor of a page of the same list and ordering, or omit `after` to start from the first page.',
    'after',
  );

export function decodeCursor(ordering: string, cursor: string): { value: string | number | null; id: string } {
  let decoded: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw badCursor();
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(decoded) || decoded.length !== 3) throw badCursor();
  const [tag, value, id] = decoded as unknown[];
  if (tag !== ordering || typeof id !== 'string') throw badCursor();
  if (value !== null && typeof value !== 'string' && typeof value !== 'number') throw badCursor();
  return { value, id };
}

/** Checks `first` and `after`; refuses a negative or too large page and a foreign cursor. */
export function pageParams(
  ordering: string,
  first: number | null | undefined,
  after: string | null | undefined,
): PageParams {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badInput(
      `\`first\` must be between 0 and ${MAX_PAGE_SIZE}; page through longer lists with \`after\`.`,
      'first',
    );
  }
  const cursor = after ? decodeCursor(ordering, after) : null;
  return { first: size, limit: size + 1, afterValue: cursor?.value ?? null, afterId: cursor?.id ?? null, ordering };
}

/** The Cypher parameters of a page: `$limit` (an integer: LIMIT refuses a float), `$afterValue`, `$afterId`. */
export function pageQueryParams(page: PageParams): {
  limit: Integer;
  afterValue: string | number | null;
  afterId: string | null;
} {
  return { limit: neo4j.int(page.limit), afterValue: page.afterValue, afterId: page.afterId };
}

/** One page of rows (fetched with `limit` = first + 1) as a Relay connection. */
export function toConnection<T>(
  rows: readonly PageRow<T>[],
  totalCount: number,
  page: PageParams,
  more?: boolean,
): Connection<T> {
  return { ...toPage(rows, page, more), totalCount };
}

/**
 * One page of rows (fetched with `limit` = first + 1), its total not counted. `more`: whether a
 * row lies past the page, when the statement counted it rather than returning it.
 */
export function toPage<T>(rows: readonly PageRow<T>[], page: PageParams, more = rows.length > page.first): Page<T> {
  const kept = rows.slice(0, page.first);
  const edges = kept.map((row) => ({
    cursor: encodeCursor(page.ordering, row.sortValue, row.cursorId),
    node: row.node,
  }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: more,
      // Forward-only paging: there is a previous page exactly when the client came from one.
      hasPreviousPage: page.afterId !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** An empty connection, for a parent that no longer exists. */
export function emptyConnection<T>(page: PageParams): Connection<T> {
  return toConnection<T>([], 0, page);
}

/**
 * The keyset condition "strictly after the cursor" for `ORDER BY key <direction>, id <direction>`,
 * as Cypher over `$afterValue` / `$afterId` (true when there is no cursor). Neo4j sorts null as
 * the largest value (last ascending, first descending), and optional keys (an event's start) are
 * null sometimes, so the condition places nulls as the ORDER BY does.
 */
export function afterCursor(
  key: string,
  id: string,
  direction: SortDirection,
  kind: SortValueKind,
  /** Where the id part is more than one key: "strictly after" and "strictly before" on them. */
  tie: { after: string; before: string } = { after: `${id} > $afterId`, before: `${id} < $afterId` },
): string {
  const value = kind === 'datetime' ? 'datetime($afterValue)' : '$afterValue';
  if (direction === 'ASC') {
    return `($afterId IS NULL
      OR ($afterValue IS NULL AND ${key} IS NULL AND ${tie.after})
      OR ($afterValue IS NOT NULL AND (${key} IS NULL OR ${key} > ${value} OR (${key} = ${value} AND ${tie.after}))))`;
  }
  return `($afterId IS NULL
      OR ($afterValue IS NULL AND (${key} IS NOT NULL OR ${tie.before}))
      OR ($afterValue IS NOT NULL AND ${key} IS NOT NULL AND (${key} < ${value} OR (${key} = ${value} AND ${tie.before}))))`;
}

/** How a sort key travels in a cursor: DateTimes as their full-precision string. */
export function sortValueOf(key: string, kind: SortValueKind): string {
  return kind === 'datetime' ? `toString(${key})` : key;
}

/** The `page` column of a list query (a list of {node, sortValue, cursorId} maps) as page rows. */
export function pageRows<T>(page: unknown, map: (node: unknown) => T): PageRow<T>[] {
  return (page as { node: unknown; sortValue: string | number | null; cursorId: string }[]).map((item) => ({
    node: map(item.node),
    sortValue: item.sortValue,
    cursorId: item.cursorId,
  }));
}

/** The answer of a keysetListQuery (one row: `total`, `page`) as a connection. */
export function listConnection<T>(rows: readonly Row[], page: PageParams, map: (node: unknown) => T): Connection<T> {
  const row = rows[0];
  if (!row) return emptyConnection(page);
  return toConnection(pageRows(row.get('page'), map), row.get('total') as number, page);
}

/** Rows of `RETURN id, total, page`, one per parent, as each parent's connection in the ids' order. */
export function connectionsOfParents<T>(
  ids: readonly string[],
  rows: readonly Row[],
  page: PageParams,
  map: (node: unknown) => T,
): Connection<T>[] {
  return alignRows(
    ids,
    rows,
    (row) => toConnection(pageRows(row.get('page'), map), row.get('total') as number, page),
    emptyConnection(page),
  );
}

/** A keyset-paged list: what to match, the filter conditions in use, and the sort key. */
export interface ListQuery {
  /** A MATCH (possibly ending in `WITH DISTINCT <variable>`) binding `variable`. */
  match: string;
  variable: string;
  /** Cypher conditions over the variable; only the filters in use, so the plan stays simple. */
  conditions: readonly string[];
  key: string;
  kind: SortValueKind;
  direction: SortDirection;
}

/**
 * The statement of one page and the total, in one round trip: the count and the page are two
 * subqueries over the same match. Statements are assembled from the module's named fragments,
 * with values always as parameters; the keyset condition is left out of a first page.
 */
export function keysetListQuery(list: ListQuery, page: PageParams): string {
  const { match, variable: v, conditions, key, kind, direction } = list;
  const where = (cs: readonly string[]) => (cs.length ? `WHERE ${cs.join('\n        AND ')}` : '');
  const paged = page.afterId === null ? conditions : [...conditions, afterCursor(key, `${v}.id`, direction, kind)];
  return `
    CALL () {
      ${match}
      ${where(conditions)}
      RETURN count(${v}) AS total
    }
    CALL () {
      ${match}
      ${where(paged)}
      WITH ${v} ORDER BY ${key} ${direction}, ${v}.id ${direction} LIMIT $limit
      RETURN collect({node: ${v}, sortValue: ${sortValueOf(key, kind)}, cursorId: ${v}.id}) AS page
    }
    RETURN total, page`;
}
