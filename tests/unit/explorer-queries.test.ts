/**
 * Every GraphQL document the explorer sends is valid against schema/*.graphql and passes the
 * server's query limits with room to spare, so a schema change or a tighter limit that would break
 * the page breaks this test first. The documents are taken as sent: each operation that
 * explorer/src/queries.ts exports, in the text codegen wrote for it (its fragments appended), and
 * the edge claims query built at run time, at its smallest and largest.
 */
import { buildSchema, Kind, parse, specifiedRules, validate, type GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { queryLimitRules, queryParseOptions } from '../../src/http/query-limits.js';
import { loadTypeDefs } from '../../src/server.js';
import * as generated from '../../explorer/src/generated/graphql.js';
import * as queries from '../../explorer/src/queries.js';

const { TypedDocumentString } = generated;

/** The operations among some values (the shared fragments are none), by name. */
function operations(values: unknown[]): [string, string][] {
  return values.flatMap((value) => {
    if (!(value instanceof TypedDocumentString)) return [];
    const text = value.toString();
    const operation = parse(text).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    return operation ? [[operation.name?.value ?? '(anonymous)', text] as [string, string]] : [];
  });
}

/** queries.ts's exports, and the documents grouped under them (MORE_CLAIMS, NODE_DETAILS). */
const exported = operations(
  Object.values(queries).flatMap((value: unknown) =>
    typeof value === 'object' && value && !(value instanceof TypedDocumentString) ? Object.values(value) : [value],
  ),
);

const documents: Record<string, string> = {
  ...Object.fromEntries(exported),
  'ExplorerEdgeClaims (most)': queries.edgeClaimsQuery(queries.MAX_EDGE_CLAIMS).toString(),
  'ExplorerEdgeClaims (one)': queries.edgeClaimsQuery(1).toString(),
};

const schema = buildSchema(loadTypeDefs());

function errorsUnder(limits: ReturnType<typeof loadConfig>['limits'], text: string): readonly GraphQLError[] {
  return validate(schema, parse(text, queryParseOptions(limits)), [...specifiedRules, ...queryLimitRules(limits)]);
}

describe("the explorer's GraphQL documents", () => {
  const defaults = loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:7687' }).limits;
  // A margin for the limits to tighten, or the page to grow: half the default cost and token
  // budgets, and three levels under the default depth (a fragment spread counts as two levels).
  const tighter = {
    ...defaults,
    maxCost: defaults.maxCost / 2,
    maxTokens: defaults.maxTokens / 2,
    maxDepth: defaults.maxDepth - 3,
  };

  it('are all here: every operation codegen wrote is one queries.ts exports', () => {
    const written = operations(Object.values(generated)).map(([name]) => name);
    expect(exported.map(([name]) => name).sort()).toEqual(written.sort());
    expect(written).toContain('ExplorerEvent'); // both lists empty would pass the line above
  });

  for (const [name, text] of Object.entries(documents)) {
    it(`${name}: valid, and within the default query limits with room to spare`, () => {
      expect(errorsUnder(defaults, text).map((e) => e.message)).toEqual([]);
      expect(errorsUnder(tighter, text).map((e) => e.message)).toEqual([]);
    });
  }

  it('a limit the documents exceed is reported (the check can fail)', () => {
    const tiny = { ...defaults, maxCost: 10 };
    expect(errorsUnder(tiny, queries.NODE_DETAILS.EVENT.toString()).length).toBeGreaterThan(0);
  });
});
