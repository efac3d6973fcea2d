/**
 * GraphQL over HTTP as the specification and a browser expect it: content negotiation, status
 * codes, queries over GET and mutations refused there, CSRF prevention, CORS for configured
 * origins only, the body size limit, introspection and the landing page switchable off, and no
 * stack trace in a production error.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createServer, type ConflictGraphServer } from '../../src/server.js';
import { startTestServer, testConfig, type TestServer } from '../support/server.js';

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function get(url: string, params: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/graphql?${new URLSearchParams(params)}`, { headers });
}

describe('GraphQL over HTTP', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
  });
  afterAll(async () => {
    await api.stop();
  });

  describe('content negotiation and status codes', () => {
    it('answers application/graphql-response+json when the client asks for it', async () => {
      const response = await post(
        api.url,
        { query: /* GraphQL */ `query Typename { __typename }` },
        { accept: 'application/graphql-response+json' },
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
      expect(((await response.json()) as Body).data).toEqual({ __typename: 'Query' });
    });

    it('answers application/json by default and for Accept: application/json', async () => {
      for (const headers of [{}, { accept: 'application/json' }] as Record<string, string>[]) {
        const response = await post(api.url, { query: /* GraphQL */ `query Typename2 { __typename }` }, headers);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      }
    });

    it('refuses with 406 when the client accepts no JSON media type', async () => {
      const response = await post(
        api.url,
        { query: /* GraphQL */ `query Typename3 { __typename }` },
        { accept: 'application/xml' },
      );
      expect(response.status).toBe(406);
    });

    it('answers 400 with a code for a document that does not parse or does not validate', async () => {
      for (const [query, code] of [
        ['{ node(id: ', 'GRAPHQL_PARSE_FAILED'],
        ['{ noSuchField }', 'GRAPHQL_VALIDATION_FAILED'],
      ] as const) {
        const response = await post(api.url, { query }, { accept: 'application/graphql-response+json' });
        expect(response.status).toBe(400);
        expect(((await response.json()) as Body).errors?.[0]?.extensions?.code).toBe(code);
      }
    });

    it('answers 400 when the operationName names no operation of the document', async () => {
      const response = await post(
        api.url,
        { query: /* GraphQL */ `query A { __typename }`, operationName: 'B' },
        { accept: 'application/graphql-response+json' },
      );
      expect(response.status).toBe(400);
      expect(((await response.json()) as Body).errors?.[0]?.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
    });

    it('answers request errors 200 under application/json (*/* included), as the specification asks', async () => {
      for (const [body, code] of [
        [{ query: '{ node(id: ' }, 'GRAPHQL_PARSE_FAILED'],
        [{ query: '{ noSuchField }' }, 'GRAPHQL_VALIDATION_FAILED'],
        [
          { query: 'query Q($id: ID!) { node(id: $id) { id } }', variables: { id: { not: 'an id' } } },
          'BAD_USER_INPUT',
        ],
        [{ query: 'query A { __typename }', operationName: 'B' }, 'OPERATION_RESOLUTION_FAILURE'],
      ] as const) {
        for (const accept of ['application/json', '*/*']) {
          const response = await post(api.url, body, { accept });
          expect(response.status).toBe(200);
          expect(response.headers.get('content-type')).toMatch(/^application\/json/);
          const answer = (await response.json()) as Body;
          expect(answer.data).toBeUndefined();
          expect(answer.errors?.[0]?.extensions?.code).toBe(code);
        }
      }
    });

    it('keeps 4xx under application/json for a request that is not well-formed', async () => {
      const noQuery = await post(api.url, { variables: {} }, { accept: 'application/json' });
      expect(noQuery.status).toBe(400);
      const batch = await post(api.url, [{ query: '{ __typename }' }], { accept: 'application/json' });
      expect(batch.status).toBe(400);
    });

    it('does not announce the framework (no X-Powered-By)', async () => {
      const response = await post(api.url, { query: /* GraphQL */ `query Typename4 { __typename }` });
      expect(response.headers.get('x-powered-by')).toBeNull();
    });
  });

  describe('GET', () => {
    it('runs a query over GET when the request carries a preflight header', async () => {
      const response = await get(
        api.url,
        { query: /* GraphQL */ `query Typename5 { __typename }` },
        { 'apollo-require-preflight': 'true' },
      );
      expect(response.status).toBe(200);
      expect(((await response.json()) as Body).data).toEqual({ __typename: 'Query' });
    });

    it('refuses a mutation over GET with 405 and Allow: POST, and runs nothing', async () => {
      const id = `source:get-mutation-${Date.now()}`;
      const response = await get(
        api.url,
        { query: `mutation { addSource(input: {id: "${id}", kind: ARTICLE, title: "via GET"}) { id } }` },
        { 'apollo-require-preflight': 'true' },
      );
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
      const rows = await api.server.db.scope().read('MATCH (s:Source {id: $id}) RETURN s', { id });
      expect(rows).toHaveLength(0);
    });

    it('blocks a simple GET (no preflight header, no JSON content type) as a possible CSRF', async () => {
      const response = await get(api.url, { query: /* GraphQL */ `query Typename6 { __typename }` });
      expect(response.status).toBe(400);
      const body = (await response.json()) as Body;
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(body.errors?.[0]?.message).toMatch(/Cross-Site Request Forgery/);
    });

    it('refuses other methods with 405', async () => {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: /* GraphQL */ `query Typename7 { __typename }` }),
      });
      expect(response.status).toBe(405);
    });
  });

  describe('bodies', () => {
    it('refuses a POST body that is not JSON with 415 (a form post never reaches GraphQL)', async () => {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const response = await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': type },
          body: 'query={__typename}',
        });
        expect(response.status).toBe(415);
        expect(((await response.json()) as Body).errors?.[0]?.extensions?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      }
    });

    it('refuses malformed JSON with 400 BAD_REQUEST', async () => {
      const response = await post(api.url, '{"query": "{ __typename }"');
      expect(response.status).toBe(400);
      const body = (await response.json()) as Body;
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(body.errors?.[0]?.message).toMatch(/not valid JSON/);
    });
  });
});

