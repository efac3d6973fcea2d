/**
 * Query limits over HTTP: each limit refuses with its own code and a message that states the
 * limit, before anything runs; an operation within every limit runs. Batches are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_LOAD_TIMEOUT_MS, loadArticle } from '../support/graph.js';
import { startTestServer, type TestServer } from '../support/server.js';

const LIMITS = {
  QUERY_MAX_DEPTH: '6',
  QUERY_MAX_COST: '400',
  QUERY_MAX_ALIASES: '5',
  QUERY_MAX_TOKENS: '300',
  QUERY_MAX_DIRECTIVES: '4',
};

/** actor → memberOf → actor → … : each hop adds two levels. */
function nested(hops: number): string {
  let inner = 'id';
  for (let i = 0; i < hops; i++) inner = `memberOf { actor { ${inner} } }`;
  return `query { actor(id: "actor:csp") { ${inner} } }`;
}

const aliases = (n: number) =>
  `query { ${Array.from({ length: n }, (_, i) => `a${i}: node(id: "actor:csp") { id }`).join(' ')} }`;
const directives = (n: number) =>
  `query { ${Array.from({ length: n }, () => '__typename @include(if: true)').join(' ')} }`;
const tokens = (n: number) => `query { ${Array.from({ length: n }, () => '__typename').join(' ')} }`;

describe('query limits', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer(LIMITS);
    await loadArticle(api.server.db);
  }, ARTICLE_LOAD_TIMEOUT_MS);
  afterAll(async () => {
    await api.stop();
  });

  it('runs an operation that stays within every limit', async () => {
    const result = await api.gql(nested(2)); // depth 5
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ actor: { memberOf: expect.any(Array) } });
  });

  it.each([
    ['depth', nested(3), 'QUERY_TOO_DEEP', 6],
    [
      'cost',
      /* GraphQL */ `query Actors { actors(first: 100) { nodes { claimsAbout(first: 100) { nodes { id text } } } } }`,
      'QUERY_TOO_COSTLY',
      400,
    ],
    ['aliases', aliases(6), 'TOO_MANY_ALIASES', 5],
    ['directives', directives(5), 'TOO_MANY_DIRECTIVES', 4],
    ['tokens', tokens(400), 'TOO_MANY_TOKENS', 300],
  ])('refuses an operation over the %s limit with %s, naming the limit', async (_what, query, code, limit) => {
    const result = await api.gql(query);
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    const error = result.errors![0]!;
    expect(error.extensions).toEqual({ code, limit });
    expect(error.message).toMatch(new RegExp(`\\b${limit}\\b.*limit|limit is ${limit}\\b`));
  });

  it('accepts exactly the limit and refuses one more (aliases, directives)', async () => {
    expect((await api.gql(aliases(5))).errors).toBeUndefined();
    expect((await api.gql(directives(4))).errors).toBeUndefined();
    expect((await api.gql(aliases(6))).errors?.[0]?.extensions?.code).toBe('TOO_MANY_ALIASES');
    expect((await api.gql(directives(5))).errors?.[0]?.extensions?.code).toBe('TOO_MANY_DIRECTIVES');
  });

  it('measures every operation of a document, not only the one that runs', async () => {
    const result = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({
        query: `query Small { __typename } ${nested(3).replace('query', 'query Deep')}`,
        operationName: 'Small',
      }),
    });
    const body = (await result.json()) as { errors?: { extensions: { code: string } }[] };
    expect(result.status).toBe(400);
    expect(body.errors?.[0]?.extensions.code).toBe('QUERY_TOO_DEEP');
  });

  it('refuses a batch of operations in one request with BATCHING_DISABLED', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { query: /* GraphQL */ `query Typename { __typename }` },
        { query: /* GraphQL */ `query Typename2 { __typename }` },
      ]),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BATCHING_DISABLED');
    expect(body.errors[0]?.message).toMatch(/one operation per request/);
  });
});
