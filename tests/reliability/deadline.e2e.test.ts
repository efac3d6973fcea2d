/**
 * The request deadline over HTTP: every request's database scope carries REQUEST_TIMEOUT_MS, so
 * even the analysts' Cypher entry point, whose own timeout is far longer here, is cut at the
 * deadline with REQUEST_TIMEOUT and cancelled on the Neo4j server.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashKey, newKey } from '../../src/auth.js';
import { startTestServer, type TestServer } from '../support/server.js';

vi.setConfig({ testTimeout: 240_000 });

const KEY = newKey();

describe('the request deadline', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({
      REQUEST_TIMEOUT_MS: '2000',
      CYPHER_TIMEOUT_MS: '600000',
      API_KEYS: `deadline-test:analyst:${hashKey(KEY)}`,
    });
  });
  afterAll(async () => {
    await api.stop();
  });

  it('cuts a runaway Cypher query at REQUEST_TIMEOUT_MS, on the server', async () => {
    const marker = `deadline-${randomUUID()}`;
    const query = `/* ${marker} */ UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b WITH a, b WHERE (a * b) % 7 = 3 RETURN count(*) AS n`;
    const result = await api.gql<{ cypher: unknown }>(
      /* GraphQL */ `query Run($q: String!) { cypher(query: $q) { rows } }`,
      { q: query },
      KEY,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('REQUEST_TIMEOUT');
    expect(result.errors?.[0]?.message).toMatch(/2000 ms deadline/);
    // The answer goes out at the deadline; the termination follows it from a second connection,
    // so the server gets a few seconds to let go of the query.
    const stillRunning = async () => {
      const rows = await api.server.db
        .scope(60_000)
        .read('SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker RETURN count(*) AS n', {
          marker,
        });
      return Number(rows[0]?.get('n'));
    };
    await vi.waitFor(
      async () => {
        expect(await stillRunning()).toBe(0);
        expect(api.server.db.abandoned).toBe(0);
      },
      { timeout: 10_000, interval: 250 },
    );
  });
});
