import { describe, expect, it } from 'vitest';
import { checkBoundedIteration } from '../../../src/graph/analysis/cypher-bounds.js';
import { tokenize } from '../../../src/graph/analysis/cypher-guard.js';

const check =
  (query: string, params: Record<string, unknown> = {}) =>
  () =>
    checkBoundedIteration(tokenize(query), params);

// Each of these kept a core of Neo4j 5.26 busy for minutes past a 3 s timeout, or would: the
// list comes from collect(), split() or a pattern comprehension, so the text cannot size it.
const COLLECTED = 'UNWIND range(1, 2000000) AS x WITH collect(x) AS xs';

describe('iteration over a list the text does not size', () => {
  it.each([
    [
      'reduce() growing a string',
      `${COLLECTED} RETURN size(reduce(s = '', y IN xs | s + 'aaaaaaaaaa')) AS n`,
      /reduce\(\) runs over a list built in the query/,
    ],
    [
      'reduce() over split()',
      "WITH reduce(s = 'a', x IN range(1, 22) | s + s) AS big RETURN size(reduce(t = '', c IN split(big, '') | t + c))",
      /reduce\(\)/,
    ],
    ['reduce() from a variable', `${COLLECTED}, [] AS start RETURN reduce(l = start, y IN xs | l + [y])`, /reduce\(\)/],
    [
      'reduce() over a pattern comprehension',
      "MATCH (h:Actor) RETURN reduce(s = '', x IN [(h)--(m) | m.name] | s + x)",
      /reduce\(\)/,
    ],
    [
      'a comprehension in a comprehension',
      `${COLLECTED} RETURN size([a IN xs | size([b IN xs WHERE b < a])])`,
      /a list comprehension inside a list comprehension/,
    ],
    [
      'a quantifier in a comprehension',
      `${COLLECTED} RETURN size([a IN xs WHERE any(b IN xs WHERE b = -a)])`,
      /any\(\) inside a list comprehension/,
    ],
    [
      'a bounded range() inside',
      `${COLLECTED} RETURN size([a IN xs | reduce(t = 0, y IN range(1, 10000) | t + y * a)])`,
      /reduce\(\) inside a list comprehension/,
    ],
    [
      'a list comprehension over a sized list around one that is not',
      `${COLLECTED} RETURN [i IN range(1, 100) | size([x IN xs WHERE x > i])]`,
      /inside a list comprehension/,
    ],
    ['a parameter list too long to size', 'RETURN [a IN $xs | [b IN $xs | a * b]]', /inside a list comprehension/],
  ])('refuses %s', (_what, query, message) => {
    const xs = Array.from({ length: 20_000 }, (_, i) => i);
    expect(check(query, { xs })).toThrow(message);
    try {
      check(query, { xs })();
    } catch (error) {
      expect((error as { extensions: unknown }).extensions).toMatchObject({ code: 'QUERY_UNBOUNDED' });
    }
  });

  it.each([
    ['one linear pass: a numeric reduce()', `${COLLECTED} RETURN reduce(t = 0, y IN xs | t + y) AS n`],
    ['one linear pass: a comprehension', `${COLLECTED} RETURN size([a IN xs WHERE a % 2 = 0 | toString(a)]) AS n`],
    ['a quantifier alone', `${COLLECTED} RETURN any(a IN xs WHERE a = 7) AS found`],
    [
      'a path summed',
      'MATCH p = (a:Actor)-[*1..3]-(b:Actor) RETURN reduce(w = 0, r IN relationships(p) | w + 1) AS hops',
    ],
    [
      'a path string inside a collected list',
      "MATCH p = (a:Actor)--(b) WITH collect(p) AS ps RETURN [q IN ps | reduce(s = '', n IN nodes(q) | s + n.id)]",
    ],
    ['a literal list', "RETURN reduce(s = '', x IN ['a', 'b', 'c'] | s + x) AS abc"],
    ['a sized parameter', "RETURN reduce(s = '', x IN $names | s + x) AS all", { names: ['a', 'b'] }],
    ['a bounded range', "RETURN size(reduce(s = '', x IN range(1, 5000) | s + 'ab')) AS n"],
    ['a pattern comprehension', 'MATCH (h:Actor) RETURN [(h)--(m) | [(m)--(k) | k.id]] AS around'],
    ['a property called reduce', 'MATCH (a) RETURN a.reduce, [x IN a.list | x] AS xs'],
  ])('lets %s through', (_what, query, params: Record<string, unknown> = {}) => {
    expect(check(query, params)).not.toThrow();
  });
});
