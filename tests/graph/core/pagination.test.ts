import { describe, expect, it } from 'vitest';
import {
  decodeCursor,
  encodeCursor,
  MAX_PAGE_SIZE,
  pageParams,
  toConnection,
} from '../../../src/graph/core/pagination.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return undefined;
};

describe('cursor pagination', () => {
  it('round-trips a cursor: ordering, sort value and id', () => {
    const cursor = encodeCursor('events:START_TIME:ASC', '2023-09-17T12:00:00Z', 'event:lere-camp-attack');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor('events:START_TIME:ASC', cursor)).toEqual({
      value: '2023-09-17T12:00:00Z',
      id: 'event:lere-camp-attack',
    });
    expect(decodeCursor('x', encodeCursor('x', null, 'a'))).toEqual({ value: null, id: 'a' });
  });

  it('refuses a malformed cursor, or one of another ordering, as bad input', () => {
    expect(codeOf(() => pageParams('x', 10, 'not a cursor!'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => pageParams('x', 10, Buffer.from('{"a":1}').toString('base64url')))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => pageParams('x', 10, Buffer.from('[1,2').toString('base64url')))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => pageParams('actors:NAME:ASC', 10, encodeCursor('actors:NAME:DESC', 'CSP', 'actor:csp')))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(() => pageParams('x', 10, encodeCursor('x', 'v', 'id')))).toBeUndefined();
  });

  it('caps first: negative or above the cap is bad input; 0 and the cap are fine', () => {
    expect(codeOf(() => pageParams('x', -1, null))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => pageParams('x', MAX_PAGE_SIZE + 1, null))).toBe('BAD_USER_INPUT');
    expect(pageParams('x', 0, null).limit).toBe(1);
    expect(pageParams('x', MAX_PAGE_SIZE, null).limit).toBe(MAX_PAGE_SIZE + 1);
    expect(pageParams('x', null, null).first).toBe(20);
  });

  it('builds a connection from first + 1 rows: the extra row only says there is a next page', () => {
    const page = pageParams('x', 2, null);
    const rows = ['a', 'b', 'c'].map((id) => ({ node: { id }, sortValue: id, cursorId: id }));
    const full = toConnection(rows, 7, page);
    expect(full.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(full.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(decodeCursor('x', full.pageInfo.endCursor!)).toEqual({ value: 'b', id: 'b' });
    expect(full.totalCount).toBe(7);
    const last = toConnection(rows.slice(0, 2), 7, pageParams('x', 2, full.pageInfo.endCursor));
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
});
