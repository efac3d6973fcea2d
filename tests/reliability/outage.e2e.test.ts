/**
 * Database outage: the API runs as its own process on its own Neo4j; the engine is stopped under
 * it. Requests then fail with DATABASE_UNAVAILABLE, /ready answers 503, /health 200 and the process
 * stays up; when the engine is back on the same port and data, the API serves again by itself,
 * with the data written before the outage.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashKey, newKey } from '../../src/auth.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../neo4j-local/launcher.js';
import { LOCAL_NICE } from '../../src/config.js';
import { spawnApi, type ApiProcess } from './api-process.js';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const KEY = newKey();

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function gql(api: ApiProcess, query: string): Promise<{ status: number; body: Body; ms: number }> {
  const started = Date.now();
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as Body, ms: Date.now() - started };
}

const status = (api: ApiProcess, path: string) => fetch(`${api.url}${path}`).then((r) => r.status);

async function until(check: () => Promise<boolean>, attempts = 240): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return true;
    await new Promise((ok) => setTimeout(ok, 500));
  }
  return false;
}

const ADD_SOURCE = /* GraphQL */ `mutation AddSource { addSource(input: {id: "source:before-outage", kind: ARTICLE, title: "Written before the outage"}) { id } }`;
const READ_SOURCE = /* GraphQL */ `query Node { node(id: "source:before-outage") { id ... on Source { title } } }`;

describe('when Neo4j goes away and comes back', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'conflict-graph-outage-'));
  let neo4j: LocalNeo4j;
  let api: ApiProcess;

  beforeAll(async () => {
    neo4j = await startLocalNeo4j({ port: 0, dataDir, heap: '512m', pageCache: '32m', nice: LOCAL_NICE });
    api = await spawnApi({
      NEO4J_URI: neo4j.uri,
      API_KEYS: `outage-test:researcher:${hashKey(KEY)}`,
      NODE_ENV: 'production',
      // Generous: on a busy machine a cold engine is slow, and slowness is not what this tests.
      TX_TIMEOUT_MS: '60000',
      REQUEST_TIMEOUT_MS: '90000',
    });
  });
  afterAll(async () => {
    await api?.kill('SIGTERM');
    await neo4j?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves while the database is up', async () => {
    expect(await status(api, '/ready')).toBe(200);
    const written = await gql(api, ADD_SOURCE);
    expect(written.body.errors).toBeUndefined();
  });

  it('fails fast with DATABASE_UNAVAILABLE, answers /ready 503, and stays up while it is down', async () => {
    await neo4j.stop();

    const read = await gql(api, READ_SOURCE);
    expect(read.body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(read.body.errors?.[0]?.message).toMatch(/GET \/ready tells when it is back/);
    const write = await gql(api, ADD_SOURCE.replace('before-outage', 'during-outage'));
    expect(write.body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    console.log(`[outage] read answered in ${read.ms} ms, write in ${write.ms} ms`);

    expect(await status(api, '/ready')).toBe(503);
    expect(await status(api, '/health')).toBe(200);
    // A request that needs no database is still served.
    expect((await gql(api, /* GraphQL */ `query Typename { __typename }`)).body.data).toEqual({ __typename: 'Query' });
    expect(api.child.exitCode).toBeNull();
    expect(api.child.signalCode).toBeNull();
  });

  it('recovers by itself when the database is back on the same port and data', async () => {
    neo4j = await startLocalNeo4j({ port: neo4j.port, dataDir, heap: '512m', pageCache: '32m', nice: LOCAL_NICE });
    expect(await until(async () => (await status(api, '/ready')) === 200)).toBe(true);
    const read = await gql(api, READ_SOURCE);
    if (read.body.errors) console.log(JSON.stringify(read.body.errors), api.output().slice(-3000));
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data).toEqual({ node: { id: 'source:before-outage', title: 'Written before the outage' } });
    const written = await gql(api, ADD_SOURCE.replace('before-outage', 'after-outage'));
    expect(written.body.errors).toBeUndefined();
    expect(api.child.exitCode).toBeNull();
  });
});
