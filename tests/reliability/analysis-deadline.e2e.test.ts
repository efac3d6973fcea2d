/**
 * The request deadline for the analysts' graph queries and for writes, over HTTP. A path search
 * over a dense hub and neighbourhoods at their caps (depth 3, 500 nodes), twenty of each in one
 * request, are cut at REQUEST_TIMEOUT_MS with REQUEST_TIMEOUT, their transactions terminated on
 * the engine, which goes idle (CPU from /proc), and the next request is answered. A write stuck
 * behind a lock another transaction holds is cut the same way, commits nothing, not even once the
 * lock is gone, and the same write succeeds afterwards, once.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { Session } from 'neo4j-driver';
import { hashKey, newKey } from '../../src/auth.js';
import { engineIdleWithin } from '../support/engine.js';
import { countGraph, resetGraph } from '../support/graph.js';
import { startTestServer, type TestServer } from '../support/server.js';

vi.setConfig({ testTimeout: 240_000 });

const KEY = newKey();
const RESEARCHER = `deadline-writer:researcher:${hashKey(KEY)}`;
const DEADLINE_MS = 250;
const HUB_A = 'actor:deadline-hub-a';
const HUB_B = 'actor:deadline-hub-b';
const EVENTS = 1_000;
const PARTICIPANTS = 20;

// Two hubs, each in EVENTS events of PARTICIPANTS other actors, and nothing joining them: a path
// search between them explores both sides to the hop limit. One UNWIND, committed in batches
// (one transaction would exceed the engine's memory limit per transaction).
const DENSE_HUBS = `
  UNWIND $hubs AS hub
  UNWIND range(1, $events) AS i
  CALL (hub, i) {
    MERGE (h:Actor {id: hub}) ON CREATE SET h.name = hub, h.kind = 'ARMED_GROUP', h.aliases = []
    CREATE (e:Event {id: hub + ':event:' + i, type: 'BATTLE', description: ''})
    CREATE (h)-[:PARTICIPATED_IN {role: 'ATTACKER'}]->(e)
    WITH e
    UNWIND range(1, $participants) AS j
    CREATE (:Actor {id: hub + ':actor:' + i + ':' + j, name: 'participant', kind: 'ARMED_GROUP', aliases: []})
      -[:PARTICIPATED_IN {role: 'TARGET'}]->(e)
  } IN TRANSACTIONS OF 200 ROWS`;

/** Twenty aliases of one field: far more work than the request's deadline allows. */
const many = (field: string) => Array.from({ length: 20 }, (_, i) => `a${i}: ${field}`).join('\n');
const PATHS = `query DensePaths {
  ${many(`pathBetween(fromId: "${HUB_A}", toId: "${HUB_B}", maxHops: 6, all: true) { length nodes { id } }`)}
}`;
const NEIGHBOURHOODS = `query HubNeighbourhoods {
  ${many(`neighbourhood(id: "${HUB_A}", depth: 3, limit: 500) { capped nodes { id } edges { id } }`)}
}`;
const NEXT = `query Next { actor(id: "${HUB_B}") { name } }`;

/** Transactions of the API (marked with its scope) still open on the engine. */
async function apiTransactions(api: TestServer): Promise<number> {
  const rows = await api.server.db
    .scope(60_000)
    .read(
      "SHOW TRANSACTIONS YIELD metaData, currentQuery WHERE metaData.scope IS NOT NULL AND NOT currentQuery STARTS WITH 'SHOW' RETURN count(*) AS n",
    );
  return Number(rows[0]?.get('n'));
}

/** Once the engine let go of everything the API gave up on: no session held, no transaction left. */
async function released(api: TestServer): Promise<void> {
  await vi.waitFor(
    async () => {
      expect(api.server.db.abandoned).toBe(0);
      expect(await apiTransactions(api)).toBe(0);
    },
    { timeout: 20_000, interval: 250 },
  );
  const pid = inject('neo4jPid');
  if (pid > 0) expect(await engineIdleWithin(pid, 10)).toBe(true);
}