describe('the body size limit', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ BODY_LIMIT: '2kb' });
  });
  afterAll(async () => {
    await api.stop();
  });

  it('refuses a body over BODY_LIMIT with 413 and a message that states the limit', async () => {
    const response = await post(api.url, { query: `{ __typename } # ${'x'.repeat(4_000)}` });
    expect(response.status).toBe(413);
    const body = (await response.json()) as Body;
    expect(body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.errors?.[0]?.message).toMatch(/2kb/);
  });

  it('accepts a body under the limit', async () => {
    const response = await post(api.url, { query: `{ __typename } # ${'x'.repeat(1_000)}` });
    expect(response.status).toBe(200);
  });
});

describe('CORS', () => {
  const allowed = 'https://researchers.example';
  const preflight = (url: string, origin: string) =>
    fetch(`${url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });

  it('answers a preflight from a configured origin, and only from it', async () => {
    const api = await startTestServer({ CORS_ORIGINS: `${allowed}, https://other.example` });
    try {
      const ok = await preflight(api.url, allowed);
      expect(ok.status).toBe(204);
      expect(ok.headers.get('access-control-allow-origin')).toBe(allowed);
      expect(ok.headers.get('access-control-allow-headers')).toMatch(/authorization/);
      const simple = await post(
        api.url,
        { query: /* GraphQL */ `query Typename8 { __typename }` },
        { origin: allowed },
      );
      expect(simple.headers.get('access-control-allow-origin')).toBe(allowed);

      const stranger = await preflight(api.url, 'https://attacker.example');
      expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await api.stop();
    }
  });

  it('allows no cross-site origin when CORS_ORIGINS is empty', async () => {
    const api = await startTestServer();
    try {
      const response = await preflight(api.url, allowed);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await api.stop();
    }
  });
});

describe('introspection and the landing page', () => {
  const introspect = (url: string) =>
    post(url, { query: /* GraphQL */ `query Schema { __schema { queryType { name } } }` });
  const landing = (url: string) => fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });

  it('serves both outside production by default', async () => {
    const api = await startTestServer();
    try {
      expect((await introspect(api.url)).status).toBe(200);
      const page = await landing(api.url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
    } finally {
      await api.stop();
    }
  });

  it('switches each off with INTROSPECTION=false and LANDING_PAGE=false', async () => {
    const api = await startTestServer({ INTROSPECTION: 'false', LANDING_PAGE: 'false' });
    try {
      const response = await introspect(api.url);
      expect(response.status).toBe(200);
      expect(((await response.json()) as Body).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const page = await landing(api.url);
      expect(page.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    } finally {
      await api.stop();
    }
  });
});

describe('production', () => {
  let server: ConflictGraphServer;
  let url: string;
  const logged: string[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged.push(chunk.toString());
        done();
      },
    });
    server = await createServer(testConfig({ NODE_ENV: 'production' }), createLogger('info', sink));
    url = await server.start();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('turns introspection and the landing page off by default', async () => {
    const introspection = await post(url, { query: /* GraphQL */ `query Schema2 { __schema { queryType { name } } }` });
    expect(((await introspection.json()) as Body).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const page = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
  });

  it('shows an internal error as the masked message, with no stack trace; the details go to the log', async () => {
    // A closed driver makes every database call fail with an error no client should see.
    await server.db.driver.close();
    const response = await post(url, { query: /* GraphQL */ `query Node { node(id: "actor:csp") { id } }` });
    const text = await response.text();
    const body = JSON.parse(text) as Body;
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(body.errors?.[0]?.message).toMatch(/Something went wrong on our side/);
    expect(text).not.toMatch(/stacktrace|at .*\.(ts|js):\d+|Pool is closed|Neo4j/i);
    expect(body.extensions?.roundTrips).toBeUndefined();
    expect(logged.join('')).toMatch(/unexpected error/);
  });
});
