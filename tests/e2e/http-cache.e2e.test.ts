/**
 * HTTP caching of reads (src/http/cache.ts), with CACHE_MAX_AGE set: a GET query answers a
 * Cache-Control from its cache policy and an ETag, a repeat with If-None-Match gets 304, and a
 * write changes what the same GET answers (the response cache does not serve what it kept
 * before the write). Writes, the read-only Cypher entry point and errors are never cacheable.
 */
import { randomUUID } from 'node:crypto';
import { type IncomingHttpHeaders, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKeys, type TestKeys } from '../support/keys.js';
import { startTestServer, type TestServer } from '../support/server.js';

const ACTOR = /* GraphQL */ `
  query Actor($id: String!) {
    actors(filter: { nameContains: $id }) {
      nodes {
        id
        name
      }
    }
  }
`;
const ADD_ACTOR = `mutation ($input: AddActorInput!) { addActor(input: $input) { id } }`;

describe('HTTP caching of reads', () => {
  let api: TestServer;
  let keys: TestKeys;
  beforeAll(async () => {
    keys = testKeys();
    // Round trips off: a cached answer reports none, which would change the body and its ETag.
    api = await startTestServer({ API_KEYS: keys.apiKeys, CACHE_MAX_AGE: '60', ROUND_TRIPS: 'false' });
  });
  afterAll(async () => {
    await api?.stop();
  });

  /**
   * A GET of the query, as a browser revalidates it (Apollo's CSRF check wants the preflight
   * header). node:http, not fetch: fetch adds `cache-control: no-cache` to a request that carries
   * If-None-Match, and a server must then answer in full.
   */
  function get(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
    const search = new URLSearchParams({ query, variables: JSON.stringify(variables) });
    return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
      request(
        `${api.url}/graphql?${search}`,
        { headers: { 'apollo-require-preflight': 'true', ...headers } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      )
        .on('error', reject)
        .end();
    });
  }

  it('answers a GET with an ETag and a Cache-Control from the cache policy, and 304 on If-None-Match', async () => {
    const first = await get(ACTOR, { id: 'actor:nobody' });
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('max-age=60, public');
    const etag = first.headers.etag;
    expect(etag).toBeTruthy();
    expect(JSON.parse(first.body)).toEqual({ data: { actors: { nodes: [] } } });

    const again = await get(ACTOR, { id: 'actor:nobody' }, { 'if-none-match': etag as string });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
  });

  it('changes the ETag after a write that changes the answer', async () => {
    const id = `actor:cache-${randomUUID()}`;
    const before = await get(ACTOR, { id });
    expect(JSON.parse(before.body)).toEqual({ data: { actors: { nodes: [] } } });
    const etag = before.headers.etag as string;
    // Cached now: the same request is answered from the response cache with the same ETag.
    expect((await get(ACTOR, { id }, { 'if-none-match': etag })).status).toBe(304);

    const added = await api.gql(
      ADD_ACTOR,
      { input: { id, name: `Cache ${id}`, kind: 'ARMED_GROUP' } },
      keys.researcher,
    );
    expect(added.errors).toBeUndefined();

    const after = await get(ACTOR, { id }, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(JSON.parse(after.body)).toEqual({ data: { actors: { nodes: [{ id, name: `Cache ${id}` }] } } });
  });

  it('never lets a write, the Cypher entry point or an error be cached', async () => {
    const write = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.researcher}` },
      body: JSON.stringify({
        query: ADD_ACTOR,
        variables: { input: { name: `Cache ${randomUUID()}`, kind: 'ARMED_GROUP' } },
      }),
    });
    expect(write.status).toBe(200);
    expect(write.headers.get('cache-control')).toBe('no-store');

    const cypher = await get(
      'query { cypher(query: "RETURN 1 AS one") { columns } }',
      {},
      {
        authorization: `Bearer ${keys.analyst}`,
      },
    );
    expect(cypher.status).toBe(200);
    expect(cypher.headers['cache-control']).toBe('no-store');

    const failed = await get('query { actors(first: -1) { totalCount } }', {});
    expect(failed.headers['cache-control']).toBe('no-store');
  });
});
