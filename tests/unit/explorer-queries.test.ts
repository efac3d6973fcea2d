/**
 * Every GraphQL document the explorer sends is valid against schema/*.graphql and passes the
 * server's query limits with room to spare, so a schema change or a tighter limit that would break
 * the page breaks this test first.
 */
import { buildSchema, parse, specifiedRules, validate, type GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { queryLimitRules, queryParseOptions } from '../../src/http/query-limits.js';
import { loadTypeDefs } from '../../src/server.js';
import * as queries from '../../explorer/src/queries.js';

const documents: Record<string, string> = {
  search: queries.SEARCH,
  neighbourhood: queries.NEIGHBOURHOOD,
  pathBetween: queries.PATH_BETWEEN,
  'more claims about a node': queries.MORE_CLAIMS.ABOUT,
  "more of a source's claims": queries.MORE_CLAIMS.SOURCE,
  addClaim: queries.ADD_CLAIM,
  'edge claims (most)': queries.edgeClaimsQuery(queries.MAX_EDGE_CLAIMS),
  'edge claims (one)': queries.edgeClaimsQuery(1),
  ...Object.fromEntries(Object.entries(queries.NODE_DETAILS).map(([type, text]) => [`${type} details`, text])),
};

const schema = buildSchema(loadTypeDefs());

function errorsUnder(limits: ReturnType<typeof loadConfig>['limits'], text: string): readonly GraphQLError[] {
  return validate(schema, parse(text, queryParseOptions(limits)), [...specifiedRules, ...queryLimitRules(limits)]);
}

describe("the explorer's GraphQL documents", () => {
  const defaults = loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:7687' }).limits;
  // Half the default cost and token budgets: a margin for the limits to tighten, or the page to grow.
  const halved = { ...defaults, maxCost: defaults.maxCost / 2, maxTokens: defaults.maxTokens / 2 };

  for (const [name, text] of Object.entries(documents)) {
    it(`${name}: valid, and within half the default query limits`, () => {
      expect(errorsUnder(defaults, text).map((e) => e.message)).toEqual([]);
      expect(errorsUnder(halved, text).map((e) => e.message)).toEqual([]);
    });
  }

  it('a limit the documents exceed is reported (the check can fail)', () => {
    const tiny = { ...defaults, maxCost: 10 };
    expect(errorsUnder(tiny, queries.NODE_DETAILS.EVENT).length).toBeGreaterThan(0);
  });
});
