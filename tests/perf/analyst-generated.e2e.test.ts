/**
 * The analysts' queries on a generated graph, not only on the article: one request of each kind
 * aimed at the busiest nodes (bench/analyst-check.ts, which `npm run bench` runs on 100k events),
 * each answer checked — in order, within the radius, the hub's neighbourhood cut at its limit and
 * flagged, paths within their caps, a write through the Cypher entry refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAnalystQueries, type AnalystCheck } from '../../bench/analyst-check.js';
import { pickParameters } from '../../bench/picks.js';
import { loadSyntheticGraph } from '../../bench/synthetic/load.js';
import { resetGraph } from '../support/graph.js';
import { testKeys } from '../support/keys.js';
import { startTestServer, type TestServer } from '../support/server.js';

const EVENTS = 3_000;

let api: TestServer;
let checks: AnalystCheck[];

beforeAll(async () => {
  const keys = testKeys();
  api = await startTestServer({ API_KEYS: keys.apiKeys, REQUEST_TIMEOUT_MS: '120000', TX_TIMEOUT_MS: '120000' });
  await resetGraph(api.server.db);
  await loadSyntheticGraph(api.server.db, { events: EVENTS, seed: 5 });
  const picks = await pickParameters(api.server.db);
  checks = await checkAnalystQueries(`${api.url}/graphql`, keys.analyst, picks.analyst);
}, 600_000);

afterAll(async () => {
  await api.stop();
});

describe(`the analysts' queries on a generated graph of ${EVENTS.toLocaleString('en')} events`, () => {
  it('asks every kind of query once', () => {
    expect(checks.map((c) => c.name.split(' ')[0])).toEqual([
      'pathBetween',
      'neighbourhood',
      'timeline',
      'eventsNear',
      'search',
      'eventStats',
      'cypher',
      'cypher',
    ]);
  });

  it('answers each one correctly, and keeps the hub within its caps', () => {
    expect(checks.filter((c) => c.failure).map((c) => `${c.name}: ${c.failure}`)).toEqual([]);
  });

  it("cuts the hub actor's neighbourhood at its limit and says so", () => {
    expect(checks.find((c) => c.name.startsWith('neighbourhood'))?.summary).toMatch(
      /^500 nodes, \d+ edges, capped: true$/,
    );
  });
});
