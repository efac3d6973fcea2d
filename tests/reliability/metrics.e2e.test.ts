/**
 * /metrics is scraped as Prometheus would: request latency by operation, errors by code, round
 * trips and database time, the driver's sessions and whether Neo4j answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

describe('/metrics', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('serves the Prometheus text format with the API and database figures', async () => {
    await api.gql(/* GraphQL */ `query MetricsProbe { actors(first: 1) { totalCount } }`);
    await api.gql('{ noSuchField }');
    const response = await fetch(`${api.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^graphql_request_duration_seconds_count\{operation="MetricsProbe",type="query"\} 1$/m);
    expect(text).toMatch(/^graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} 1$/m);
    expect(text).toMatch(/^neo4j_round_trips_total [1-9]\d*$/m);
    expect(text).toMatch(/^neo4j_request_time_seconds_count [1-9]\d*$/m);
    expect(text).toMatch(/^neo4j_sessions_open 0$/m);
    expect(text).toMatch(/^neo4j_sessions_abandoned 0$/m);
    expect(text).toMatch(/^neo4j_up 1$/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
  });
});
