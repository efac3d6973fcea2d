/**
 * Two API replicas on one Neo4j: a write's answer carries its bookmark (header and extensions),
 * and a read on the other replica that sends it back sees the write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashKey, newKey } from '../../src/auth.js';
import { startTestServer, type TestServer } from '../support/server.js';

const KEY = newKey();
const ENV = { API_KEYS: `replica-test:researcher:${hashKey(KEY)}` };

async function post(api: TestServer, query: string, variables: Record<string, unknown>, headers = {}) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    bookmark: response.headers.get('neo4j-bookmark'),
    body: (await response.json()) as {
      data?: Record<string, { id: string } | null>;
      extensions?: { bookmark?: string };
    },
  };
}

describe('two replicas', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    [a, b] = await Promise.all([startTestServer(ENV), startTestServer(ENV)]);
  });
  afterAll(async () => {
    await Promise.all([a.stop(), b.stop()]);
  });

  it('answers a write with its bookmark, and a bookmarked read on the other replica sees it', async () => {
    const written = await post(
      a,
      /* GraphQL */ `mutation AddBookmarked($title: String!) { addSource(input: { kind: ARTICLE, title: $title }) { id } }`,
      { title: 'bookmarked' },
    );
    const id = written.body.data?.addSource?.id;
    expect(id).toBeTruthy();
    expect(written.bookmark).toMatch(/\S+/);
    expect(written.body.extensions?.bookmark).toBe(written.bookmark);
    const read = await post(
      b,
      /* GraphQL */ `query ReadBookmarked($id: ID!) { node(id: $id) { id } }`,
      { id },
      {
        'neo4j-bookmark': written.bookmark!,
      },
    );
    expect(read.body.data?.node?.id).toBe(id);
    // A read writes nothing, so it carries no bookmark of its own.
    expect(read.bookmark).toBeNull();
  });
});
