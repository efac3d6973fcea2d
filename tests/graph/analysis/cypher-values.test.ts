/**
 * The analysts' Cypher parameters, alone (no database): JSON in, driver values out, and nesting
 * bounded like an HTTP body's, so an in-process call cannot recurse without end.
 */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { MAX_PARAMS_DEPTH, toCypherParams } from '../../../src/graph/analysis/cypher-values.js';
import { MAX_JSON_DEPTH } from '../../../src/http/guards.js';

/** `{ v: [ { v: [ … 1 … ] } ] }`: `depth` levels of objects and arrays, built without recursion. */
function nested(depth: number): Record<string, unknown> {
  let value: unknown = 1;
  for (let level = depth; level > 1; level -= 1) value = level % 2 === 0 ? [value] : { v: value };
  return { v: value };
}

const codeOf = (params: unknown): string => {
  try {
    toCypherParams(params);
    return 'accepted';
  } catch (e) {
    return String((e as { extensions?: { code?: string } }).extensions?.code ?? e);
  }
};

describe('toCypherParams', () => {
  it('makes whole numbers Cypher integers at any accepted depth, and leaves the rest as is', () => {
    const params = toCypherParams({ n: 3, x: 1.5, s: 'MATCH (n) DETACH DELETE n', list: [2, { m: 4 }], none: null });
    expect(neo4j.isInt(params.n)).toBe(true);
    expect(params.x).toBe(1.5);
    expect(params.s).toBe('MATCH (n) DETACH DELETE n');
    const [two, inner] = params.list as [unknown, { m: unknown }];
    expect(neo4j.isInt(two) && neo4j.isInt(inner.m)).toBe(true);
    expect(params.none).toBeNull();
  });

  it('bounds nesting at the depth the HTTP guard allows', () => {
    expect(MAX_PARAMS_DEPTH).toBe(MAX_JSON_DEPTH);
    expect(codeOf(nested(MAX_PARAMS_DEPTH))).toBe('accepted');
    expect(codeOf(nested(MAX_PARAMS_DEPTH + 1))).toBe('JSON_TOO_DEEP');
  });

  it('refuses very deep params with JSON_TOO_DEEP rather than overflowing the stack', () => {
    expect(codeOf(nested(200_000))).toBe('JSON_TOO_DEEP');
  });

  it('refuses anything but an object', () => {
    expect(codeOf([1])).toBe('BAD_USER_INPUT');
    expect(codeOf('x')).toBe('BAD_USER_INPUT');
    expect(codeOf(undefined)).toBe('accepted');
  });
});
