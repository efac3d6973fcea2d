/**
 * Concurrency over HTTP: many researchers naming the same new actor at the same moment produce
 * one actor (MERGE on its Name key, under the key's unique constraint), and concurrent retries
 * of one idempotent add produce one claim.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetGraph } from '../support/graph.js';
import { SLOW_MACHINE, testKeys, type TestKeys } from '../support/keys.js';
import { startTestServer, type TestServer } from '../support/server.js';

let api: TestServer;
let keys: TestKeys;
const CONCURRENT = 20;

const ADD_CLAIM = /* GraphQL */ `mutation AddClaim($input: AddClaimInput!) { addClaim(input: $input) { id } }`;

beforeAll(async () => {
  keys = testKeys();
  api = await startTestServer({ API_KEYS: keys.apiKeys, ...SLOW_MACHINE });
  await resetGraph(api.server.db);
  const source = await api.gql(
    /* GraphQL */ `mutation AddSource { addSource(input: { id: "source:wire", kind: ARTICLE, title: "Wire report" }) { id } }`,
    {},
    keys.researcher,
  );
  expect(source.errors).toBeUndefined();
});
afterAll(async () => {
  await api?.stop();
});

async function count(query: string, params: Record<string, unknown> = {}): Promise<number> {
  const [row] = await api.server.db.scope().read(query, params);
  return Number(row?.get('n'));
}

describe('concurrent writes', () => {
  it(`${CONCURRENT} concurrent claims naming the same new actor and place create each once`, async () => {
    const results = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        api.gql(
          ADD_CLAIM,
          {
            input: {
              text: `Report ${i}: the Omega Front attacked Sigma.`,
              // Spelled differently each time: one normalised name.
              assertedBy: { name: i % 2 ? 'Omega Front' : ' OMÉGA   front ', kind: 'ARMED_GROUP' },
              sourceIds: ['source:wire'],
              events: [
                {
                  type: 'BATTLE',
                  description: `Attack ${i}`,
                  place: { name: i % 3 ? 'Sigma' : 'SIGMA', kind: 'TOWN' },
                  participants: [{ actor: { name: 'omega front', kind: 'ARMED_GROUP' }, role: 'ATTACKER' }],
                },
              ],
            },
          },
          i % 2 ? keys.researcher : keys.otherResearcher,
        ),
      ),
    );
    for (const r of results) expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(await count(`MATCH (:Name {key: 'actor:omega front'})-[:NAMES]->(a:Actor) RETURN count(a) AS n`)).toBe(1);
    expect(await count(`MATCH (a:Actor) RETURN count(a) AS n`)).toBe(1);
    expect(await count(`MATCH (p:Place) RETURN count(p) AS n`)).toBe(1);
    expect(await count(`MATCH (c:Claim)-[:ASSERTED_BY]->(:Actor) RETURN count(c) AS n`)).toBe(CONCURRENT);
    expect(await count(`MATCH (:Actor)-[r:PARTICIPATED_IN]->(:Event) RETURN count(r) AS n`)).toBe(CONCURRENT);
  });

  it('concurrent retries of one idempotent add create one claim and all return it', async () => {
    const input = {
      idempotencyKey: 'wire-2023-10-02-omega',
      text: 'The Omega Front withdrew from Sigma.',
      assertedBy: { name: 'Omega Front' },
      sourceIds: ['source:wire'],
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => api.gql<{ addClaim: { id: string } }>(ADD_CLAIM, { input }, keys.researcher)),
    );
    for (const r of results) expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const ids = new Set(results.map((r) => r.data?.addClaim.id));
    expect(ids.size).toBe(1);
    expect(await count(`MATCH (c:Claim) WHERE c.text = $text RETURN count(c) AS n`, { text: input.text })).toBe(1);
  });
});
