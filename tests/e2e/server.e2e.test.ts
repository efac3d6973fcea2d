import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

describe('the server over HTTP', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('answers /health while the process is alive', async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /ready with 200 when Neo4j is reachable', async () => {
    const response = await fetch(`${api.url}/ready`);
    expect(response.status).toBe(200);
  });

  it('serves GraphQL backed by the real database, reporting round trips', async () => {
    const result = await api.gql<{ node: null }>(
      /* GraphQL */ `query Node { node(id: "actor:does-not-exist") { id } }`,
    );
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ node: null });
    expect(result.extensions?.roundTrips).toBe(1);
  });

  it('created the constraints and indexes before serving', async () => {
    const rows = await api.server.db.scope().read('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
    const names = rows[0]?.get('names') as string[];
    expect(names).toEqual(expect.arrayContaining(['actor_id', 'claim_id', 'name_key', 'idempotency_key']));
    const indexes = await api.server.db
      .scope()
      .read("SHOW INDEXES YIELD name, type WHERE type IN ['POINT', 'FULLTEXT'] RETURN collect(name) AS names");
    expect(indexes[0]?.get('names')).toEqual(expect.arrayContaining(['place_location', 'search_text']));
  });

  it('refuses a malformed query with a coded error, not a crash', async () => {
    const result = await api.gql('query { node(id: ');
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});
