/**
 * The compiled executor (EXECUTOR=jit, src/http/executor.ts) answers as graphql-js does: the same
 * status and body, byte for byte, for reads through every kind of selection (fragments on the
 * Node interface, @skip/@include, aliases, __typename), introspection with @deprecated, errors of
 * every origin (a coded resolver error, a variable that does not coerce, a query limit, a
 * malformed document) and a write refused by validation. Two servers, one per executor, on the
 * seed article.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_LOAD_TIMEOUT_MS, loadArticle } from '../support/graph.js';
import { startTestServer, type TestServer } from '../support/server.js';

const NESTED = /* GraphQL */ `
  query Nested($id: ID!) {
    actor(id: $id) {
      id
      name
      participations(first: 3) {
        totalCount
        nodes {
          role
          status
          event {
            id
            type
            time {
              start
              label
            }
            place {
              id
              name
              parent {
                id
                name
              }
            }
            claims {
              id
              status
              reportedIn {
                id
                title
              }
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;

const FRAGMENTS = /* GraphQL */ `
  query Fragments($id: ID!, $withName: Boolean!, $skipKind: Boolean!) {
    first: node(id: $id) {
      __typename
      id
      ...Named
    }
    again: node(id: "event:lere-camp-attack") {
      __typename
      ... on Event {
        type
        time {
          precision
        }
      }
    }
    missing: node(id: "actor:nobody") {
      id
    }
  }
  fragment Named on Actor {
    name @include(if: $withName)
    kind @skip(if: $skipKind)
    aliases
  }
`;

const INTROSPECTION = /* GraphQL */ `
  query Introspect {
    __schema {
      queryType {
        name
      }
    }
    __type(name: "Event") {
      fields(includeDeprecated: true) {
        name
        isDeprecated
        deprecationReason
      }
    }
  }
`;

interface Answer {
  status: number;
  body: string;
}

describe('the compiled executor', () => {
  let jit: TestServer;
  let interpreter: TestServer;
  beforeAll(async () => {
    jit = await startTestServer({ EXECUTOR: 'jit', INTROSPECTION: 'true' });
    interpreter = await startTestServer({ EXECUTOR: 'graphql-js', INTROSPECTION: 'true' });
    await loadArticle(jit.server.db);
  }, ARTICLE_LOAD_TIMEOUT_MS);
  afterAll(async () => {
    await jit?.stop();
    await interpreter?.stop();
  });

  async function post(api: TestServer, body: unknown): Promise<Answer> {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.text() };
  }

  /** Both executors give the same answer; returns it, parsed. */
  async function same(
    body: unknown,
  ): Promise<{ status: number; data?: unknown; errors?: { extensions?: { code?: string } }[] }> {
    const [compiled, interpreted] = [await post(jit, body), await post(interpreter, body)];
    expect(compiled).toEqual(interpreted);
    // Twice: the second run of the compiled executor takes its query from the cache.
    expect(await post(jit, body)).toEqual(interpreted);
    return { status: compiled.status, ...(JSON.parse(compiled.body) as object) };
  }

  it('answers the nested query as graphql-js does', async () => {
    const answer = await same({ query: NESTED, variables: { id: 'actor:fama' } });
    expect(answer.errors).toBeUndefined();
    expect(JSON.stringify(answer.data)).toContain('event:lere-camp-attack');
    await same({ query: NESTED, variables: { id: 'actor:nobody' } });
  });

  it('follows fragments, aliases, __typename and @skip/@include as graphql-js does', async () => {
    for (const flags of [
      { withName: true, skipKind: false },
      { withName: false, skipKind: true },
    ]) {
      const answer = await same({ query: FRAGMENTS, variables: { id: 'actor:csp', ...flags } });
      // Only the lookup of an id that does not exist errs, with NOT_FOUND at its own path.
      expect(answer.errors?.map((e) => [e.extensions?.code, (e as { path?: unknown }).path])).toEqual([
        ['NOT_FOUND', ['missing']],
      ]);
      expect((answer.data as { missing: unknown }).missing).toBeNull();
    }
  });

  it('leaves introspection to graphql-js, @deprecated included', async () => {
    const answer = await same({ query: INTROSPECTION });
    expect(JSON.stringify(answer.data)).toContain('"isDeprecated"');
  });

  it('reports errors of every origin as graphql-js does', async () => {
    // A variable that does not coerce: graphql-js's message, and the status the HTTP edge gives it.
    const badVariable = await same({ query: NESTED, variables: { id: 42.5 } });
    expect(badVariable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await same({ query: NESTED, variables: {} });
    // A resolver's coded error, with its path and locations.
    const badPage = await same({
      query: 'query { actor(id: "actor:fama") { participations(first: -1) { nodes { role } } } }',
    });
    expect(badPage.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Refused before execution: a malformed document, an unknown field, a query too deep.
    await same({ query: 'query { actor(id: ' });
    await same({ query: 'query { actor(id: "actor:fama") { nickname } }' });
    await same({
      query: `query { actor(id: "actor:fama") { ${'participations { nodes { event { participants { actor { '.repeat(4)}id${' } } } } }'.repeat(4)} } }`,
    });
  });

  it('refuses an invalid write as graphql-js does', async () => {
    const answer = await same({
      query: 'mutation { addActor(input: { name: "", kind: ARMED_GROUP }) { id } }',
    });
    expect(answer.errors?.length).toBeGreaterThan(0);
  });
});
