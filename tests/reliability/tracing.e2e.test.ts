/**
 * OpenTelemetry tracing against the started server and a real OTLP/HTTP receiver: with
 * OTEL_TRACES_EXPORTER=otlp every GraphQL request arrives as a SERVER span and each of its
 * database round trips as a CLIENT span under it, as many as `extensions.roundTrips` counts,
 * named by the statement's clauses and labels and carrying no parameter or literal; a caller's
 * `traceparent` is continued. With tracing off (the default, or OTEL_SDK_DISABLED) nothing is
 * sent, even with an endpoint set, nor when the sampler keeps nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashKey, newKey } from '../../src/auth.js';
import { ARTICLE_LOAD_TIMEOUT_MS, loadArticle } from '../support/graph.js';
import { SpanKindCode, startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver.js';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/server.js';

vi.setConfig({ testTimeout: 120_000 });

const ANALYST = newKey();
const RESEARCHER = newKey();
const KEYS = `tracing-analyst:analyst:${hashKey(ANALYST)},tracing-researcher:researcher:${hashKey(RESEARCHER)}`;

const MEMBERS = /* GraphQL */ `
  query AllianceMembers($name: String!, $claim: ID!) {
    actors(filter: { nameContains: $name }) {
      nodes {
        name
        members {
          actor {
            name
          }
          claims {
            id
          }
        }
      }
    }
    claim(id: $claim) {
      text
      reportedIn {
        title
      }
    }
  }
`;
const NAME = 'alliance des etats du sahel';
const CLAIM = 'claim:sahel-states-alliance-established';
const ADD_SOURCE = /* GraphQL */ `
  mutation AddTracedSource($input: AddSourceInput!) {
    addSource(input: $input) {
      id
    }
  }
`;
const CYPHER = /* GraphQL */ `
  query TracedCypher($q: String!) {
    cypher(query: $q) {
      rows
    }
  }
`;
// A literal in the analyst's text: it must not reach any span.
const ANALYST_QUERY = "MATCH (a:Actor)-[:MEMBER_OF]->(b:Actor) WHERE a.name <> 'Mali-literal-42' RETURN a.name LIMIT 3";
const LONG_NAME = `Q${'x'.repeat(299)}`;
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

async function post<T>(
  api: TestServer,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse<T>, 'status'>) };
}