describe('analysis queries at their caps, past the deadline', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ REQUEST_TIMEOUT_MS: String(DEADLINE_MS) });
    await resetGraph(api.server.db);
    const session = api.server.db.driver.session();
    try {
      await session.run(DENSE_HUBS, { hubs: [HUB_A, HUB_B], events: EVENTS, participants: PARTICIPANTS });
    } finally {
      await session.close();
    }
    // Planned once, the next request's read takes far less than the deadline.
    expect((await api.gql(NEXT)).errors).toBeUndefined();
  }, 600_000);
  afterAll(async () => {
    await api.stop();
  });

  it('holds the dense hubs it was given', async () => {
    const { nodes, relationships } = await countGraph(api.server.db);
    expect(nodes).toBe(2 * (1 + EVENTS * (1 + PARTICIPANTS)));
    expect(relationships).toBe(2 * EVENTS * (1 + PARTICIPANTS));
  });

  it.each([
    ['path searches over the dense hubs', PATHS],
    ['neighbourhoods at depth 3 and 500 nodes', NEIGHBOURHOODS],
  ])('cuts %s with REQUEST_TIMEOUT, and the engine lets go', async (_what, query) => {
    const result = await api.gql(query);
    const codes = (result.errors ?? []).map((e) => e.extensions?.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(['REQUEST_TIMEOUT']));
    expect(result.errors?.[0]?.message).toContain(`${DEADLINE_MS} ms deadline`);
    await released(api);
    const next = await api.gql<{ actor: { name: string } }>(NEXT);
    expect(next.errors).toBeUndefined();
    expect(next.data?.actor.name).toBe(HUB_B);
  });
});

describe('a write stuck behind a lock, past the deadline', () => {
  let api: TestServer;
  let holder: Session;
  const ACTOR = 'actor:deadline-locked';
  const SOURCE = 'source:deadline-write';
  const CLAIM = 'claim:deadline-stuck';
  const ADD_CLAIM = `mutation StuckClaim($input: AddClaimInput!) { addClaim(input: $input) { id } }`;
  const input = {
    id: CLAIM,
    text: 'A claim whose asserting actor another transaction holds locked (deadline test).',
    assertedBy: { id: ACTOR },
    sourceIds: [SOURCE],
    events: [
      {
        type: 'BATTLE',
        description: 'An event written with the stuck claim',
        participants: [{ actor: { id: ACTOR }, role: 'ATTACKER' }],
      },
    ],
  };
  const claims = async () =>
    Number(
      (await api.server.db.scope().read('MATCH (c:Claim {id: $id}) RETURN count(c) AS n', { id: CLAIM }))[0]?.get('n'),
    );

  beforeAll(async () => {
    // The records the write needs, and the same write once for another claim, so that every
    // statement of the write path is planned: the stuck write then waits on the lock alone.
    const setup = await startTestServer({ REQUEST_TIMEOUT_MS: '300000', API_KEYS: RESEARCHER });
    try {
      await resetGraph(setup.server.db);
      for (const [query, variables] of [
        [`mutation { addActor(input: { id: "${ACTOR}", name: "Locked Actor", kind: ARMED_GROUP }) { id } }`, {}],
        [`mutation { addSource(input: { id: "${SOURCE}", kind: ARTICLE, title: "Deadline source" }) { id } }`, {}],
        [ADD_CLAIM, { input: { ...input, id: `${CLAIM}-warm`, text: `${input.text} (warm)` } }],
      ] as const) {
        const answer = await setup.gql(query, variables, KEY);
        expect(answer.errors).toBeUndefined();
      }
    } finally {
      await setup.stop();
    }
    api = await startTestServer({ REQUEST_TIMEOUT_MS: '3000', API_KEYS: RESEARCHER });
    holder = api.server.db.driver.session();
  }, 600_000);
  afterAll(async () => {
    await holder?.close();
    await api?.stop();
  });

  it('answers REQUEST_TIMEOUT, commits nothing, and the same write succeeds once the lock is gone', async () => {
    const before = await countGraph(api.server.db);
    // The test's own transaction takes the actor's write lock and keeps it until rolled back.
    const locking = holder.beginTransaction();
    await locking.run('MATCH (a:Actor {id: $id}) SET a.heldByTest = true', { id: ACTOR });
    try {
      const stuck = await api.gql(ADD_CLAIM, { input }, KEY);
      expect(stuck.errors?.[0]?.extensions?.code).toBe('REQUEST_TIMEOUT');
      expect(stuck.errors?.[0]?.message).toMatch(/3000 ms deadline/);
      await released(api);
    } finally {
      await locking.rollback();
    }
    // Nothing of the claim, its event or its edges landed, not even now the lock is free.
    const lockGone = await api.server.db.scope().read('MATCH (a:Actor {id: $id}) RETURN a.heldByTest AS held', {
      id: ACTOR,
    });
    expect(lockGone[0]?.get('held')).toBeNull();
    expect(await countGraph(api.server.db)).toEqual(before);
    expect(await claims()).toBe(0);

    const again = await api.gql<{ addClaim: { id: string } }>(ADD_CLAIM, { input }, KEY);
    expect(again.errors).toBeUndefined();
    expect(again.data?.addClaim.id).toBe(CLAIM);
    expect(await claims()).toBe(1);
    await released(api);
    expect(await claims()).toBe(1);
  });
});
