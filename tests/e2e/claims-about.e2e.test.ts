/**
 * Claims are about what they state, over HTTP, on the seeded article: a claim that puts Wagner in
 * the Bourem attack is about Wagner without a hand-made list — in Wagner's claimsAbout and in
 * claims(filter: { aboutId }) — and Event.claims tells the claims that state an event from those
 * that only mention it. The Wagner claim is invented for the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_LOAD_TIMEOUT_MS, loadArticle } from '../support/graph.js';
import { SLOW_MACHINE, testKeys, type TestKeys } from '../support/keys.js';
import { startTestServer, type TestServer } from '../support/server.js';

let api: TestServer;
let keys: TestKeys;

beforeAll(async () => {
  keys = testKeys();
  api = await startTestServer({ API_KEYS: keys.apiKeys, ...SLOW_MACHINE });
  await loadArticle(api.server.db);
}, ARTICLE_LOAD_TIMEOUT_MS);
afterAll(async () => {
  await api?.stop();
});

async function ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await api.gql<T>(query, variables, keys.researcher);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id);

describe('claims are about what they state', () => {
  it("the claim that places Wagner in the Bourem attack is among Wagner's claimsAbout", async () => {
    await ok(`mutation ($input: AddClaimInput!) { addClaim(input: $input) { id } }`, {
      input: {
        id: 'claim:wagner-at-bourem',
        text: 'Wagner fighters took part in the defence of the Bourem base (test).',
        assertedBy: { id: 'actor:csp' },
        sourceIds: ['source:article'],
        events: [{ id: 'event:bourem-attack', participants: [{ actor: { name: 'Wagner Group' }, role: 'DEFENDER' }] }],
      },
    });
    const read = await ok<{
      actor: { claimsAbout: { nodes: { id: string }[] } };
      claims: { nodes: { id: string }[] };
    }>(`query {
      actor(id: "actor:wagner") { claimsAbout(first: 50) { nodes { id } } }
      claims(filter: { aboutId: "actor:wagner" }, first: 50) { nodes { id } }
    }`);
    expect(ids(read.actor.claimsAbout.nodes)).toContain('claim:wagner-at-bourem');
    expect(ids(read.claims.nodes)).toContain('claim:wagner-at-bourem');
    // The seed's accusation names Wagner as a participant and in a relation: about it too.
    expect(ids(read.actor.claimsAbout.nodes)).toContain('claim:csp-accuses-fama-and-wagner');
  });

  it('a claim is about the place of the event it states', async () => {
    const read = await ok<{ claims: { nodes: { id: string }[] } }>(`query {
      claims(filter: { aboutId: "place:bourem-fama-base" }, first: 50) { nodes { id } }
    }`);
    expect(ids(read.claims.nodes)).toContain('claim:bourem-attack');
  });

  it('Event.claims tells the claims that state the event from those that only mention it', async () => {
    const read = await ok<{
      event: { all: { id: string }[]; states: { id: string }[]; mentions: { id: string }[] };
    }>(`query {
      event(id: "event:bourem-attack") {
        all: claims { id }
        states: claims(link: STATES) { id }
        mentions: claims(link: MENTIONS) { id }
      }
    }`);
    const { all, states, mentions } = read.event;
    expect(ids(states)).toEqual(
      expect.arrayContaining(['claim:bourem-attack', 'claim:bourem-casualties-fama', 'claim:wagner-at-bourem']),
    );
    // The capture is part of the attack; the self-defense statement names it: both only mention it.
    expect(ids(mentions)).toEqual(expect.arrayContaining(['claim:bourem-soldier-captured', 'claim:csp-self-defense']));
    expect(ids(states).filter((id) => ids(mentions).includes(id))).toEqual([]);
    expect([...ids(states), ...ids(mentions)].sort()).toEqual(ids(all).sort());
  });
});