describe('tracing on', () => {
  let receiver: OtlpReceiver;
  let api: TestServer;
  const answers: Record<string, GraphQLResponse> = {};

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    api = await startTestServer({
      API_KEYS: KEYS,
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_SERVICE_NAME: 'conflict-graph-test',
    });
    await loadArticle(api.server.db);
    answers.members = await post(api, MEMBERS, { name: NAME, claim: CLAIM });
    answers.traced = await post(
      api,
      MEMBERS,
      { name: NAME, claim: CLAIM },
      { traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01` },
    );
    answers.write = await post(
      api,
      ADD_SOURCE,
      { input: { kind: 'ARTICLE', title: 'A traced source', author: 'Tracer Author' } },
      { authorization: `Bearer ${RESEARCHER}` },
    );
    answers.cypher = await post(api, CYPHER, { q: ANALYST_QUERY }, { authorization: `Bearer ${ANALYST}` });
    answers.refused = await post(api, CYPHER, { q: 'CREATE (n:Probe)' }, { authorization: `Bearer ${ANALYST}` });
    answers.long = await post(api, `query ${LONG_NAME} { actors(first: 1) { totalCount } }`, {});
    // Stopping drains the requests and sends every buffered span.
    await api.stop();
  }, ARTICLE_LOAD_TIMEOUT_MS);
  afterAll(async () => {
    await receiver.close();
  });

  const requestSpan = (name: string, traceId?: string): ReceivedSpan => {
    const found = receiver.spans.filter(
      (s) => s.kind === SpanKindCode.SERVER && s.name === name && (!traceId || s.traceId === traceId),
    );
    expect(found.map((s) => s.name)).toContain(name);
    return found[0] as ReceivedSpan;
  };
  const childrenOf = (parent: ReceivedSpan) =>
    receiver.spans.filter((s) => s.parentSpanId === parent.spanId && s.traceId === parent.traceId);

  it('sends OTLP protobuf to /v1/traces, with the service name', () => {
    expect(receiver.requests.length).toBeGreaterThan(0);
    expect(receiver.requests.every((r) => r.path === '/v1/traces')).toBe(true);
    expect(receiver.requests[0]?.contentType).toBe('application/x-protobuf');
    expect(receiver.spans.length).toBeGreaterThan(0);
    expect(receiver.spans.every((s) => s.resource['service.name'] === 'conflict-graph-test')).toBe(true);
  });

  it('gives a request a server span and one client span per counted round trip under it', () => {
    expect(answers.members?.errors).toBeUndefined();
    const roundTrips = answers.members?.extensions?.roundTrips as number;
    expect(roundTrips).toBeGreaterThan(1);
    const request = requestSpan('query AllianceMembers');
    expect(request.parentSpanId).toBe('');
    expect(request.attributes).toMatchObject({
      'graphql.operation.type': 'query',
      'graphql.operation.name': 'AllianceMembers',
      'conflict_graph.round_trips': roundTrips,
    });
    expect(request.statusCode).not.toBe(2);
    const children = childrenOf(request);
    expect(children).toHaveLength(roundTrips);
    for (const db of children) {
      expect(db.kind).toBe(SpanKindCode.CLIENT);
      expect(db.attributes).toMatchObject({ 'db.system': 'neo4j', 'db.system.name': 'neo4j', 'db.namespace': 'neo4j' });
      expect(db.name).toBe(db.attributes['db.query.summary']);
      expect(db.name).toMatch(/^(MATCH|OPTIONAL|UNWIND|CALL|WITH|RETURN)\b/);
      expect(typeof db.attributes['db.response.returned_rows']).toBe('number');
    }
    // The actors' lookup names its label; nothing names the variables' values.
    expect(children.some((db) => /\bActor\b/.test(db.name))).toBe(true);
  });

  it('continues the trace of a caller that sent a traceparent', () => {
    const request = requestSpan('query AllianceMembers', TRACE_ID);
    expect(request.parentSpanId).toBe(CALLER_SPAN);
    expect(childrenOf(request)).toHaveLength(answers.traced?.extensions?.roundTrips as number);
  });

  it('traces a write and its round trips the same way', () => {
    expect(answers.write?.errors).toBeUndefined();
    const request = requestSpan('mutation AddTracedSource');
    expect(request.attributes['graphql.operation.type']).toBe('mutation');
    const children = childrenOf(request);
    expect(children).toHaveLength(answers.write?.extensions?.roundTrips as number);
    expect(children.some((db) => /\b(MERGE|CREATE)\b/.test(db.name))).toBe(true);
  });

  it("names an analyst's query and its plan check without its literals", () => {
    expect(answers.cypher?.errors).toBeUndefined();
    const request = requestSpan('query TracedCypher');
    const children = childrenOf(request);
    expect(answers.cypher?.extensions?.roundTrips).toBe(2);
    expect(children.map((db) => db.name).sort()).toEqual([
      'EXPLAIN MATCH Actor MEMBER_OF RETURN',
      'MATCH Actor MEMBER_OF RETURN',
    ]);
  });

  it('records the outcome: the error code, and an error status', () => {
    expect(answers.refused?.errors?.[0]?.extensions?.code).toBe('WRITE_REFUSED');
    const refused = receiver.spans.filter(
      (s) => s.name === 'query TracedCypher' && s.attributes['error.type'] === 'WRITE_REFUSED',
    );
    expect(refused).toHaveLength(1);
    expect(refused[0]?.statusCode).toBe(2);
    expect(refused[0]?.attributes['conflict_graph.error_codes']).toEqual(['WRITE_REFUSED']);
    expect(childrenOf(refused[0] as ReceivedSpan)).toHaveLength(0);
  });

  it("cuts a client's long operation name at 200 characters", () => {
    expect(answers.long?.errors).toBeUndefined();
    const cut = LONG_NAME.slice(0, 200);
    const request = requestSpan(`query ${cut}`);
    expect(request.attributes['graphql.operation.name']).toBe(cut);
  });

  it('sends no parameter value, parameter name or literal in any span', () => {
    const everything = JSON.stringify(receiver.spans.map((s) => [s.name, s.attributes, s.statusMessage]));
    for (const secret of [NAME, CLAIM, 'A traced source', 'Tracer Author', 'Mali-literal-42', '$']) {
      expect(everything).not.toContain(secret);
    }
  });
});

describe('tracing off', () => {
  it.each([
    ['by default, even with an endpoint set', {}],
    ['with OTEL_SDK_DISABLED=true', { OTEL_TRACES_EXPORTER: 'otlp', OTEL_SDK_DISABLED: 'true' }],
    ['when the sampler keeps no trace', { OTEL_TRACES_EXPORTER: 'otlp', OTEL_TRACES_SAMPLER: 'always_off' }],
  ])('sends nothing %s', async (_how, env) => {
    const receiver = await startOtlpReceiver();
    const api = await startTestServer({
      ...env,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '0',
    });
    try {
      const answer = await api.gql<{ actors: { totalCount: number } }>(
        'query CountActors { actors(first: 1) { totalCount } }',
      );
      expect(answer.errors).toBeUndefined();
      expect(answer.extensions?.roundTrips).toBeGreaterThan(0);
    } finally {
      await api.stop();
      await receiver.close();
    }
    expect(receiver.requests).toEqual([]);
  });
});
