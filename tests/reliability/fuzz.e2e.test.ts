/**
 * Bad input, property-based (fast-check): queries, variables, mutation inputs and raw HTTP bodies
 * a hostile or clumsy client could send. Whatever arrives, the server answers with a well-formed
 * response — JSON with `data` or a non-empty `errors` list whose entries carry a message and a
 * code — never a 5xx, never INTERNAL_SERVER_ERROR, and it keeps serving. Text that looks like
 * Cypher is stored and returned verbatim, never executed.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashKey, newKey } from '../../src/auth.js';
import { countGraph, resetGraph } from '../support/graph.js';
import { startTestServer, type TestServer } from '../support/server.js';

vi.setConfig({ testTimeout: 600_000 });

const RESEARCHER = newKey();
const ANALYST = newKey();
const BODY_LIMIT_BYTES = 64 * 1024;
/** Cases run per property; the total is printed at the end. */
const RUNS = 150;
let cases = 0;

interface Reply {
  status: number;
  contentType: string;
  text: string;
  body?: unknown;
}

async function request(
  api: TestServer,
  init: { method?: string; headers?: Record<string, string>; body?: string | Blob; search?: string },
): Promise<Reply> {
  const response = await fetch(`${api.url}/graphql${init.search ?? ''}`, {
    method: init.method ?? 'POST',
    headers: init.headers,
    body: init.body,
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, contentType, text, body };
}

const postJson = (api: TestServer, payload: unknown, key?: string, accept?: string) =>
  request(api, {
    headers: {
      'content-type': 'application/json',
      ...(accept ? { accept } : {}),
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify(payload),
  });

/** The contract every reply keeps, whatever was sent. */
function expectWellFormed(reply: Reply): void {
  expect(reply.status, reply.text.slice(0, 500)).toBeLessThan(500);
  if (reply.status === 204) return; // a CORS preflight answer: no body by definition
  expect(reply.contentType, reply.text.slice(0, 200)).toMatch(/^application\/(graphql-response\+)?json/);
  const body = reply.body as { data?: unknown; errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
  expect(typeof body, reply.text.slice(0, 200)).toBe('object');
  expect('data' in body || 'errors' in body, reply.text.slice(0, 200)).toBe(true);
  if (body.errors !== undefined) {
    expect(Array.isArray(body.errors) && body.errors.length > 0).toBe(true);
    for (const error of body.errors) {
      expect(typeof error.message).toBe('string');
      expect(typeof error.extensions?.code).toBe('string');
      expect(error.extensions?.code, error.message as string).not.toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(error)).not.toMatch(/stacktrace|Neo4jError|\bat .+\.(ts|js):\d+/);
    }
  }
}

// GraphQL-ish token soup: names from the schema, punctuation, literals and variables.
const TOKENS = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ':',
  '$',
  '@',
  '...',
  '!',
  '=',
  '|',
  '&',
  ',',
  'query',
  'mutation',
  'subscription',
  'fragment',
  'on',
  'node',
  'actor',
  'actors',
  'claims',
  'claim',
  'events',
  'place',
  'id',
  'name',
  'text',
  '__typename',
  '__schema',
  '__type',
  'first',
  'after',
  'filter',
  'addClaim',
  'input',
  'include',
  'skip',
  'if',
  'true',
  'false',
  'null',
  '"x"',
  '"""block"""',
  '0',
  '-1',
  '1e999',
  '2147483648',
  'Actor',
  'Claim',
  'Node',
  '$id',
  'ID',
  'String',
  'Int',
  '#c\n',
];
const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(' '));
const anyQuery = fc.oneof(tokenSoup, fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 }));

// Strings a Cypher-injection attempt would use, and plain hostile text.
const CYPHER_PIECES = [
  "'",
  '"',
  '`',
  '})',
  ']-(',
  ' MATCH (n) DETACH DELETE n',
  ' RETURN 1 //',
  ' WITH 1 AS x CALL db.clearQueryCaches()',
  '/*',
  '*/',
  '$sourceIds',
  '{id: "x"}',
  ' UNION MATCH (s:Source) SET s.title = "pwned"',
  '\\u0027',
  ';',
  ' CREATE (:Actor {id: "actor:injected"})',
  'LOAD CSV FROM "file:///etc/passwd" AS l RETURN l',
];
const cypherLike = fc
  .array(fc.oneof(fc.constantFrom(...CYPHER_PIECES), fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''))
  .map((s) => s.trim())
  .filter((s) => s.length > 0 && s.length <= 1_000);

