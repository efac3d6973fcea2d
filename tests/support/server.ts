/**
 * Starts the real server on a random port against the test Neo4j, and speaks GraphQL over HTTP
 * to it as a client would.
 */
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createServer, type ConflictGraphServer } from '../../src/server.js';

export function testEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const password = inject('neo4jPassword');
  return {
    NODE_ENV: 'test',
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_USER: inject('neo4jUser'),
    ...(password ? { NEO4J_PASSWORD: password } : {}),
    PORT: '0',
    LOG_LEVEL: 'silent',
    SEED_ON_START: 'false',
    ...overrides,
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig(testEnv(overrides));
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

export interface TestServer {
  url: string;
  server: ConflictGraphServer;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    key?: string,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

export async function startTestServer(overrides: Record<string, string> = {}): Promise<TestServer> {
  const config = testConfig(overrides);
  const server = await createServer(config, createLogger('silent'));
  const url = await server.start();
  return {
    url,
    server,
    async gql<T>(query: string, variables: Record<string, unknown> = {}, key?: string) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        // As Apollo Client asks: the GraphQL media type first, so request errors keep their 4xx.
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json;q=0.9',
          ...(key ? { authorization: `Bearer ${key}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
      return { status: response.status, ...body };
    },
    stop: () => server.stop(),
  };
}
