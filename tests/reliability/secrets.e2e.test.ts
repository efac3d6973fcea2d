/**
 * Neo4j credentials and API keys never reach a log: the API runs at the most verbose level with a
 * password and keys configured, is sent keys in both headers (valid, invalid, on a refused
 * write), and what it logged — in process and as a separate process — is searched for them.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashKey, newKey } from '../../src/auth.js';
import { createLogger } from '../../src/logger.js';
import { createServer } from '../../src/server.js';
import { testConfig } from '../support/server.js';
import { spawnApi } from './api-process.js';

const PASSWORD = `pw-${newKey()}`;
const KEY = newKey();
const UNKNOWN_KEY = newKey();
const SECRETS = [PASSWORD, KEY, UNKNOWN_KEY];

/** Requests that carry the keys every way a client can, including ones that fail. */
async function sendKeys(url: string): Promise<number[]> {
  const statuses: number[] = [];
  const send = async (headers: Record<string, string>, query: string) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    statuses.push(response.status);
    await response.text();
  };
  await send({ authorization: `Bearer ${KEY}` }, /* GraphQL */ `query Node { node(id: "actor:csp") { id } }`);
  await send({ 'x-api-key': KEY }, /* GraphQL */ `query Node2 { node(id: "actor:csp") { id } }`);
  await send({ authorization: `Bearer ${UNKNOWN_KEY}` }, /* GraphQL */ `query Typename { __typename }`);
  await send({ 'x-api-key': UNKNOWN_KEY }, /* GraphQL */ `query Typename2 { __typename }`);
  await send(
    { authorization: `Bearer ${KEY}` },
    /* GraphQL */ `mutation AddClaim { addClaim(input: {text: "t", assertedBy: {id: "actor:nobody"}, sourceIds: ["source:none"]}) { id } }`,
  );
  await send({ authorization: `Bearer ${KEY}` }, '{ node(id: ');
  return statuses;
}

describe('secrets in logs', () => {
  const apiKeys = `researcher-one:researcher:${hashKey(KEY)}`;

  describe('in process, at trace level', () => {
    const lines: string[] = [];
    let stop: () => Promise<void>;
    let url: string;
    beforeAll(async () => {
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      });
      const config = testConfig({ NEO4J_PASSWORD: PASSWORD, API_KEYS: apiKeys, LOG_LEVEL: 'trace' });
      const server = await createServer(config, createLogger('trace', sink));
      url = await server.start();
      stop = () => server.stop();
    });
    afterAll(async () => {
      await stop();
    });

    it('logs neither the Neo4j password nor any presented key', async () => {
      const statuses = await sendKeys(url);
      expect(statuses).toContain(401); // the unknown key was refused, so its path was exercised
      const log = lines.join('');
      expect(log.length).toBeGreaterThan(0);
      for (const secret of SECRETS) expect(log).not.toContain(secret);
    });
  });

  it('as a separate process, from start to stop, logs neither', async () => {
    const api = await spawnApi({
      NODE_ENV: 'production',
      LOG_LEVEL: 'trace',
      NEO4J_URI: inject('neo4jUri'),
      NEO4J_USER: inject('neo4jUser'),
      NEO4J_PASSWORD: PASSWORD,
      API_KEYS: apiKeys,
    });
    try {
      await sendKeys(api.url);
    } finally {
      await api.kill('SIGTERM');
    }
    const output = api.output();
    expect(output).toMatch(/conflict-graph is serving GraphQL/);
    for (const secret of SECRETS) expect(output).not.toContain(secret);
  });
});