describe('bad input never breaks the server', () => {
  let api: TestServer;
  let nodesBefore = 0;
  // Fuzzed variables make hundreds of GraphQL errors per request, and under Vitest each error's
  // stack is mapped through the test runner's source maps, which made a run take many minutes.
  // The stacks are never shown to a client and not under test here: capture none.
  const stackTraceLimit = Error.stackTraceLimit;
  beforeAll(async () => {
    Error.stackTraceLimit = 0;
    api = await startTestServer({
      BODY_LIMIT: `${BODY_LIMIT_BYTES / 1024}kb`,
      // Generous: on a busy machine a cold engine is slow, and slowness is not what this tests.
      TX_TIMEOUT_MS: '60000',
      REQUEST_TIMEOUT_MS: '90000',
      API_KEYS: `fuzz-researcher:researcher:${hashKey(RESEARCHER)},fuzz-analyst:analyst:${hashKey(ANALYST)}`,
    });
    await resetGraph(api.server.db);
    const source = await api.gql(
      /* GraphQL */ `mutation AddSource { addSource(input: {id: "source:fuzz", kind: ARTICLE, title: "Fuzz source"}) { id } }`,
      {},
      RESEARCHER,
    );
    expect(source.errors, JSON.stringify(source.errors)).toBeUndefined();
    nodesBefore = (await countGraph(api.server.db)).nodes;
  });
  afterAll(async () => {
    console.log(`[fuzz] ${cases} generated cases run`);
    Error.stackTraceLimit = stackTraceLimit;
    await api.stop();
  });

  it('answers any query text with a coded error or data', async () => {
    await fc.assert(
      fc.asyncProperty(anyQuery, fc.option(fc.string({ maxLength: 20 })), async (query, operationName) => {
        cases += 1;
        expectWellFormed(await postJson(api, { query, ...(operationName === null ? {} : { operationName }) }));
      }),
      { numRuns: RUNS },
    );
  });

  it('answers any variables, of any shape, with a coded error or data', async () => {
    const query = /* GraphQL */ `query Q($id: ID!, $first: Int, $filter: ActorFilter, $claims: ClaimFilter) {
      node(id: $id) { id }
      actors(first: $first, filter: $filter) { totalCount nodes { id name } }
      claims(filter: $claims, first: 3) { totalCount }
    }`;
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('id', 'first', 'filter', 'claims', 'x'), fc.jsonValue()),
        async (variables) => {
          cases += 1;
          expectWellFormed(await postJson(api, { query, variables }));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('answers any addClaim input with a coded error or the claim, and writes nothing it refused', async () => {
    const ref = fc.record(
      {
        id: fc.option(fc.string({ maxLength: 30 })),
        name: fc.option(fc.string({ maxLength: 30 })),
        kind: fc.option(fc.constantFrom('ARMED_GROUP', 'STATE', 'NOPE')),
      },
      { requiredKeys: [] },
    );
    const input = fc.record(
      {
        text: fc.oneof(fc.string({ maxLength: 50 }), fc.jsonValue()),
        assertedBy: fc.oneof(ref, fc.jsonValue()),
        sourceIds: fc.oneof(
          fc.constant(['source:fuzz']),
          fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
          fc.jsonValue(),
        ),
        quote: fc.option(fc.string({ maxLength: 50 })),
        idempotencyKey: fc.option(fc.string({ maxLength: 30 })),
        events: fc.option(
          fc.array(
            fc.dictionary(fc.constantFrom('type', 'place', 'participants', 'fatalities', 'time', 'id'), fc.jsonValue()),
            { maxLength: 2 },
          ),
        ),
        about: fc.option(fc.jsonValue()),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        cases += 1;
        const before = await countGraph(api.server.db);
        const reply = await postJson(
          api,
          {
            query: /* GraphQL */ `mutation A($input: AddClaimInput!) { addClaim(input: $input) { id text } }`,
            variables: { input: value },
          },
          RESEARCHER,
        );
        expectWellFormed(reply);
        const body = reply.body as { data?: { addClaim?: unknown } | null };
        if (!body.data?.addClaim) expect(await countGraph(api.server.db)).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('stores text that looks like Cypher verbatim and returns it verbatim, executing none of it', async () => {
    await fc.assert(
      fc.asyncProperty(cypherLike, cypherLike, async (text, actorName) => {
        cases += 1;
        const added = await api.gql<{
          addClaim: { id: string; text: string; quote: string; assertedBy: { name: string } };
        }>(
          /* GraphQL */ `mutation A($input: AddClaimInput!) { addClaim(input: $input) { id text quote assertedBy { name } } }`,
          {
            input: {
              text,
              quote: text,
              assertedBy: { name: actorName, kind: 'ARMED_GROUP' },
              sourceIds: ['source:fuzz'],
            },
          },
          RESEARCHER,
        );
        if (added.errors) {
          // A name that is ambiguous or already names another kind is a fair refusal; a crash is not.
          expect(added.errors[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
          return;
        }
        expect(added.data?.addClaim.text).toBe(text);
        expect(added.data?.addClaim.quote).toBe(text);
        expect(added.data?.addClaim.assertedBy.name).toBe(actorName);
        const read = await api.gql<{ claim: { text: string } }>(
          /* GraphQL */ `query R($id: ID!) { claim(id: $id) { text } }`,
          {
            id: added.data?.addClaim.id,
          },
        );
        expect(read.data?.claim.text).toBe(text);
      }),
      { numRuns: RUNS },
    );
    // Nothing the texts say was done: the source is intact and no injected actor exists.
    const source = await api.gql<{ node: { title: string } | null }>(
      /* GraphQL */ `query Node { node(id: "source:fuzz") { ... on Source { title } } }`,
    );
    expect(source.data?.node?.title).toBe('Fuzz source');
    expect(
      (await api.gql<{ node: unknown }>(/* GraphQL */ `query Node2 { node(id: "actor:injected") { id } }`)).data?.node,
    ).toBeNull();
    expect((await countGraph(api.server.db)).nodes).toBeGreaterThan(nodesBefore);
  });

  it('answers raw HTTP of any method, content type and body with a well-formed reply', async () => {
    const contentType = fc.option(
      fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'application/json; charset=latin1',
        'application/json; charset=bogus',
        'application/graphql-response+json',
        'application/graphql',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data',
        'application/xml',
        ';;;',
      ),
    );
    const body = fc.oneof(
      fc.json(),
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.uint8Array({ maxLength: 200 }).map((bytes) => new Blob([bytes])),
      fc.constantFrom(
        '',
        '{',
        '[]',
        '[{}]',
        'null',
        '"query"',
        '{"query": 1}',
        '{"query": "{ __typename }", "variables": "x"}',
      ),
    );
    const method = fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'PATCH', 'DELETE');
    const accept = fc.option(
      fc.constantFrom('application/json', 'application/graphql-response+json', '*/*', 'text/plain'),
    );
    const encoding = fc.option(fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'compress'));
    await fc.assert(
      fc.asyncProperty(method, contentType, accept, encoding, body, async (m, type, acc, enc, payload) => {
        cases += 1;
        const headers: Record<string, string> = { 'apollo-require-preflight': 'true' };
        if (type !== null) headers['content-type'] = type;
        if (acc !== null) headers.accept = acc;
        if (enc !== null) headers['content-encoding'] = enc;
        const reply = await request(api, {
          method: m,
          headers,
          body: m === 'GET' ? undefined : payload,
          search: m === 'GET' && typeof payload === 'string' ? `?query=${encodeURIComponent(payload)}` : undefined,
        });
        if (reply.status === 406) return; // an Accept the server cannot satisfy: nothing to format in
        expectWellFormed(reply);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('refuses bodies over BODY_LIMIT with 413, whatever they hold', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: BODY_LIMIT_BYTES + 1, max: BODY_LIMIT_BYTES * 8 }),
        fc.constantFrom('x', '[', '{"a":'),
        async (size, unit) => {
          cases += 1;
          const reply = await request(api, {
            headers: { 'content-type': 'application/json' },
            body: unit.repeat(Math.ceil(size / unit.length)),
          });
          expect(reply.status).toBe(413);
          expectWellFormed(reply);
          expect((reply.body as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
            'PAYLOAD_TOO_LARGE',
          );
        },
      ),
      { numRuns: 20 },
    );
  });

  it('answers deeply nested queries with a limit code, and deeply nested JSON with JSON_TOO_DEEP', async () => {
    const depth = fc.integer({ min: 70, max: 20_000 });
    const code = (reply: Reply) =>
      (reply.body as { errors?: { extensions: { code: string } }[] }).errors?.[0]?.extensions.code;
    await fc.assert(
      fc.asyncProperty(depth, async (n) => {
        cases += 4;
        const hops = Math.min(n, 1_000); // within the 64 kB body limit of this server
        const deepQuery = `{ ${'actor(id: "a") { memberOf { '.repeat(hops)}id${' } }'.repeat(hops)} }`;
        const query = await postJson(api, { query: deepQuery });
        expectWellFormed(query);
        expect(['QUERY_TOO_DEEP', 'TOO_MANY_TOKENS']).toContain(code(query));

        // Built as text: JSON.stringify itself would overflow the stack on the test's side.
        const nested = `${'['.repeat(n)}1${']'.repeat(n)}`;
        const raw = (query: string, variables: string, key?: string) =>
          request(api, {
            headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
            body: `{"query": ${JSON.stringify(query)}, "variables": ${variables}}`,
          });
        const variables = await raw(
          /* GraphQL */ `query Q($f: ActorFilter) { actors(filter: $f) { totalCount } }`,
          `{"f": ${nested}}`,
        );
        // The analysts' JSON scalar takes any shape: the depth guard is what stands before recursive code.
        const cypherParams = await raw(
          /* GraphQL */ `query Q($p: JSON) { cypher(query: "RETURN $p AS p", params: $p) { rows } }`,
          `{"p": {"p": ${nested}}}`,
          ANALYST,
        );
        const overGet = await request(api, {
          method: 'GET',
          headers: { 'apollo-require-preflight': 'true' },
          search: `?${new URLSearchParams({ query: /* GraphQL */ `query Q($f: ActorFilter) { actors(filter: $f) { totalCount } }`, variables: `{"f": ${nested}}` })}`,
        });
        for (const reply of [variables, cypherParams]) {
          expectWellFormed(reply);
          expect(reply.status).toBe(400);
          expect(code(reply)).toBe('JSON_TOO_DEEP');
        }
        // Over GET, a long query string meets Node's header size limit first.
        expectWellFormed(overGet);
        expect([
          [400, 'JSON_TOO_DEEP'],
          [431, 'HEADERS_TOO_LARGE'],
        ]).toContainEqual([overGet.status, code(overGet)]);
      }),
      { numRuns: 20 },
    );
  });

  it('answers unknown operations and operationName mismatches with 400 and a code (graphql-response+json)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,15}$/), async (name) => {
        cases += 1;
        fc.pre(name !== 'Known' && name !== 'Other');
        const reply = await postJson(
          api,
          { query: /* GraphQL */ `query Known { __typename } query Other { __typename }`, operationName: name },
          undefined,
          'application/graphql-response+json',
        );
        expect(reply.status).toBe(400);
        expectWellFormed(reply);
        const both = await postJson(
          api,
          { query: /* GraphQL */ `query Known { __typename } query Other { __typename }` },
          undefined,
          'application/graphql-response+json',
        );
        expect(both.status).toBe(400);
        expectWellFormed(both);
      }),
      { numRuns: 50 },
    );
  });

  it('still serves after all of it', async () => {
    expect((await fetch(`${api.url}/ready`)).status).toBe(200);
    expect((await api.gql(/* GraphQL */ `query Typename { __typename }`)).data).toEqual({ __typename: 'Query' });
  });
});
