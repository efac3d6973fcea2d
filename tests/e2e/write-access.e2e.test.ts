/**
 * Who may do what, over HTTP: reads are open (unless READS_REQUIRE_KEY), writes need the
 * researcher role, merge and retract need admin; no key or a wrong key is UNAUTHENTICATED, a
 * key without the role is FORBIDDEN — and a refused write writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countGraph, resetGraph } from '../support/graph.js';
import { SLOW_MACHINE, testKeys, type TestKeys } from '../support/keys.js';
import { startTestServer, type TestServer } from '../support/server.js';

let api: TestServer;
let keys: TestKeys;

const ADD_SOURCE = /* GraphQL */ `mutation AddSource($input: AddSourceInput!) { addSource(input: $input) { id } }`;
const ADD_ACTOR = /* GraphQL */ `mutation AddActor($input: AddActorInput!) { addActor(input: $input) { id } }`;
const ADD_CLAIM = /* GraphQL */ `mutation AddClaim($input: AddClaimInput!) { addClaim(input: $input) { id createdBy } }`;
const MERGE = /* GraphQL */ `mutation MergeActors { mergeActors(input: { keepId: "actor:one", mergeId: "actor:two" }) { id } }`;
const RETRACT = /* GraphQL */ `mutation RetractClaim { retractClaim(input: { claimId: "claim:access", reason: "test" }) { id retracted } }`;

beforeAll(async () => {
  keys = testKeys();
  api = await startTestServer({ API_KEYS: keys.apiKeys, ...SLOW_MACHINE });
  await resetGraph(api.server.db);
  const seedSource = await api.gql(
    ADD_SOURCE,
    { input: { id: 'source:access', kind: 'OTHER', title: 'Access test source' } },
    keys.admin,
  );
  expect(seedSource.errors).toBeUndefined();
});
afterAll(async () => {
  await api?.stop();
});

async function code(query: string, variables: Record<string, unknown>, key?: string) {
  const before = await countGraph(api.server.db);
  const result = await api.gql(query, variables, key);
  expect(await countGraph(api.server.db)).toEqual(before);
  return { code: result.errors?.[0]?.extensions?.code, message: result.errors?.[0]?.message, status: result.status };
}

const source = { input: { kind: 'OTHER', title: 'A source' } };

describe('write access', () => {
  it('reads are open without a key', async () => {
    const result = await api.gql(/* GraphQL */ `query Source { source(id: "source:access") { id title } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ source: { id: 'source:access', title: 'Access test source' } });
  });

  it('a write without a key is UNAUTHENTICATED and says how to get a key', async () => {
    const refused = await code(ADD_SOURCE, source);
    expect(refused.code).toBe('UNAUTHENTICATED');
    expect(refused.message).toMatch(/researcher role.*Authorization: Bearer/);
  });

  it('a key that is not configured is UNAUTHENTICATED (401), even for reads', async () => {
    const refused = await code(
      /* GraphQL */ `query Source2 { source(id: "source:access") { id } }`,
      {},
      'cg_not-a-real-key',
    );
    expect(refused).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it('an analyst key may read but not write: FORBIDDEN', async () => {
    expect(
      (await api.gql(/* GraphQL */ `query Source3 { source(id: "source:access") { id } }`, {}, keys.analyst)).errors,
    ).toBeUndefined();
    const refused = await code(ADD_SOURCE, source, keys.analyst);
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/ana, role analyst.*researcher/);
  });

  it('a researcher may add sources, actors and claims, written as their identity', async () => {
    for (const id of ['actor:one', 'actor:two']) {
      const added = await api.gql(
        ADD_ACTOR,
        { input: { id, name: id.replace('actor:', 'Actor '), kind: 'ARMED_GROUP' } },
        keys.researcher,
      );
      expect(added.errors).toBeUndefined();
    }
    const claim = await api.gql(
      ADD_CLAIM,
      {
        input: {
          id: 'claim:access',
          text: 'Actor one exists.',
          assertedBy: { id: 'actor:one' },
          sourceIds: ['source:access'],
        },
      },
      keys.researcher,
    );
    expect(claim.errors).toBeUndefined();
    expect(claim.data).toEqual({ addClaim: { id: 'claim:access', createdBy: 'alice' } });
  });

  it('a researcher may not merge actors or retract claims: FORBIDDEN', async () => {
    expect((await code(MERGE, {}, keys.researcher)).code).toBe('FORBIDDEN');
    expect((await code(RETRACT, {}, keys.researcher)).code).toBe('FORBIDDEN');
    expect((await code(MERGE, {})).code).toBe('UNAUTHENTICATED');
    expect((await code(RETRACT, {})).code).toBe('UNAUTHENTICATED');
  });

  it('an admin may merge and retract (and write like a researcher)', async () => {
    const merged = await api.gql(MERGE, {}, keys.admin);
    expect(merged.errors).toBeUndefined();
    const retracted = await api.gql(RETRACT, {}, keys.admin);
    expect(retracted.data).toEqual({ retractClaim: { id: 'claim:access', retracted: true } });
    const added = await api.gql(ADD_SOURCE, source, keys.admin);
    expect(added.errors).toBeUndefined();
  });
});

describe('with READS_REQUIRE_KEY', () => {
  let locked: TestServer;
  beforeAll(async () => {
    locked = await startTestServer({ API_KEYS: keys.apiKeys, READS_REQUIRE_KEY: 'true', ...SLOW_MACHINE });
  });
  afterAll(async () => {
    await locked?.stop();
  });

  it('reads without a key are UNAUTHENTICATED; any valid key may read', async () => {
    const refused = await locked.gql(/* GraphQL */ `query Source4 { source(id: "source:access") { id } }`);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(refused.status).toBe(401);
    for (const key of [keys.analyst, keys.researcher, keys.admin]) {
      const read = await locked.gql(/* GraphQL */ `query Source5 { source(id: "source:access") { id } }`, {}, key);
      expect(read.errors).toBeUndefined();
    }
  });
});
