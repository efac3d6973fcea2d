/**
 * A researcher enters a follow-up report over HTTP, on the seeded article: new sources that
 * corroborate the Léré withdrawal and dispute the aircraft claim, a new claim that names
 * existing actors and places by alias, a retried add, the audit trail, updates, a merge and a
 * retraction — and the read API shows the result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_LOAD_TIMEOUT_MS, countGraph, loadArticle } from '../support/graph.js';
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

/** Runs an operation that must succeed (as alice, a researcher, unless told) and returns its data. */
async function ok<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  key = keys.researcher,
): Promise<T> {
  const result = await api.gql<T>(query, variables, key);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

const ADD_SOURCE = /* GraphQL */ `mutation AddSource($input: AddSourceInput!) { addSource(input: $input) { id kind title publisher url publishedAt reliability } }`;
const CORROBORATE = /* GraphQL */ `mutation CorroborateClaim($input: ClaimEvidenceInput!) { corroborateClaim(input: $input) { id status } }`;
const DISPUTE = /* GraphQL */ `mutation DisputeClaim($input: ClaimEvidenceInput!) { disputeClaim(input: $input) { id status } }`;
const ADD_CLAIM = /* GraphQL */ `mutation AddClaim($input: AddClaimInput!) { addClaim(input: $input) { id status text createdBy } }`;
const CLAIM = /* GraphQL */ `query Claim($id: ID!) {
  claim(id: $id) {
    id status retracted
    assertedBy { id }
    reportedIn { id }
    supportingSources { id }
    contradictingSources { id }
  }
}`;
const PARTICIPANTS = /* GraphQL */ `query Event($id: ID!) { event(id: $id) { participants { role status actor { id } claims { id } } } }`;
const HISTORY = /* GraphQL */ `query History($id: ID!) { history(id: $id) { at by action targetId changes } }`;

interface ClaimView {
  id: string;
  status: string;
  retracted: boolean;
  assertedBy: { id: string } | null;
  reportedIn: { id: string }[];
  supportingSources: { id: string }[];
  contradictingSources: { id: string }[];
}
const claim = async (id: string) => (await ok<{ claim: ClaimView }>(CLAIM, { id })).claim;
const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id);

describe('a researcher enters a follow-up report', () => {
  it('adds the new sources', async () => {
    const { addSource } = await ok<{ addSource: Record<string, unknown> }>(ADD_SOURCE, {
      input: {
        id: 'source:follow-up-lere-residents',
        kind: 'LOCAL_CIVILIAN',
        title: 'Léré residents reached by phone, 19 Sep 2023',
        publisher: 'Follow-up desk',
        publishedAt: '2023-09-19T10:00:00Z',
        reliability: 'C',
      },
    });
    expect(addSource).toEqual({
      id: 'source:follow-up-lere-residents',
      kind: 'LOCAL_CIVILIAN',
      title: 'Léré residents reached by phone, 19 Sep 2023',
      publisher: 'Follow-up desk',
      url: null,
      publishedAt: '2023-09-19T10:00:00.000Z',
      reliability: 'C',
    });
    await ok(ADD_SOURCE, {
      input: {
        id: 'source:fama-communique-2023-09-19',
        kind: 'OFFICIAL_STATEMENT',
        title: 'FAMa communiqué of 19 Sep 2023: no aircraft lost at Léré',
        publisher: 'FAMa',
        url: 'https://example.org/fama/communique-2023-09-19',
        publishedAt: '2023-09-19T00:00:00Z',
      },
    });
  });

  it('corroborates the Léré withdrawal: the claim lists the new supporting source', async () => {
    // The time of the withdrawal is the CSP spokesperson's alone (the civilians' confirmation is a
    // claim of its own), so a second origin corroborates it.
    const before = await claim('claim:lere-withdrawal');
    expect(before.status).toBe('REPORTED');
    const { corroborateClaim } = await ok<{ corroborateClaim: { status: string } }>(CORROBORATE, {
      input: {
        claimId: 'claim:lere-withdrawal',
        sourceId: 'source:follow-up-lere-residents',
        note: 'residents saw the fighters leave',
      },
    });
    expect(corroborateClaim.status).toBe('CORROBORATED');
    const after = await claim('claim:lere-withdrawal');
    expect(ids(after.supportingSources)).toEqual(
      expect.arrayContaining(['source:csp-spokesperson', 'source:follow-up-lere-residents']),
    );
    expect(after.contradictingSources).toEqual([]);
  });

  it('corroborating a claim with one origin makes it and its facts CORROBORATED', async () => {
    expect((await claim('claim:lere-town-searched')).status).toBe('REPORTED');
    await ok(CORROBORATE, {
      input: { claimId: 'claim:lere-town-searched', sourceId: 'source:follow-up-lere-residents' },
    });
    expect((await claim('claim:lere-town-searched')).status).toBe('CORROBORATED');
    const { event } = await ok<{ event: { participants: { role: string; status: string; actor: { id: string } }[] } }>(
      PARTICIPANTS,
      { id: 'event:lere-search' },
    );
    expect(event.participants).toEqual([
      expect.objectContaining({ role: 'OTHER', status: 'CORROBORATED', actor: { id: 'actor:csp' } }),
    ]);
  });

  it('disputes the aircraft claim: DISPUTED, with the contradicting source, and so are its facts', async () => {
    expect((await claim('claim:lere-aircraft-shot-down')).status).toBe('REPORTED');
    const { disputeClaim } = await ok<{ disputeClaim: { status: string } }>(DISPUTE, {
      input: { claimId: 'claim:lere-aircraft-shot-down', sourceId: 'source:fama-communique-2023-09-19' },
    });
    expect(disputeClaim.status).toBe('DISPUTED');
    const after = await claim('claim:lere-aircraft-shot-down');
    expect(after).toMatchObject({ status: 'DISPUTED', assertedBy: { id: 'actor:csp' } });
    expect(ids(after.contradictingSources)).toEqual(['source:fama-communique-2023-09-19']);
    const { event } = await ok<{ event: { participants: { role: string; status: string }[] } }>(PARTICIPANTS, {
      id: 'event:lere-aircraft-shot-down',
    });
    expect(event.participants.map((p) => p.status)).toEqual(['DISPUTED', 'DISPUTED']);
  });

  it('refuses a source that would both support and contradict a claim', async () => {
    const result = await api.gql(
      CORROBORATE,
      { input: { claimId: 'claim:lere-aircraft-shot-down', sourceId: 'source:fama-communique-2023-09-19' } },
      keys.researcher,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sourceId' });
  });

  it('adds a claim that names actors and places by alias, in any case or accent, and creates what is new', async () => {
    const before = await countGraph(api.server.db);
    const { addClaim } = await ok<{ addClaim: { id: string; status: string; createdBy: string } }>(ADD_CLAIM, {
      input: {
        id: 'claim:follow-up-patrol',
        text: 'Residents say a Malian army patrol reached Léré on 19 September and met a local self-defence group.',
        assertedBy: { name: '  malian ARMED forces ' },
        sourceIds: ['source:follow-up-lere-residents'],
        events: [
          {
            id: 'event:follow-up-patrol',
            type: 'STRATEGIC_DEVELOPMENT',
            subType: 'OTHER',
            time: { start: '2023-09-19T00:00:00Z', end: '2023-09-19T23:59:59.999Z', precision: 'DAY' },
            description: 'A FAMa patrol reached Léré and met a local self-defence group.',
            place: { name: 'LÉRÉ' },
            participants: [
              { actor: { name: 'Fama' }, role: 'OTHER' },
              {
                actor: { name: 'Léré self-defence group', kind: 'CIVILIAN_GROUP', aliases: ['Lere vigilantes'] },
                role: 'OTHER',
              },
            ],
            followsId: 'event:lere-withdrawal',
          },
        ],
      },
    });
    expect(addClaim).toMatchObject({ id: 'claim:follow-up-patrol', status: 'REPORTED', createdBy: 'alice' });
    const { event } = await ok<{
      event: {
        time: { label: string };
        place: { id: string };
        participants: { actor: { id: string; name: string } }[];
      };
    }>(
      /* GraphQL */ `query Event2 { event(id: "event:follow-up-patrol") { time { label } place { id } participants { actor { id name } } } }`,
    );
    expect(event.place.id).toBe('place:lere');
    expect(event.time.label).toBe('19 Sep 2023');
    expect(event.participants.map((p) => p.actor.id).sort()).toEqual(['actor:fama', 'actor:lere-self-defence-group']);
    const c = await claim('claim:follow-up-patrol');
    expect(c.assertedBy?.id).toBe('actor:fama');
    // One new actor (and no new place): the rest was found by name.
    const { actor } = await ok<{ actor: { name: string; kind: string; aliases: string[] } }>(
      /* GraphQL */ `query Actor { actor(id: "actor:lere-self-defence-group") { name kind aliases } }`,
    );
    expect(actor).toEqual({ name: 'Léré self-defence group', kind: 'CIVILIAN_GROUP', aliases: ['Lere vigilantes'] });
    const after = await countGraph(api.server.db);
    const created = await api.server.db
      .scope()
      .read(`MATCH (n) WHERE n:Actor OR n:Place OR n:Event OR n:Claim RETURN count(n) AS n`);
    // New: the actor, the event, the claim; FAMa and Léré were found by name.
    expect(Number(created[0]?.get('n'))).toBe(10 + 10 + 12 + 27 + 3);
    expect(after.nodes).toBeGreaterThan(before.nodes);
  });

  it('completes an existing event from a new claim but refuses to change what another claim stated', async () => {
    const result = await api.gql(
      ADD_CLAIM,
      {
        input: {
          text: 'The attack on the Léré camp was a riot.',
          assertedBy: { id: 'actor:fama' },
          sourceIds: ['source:fama-communique-2023-09-19'],
          events: [{ id: 'event:lere-camp-attack', type: 'RIOT' }],
        },
      },
      keys.researcher,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.events[0]' });
    expect(result.errors?.[0]?.message).toMatch(/already has type "BATTLE".*updateEvent/);
  });

  it('returns the first result when a retried add carries the same idempotency key', async () => {
    const input = {
      idempotencyKey: 'follow-up-2023-09-19-calm',
      text: 'Léré was still calm on 19 September.',
      assertedBy: { id: 'actor:soukaina-sghir' },
      sourceIds: ['source:follow-up-lere-residents'],
      about: { places: [{ name: 'Lere' }] },
    };
    const first = await ok<{ addClaim: { id: string } }>(ADD_CLAIM, { input });
    const counts = await countGraph(api.server.db);
    const retry = await ok<{ addClaim: { id: string } }>(ADD_CLAIM, { input });
    expect(retry.addClaim.id).toBe(first.addClaim.id);
    expect(await countGraph(api.server.db)).toEqual(counts);
    // The key belongs to alice: bob's request with the same key is his own first add (a claim
    // of its own: the same words from another researcher are a duplicate unless marked separate).
    const bob = await ok<{ addClaim: { id: string } }>(
      ADD_CLAIM,
      { input: { ...input, separateClaim: true } },
      keys.otherResearcher,
    );
    expect(bob.addClaim.id).not.toBe(first.addClaim.id);
  });

  it('keeps the history of a claim: who did what, when, oldest first', async () => {
    const { history } = await ok<{
      history: { at: string; by: string; action: string; targetId: string; changes: Record<string, unknown> }[];
    }>(HISTORY, { id: 'claim:lere-aircraft-shot-down' });
    expect(history.map((h) => [h.by, h.action])).toEqual([
      ['seed', 'addClaim'],
      ['alice', 'disputeClaim'],
    ]);
    expect(history[1]?.changes).toMatchObject({
      contradictedBy: 'source:fama-communique-2023-09-19',
      status: 'DISPUTED',
    });
    expect(Date.parse(history[0]!.at)).toBeLessThanOrEqual(Date.parse(history[1]!.at));
  });

  it('updates an actor, a place and an event, each recorded in its history', async () => {
    const { updateActor } = await ok<{ updateActor: { aliases: string[]; description: string } }>(
      /* GraphQL */ `mutation UpdateActor($input: UpdateActorInput!) { updateActor(input: $input) { aliases description } }`,
      {
        input: {
          id: 'actor:lere-self-defence-group',
          aliases: ['Lere vigilantes', 'Léré militia'],
          description: 'Residents under arms.',
        },
      },
    );
    expect(updateActor).toEqual({ aliases: ['Lere vigilantes', 'Léré militia'], description: 'Residents under arms.' });
    // The new alias finds it.
    const found = await ok<{ addClaim: { id: string } }>(ADD_CLAIM, {
      input: {
        text: 'The Léré militia patrols the town at night.',
        assertedBy: { name: 'LERE MILITIA' },
        sourceIds: ['source:follow-up-lere-residents'],
      },
    });
    expect((await claim(found.addClaim.id)).assertedBy?.id).toBe('actor:lere-self-defence-group');

    const { updatePlace } = await ok<{ updatePlace: { location: { latitude: number; longitude: number } } }>(
      /* GraphQL */ `mutation UpdatePlace($input: UpdatePlaceInput!) { updatePlace(input: $input) { location { latitude longitude } } }`,
      { input: { id: 'place:lere-military-camp', location: { latitude: 15.72, longitude: -4.91 } } },
    );
    expect(updatePlace.location).toEqual({ latitude: 15.72, longitude: -4.91 });

    // Figures are stated by claims, not set on the event: updateEvent changes the event's own fields.
    const { updateEvent } = await ok<{ updateEvent: { description: string } }>(
      /* GraphQL */ `mutation UpdateEvent($input: UpdateEventInput!) { updateEvent(input: $input) { description } }`,
      { input: { id: 'event:follow-up-patrol', description: 'A FAMa patrol reached Léré.' } },
    );
    expect(updateEvent).toEqual({ description: 'A FAMa patrol reached Léré.' });
    const { history } = await ok<{ history: { action: string; changes: { changed?: Record<string, unknown> } }[] }>(
      HISTORY,
      {
        id: 'event:follow-up-patrol',
      },
    );
    expect(history.map((h) => h.action)).toEqual(['addClaim', 'updateEvent']);
    expect(history[1]?.changes.changed).toMatchObject({
      description: { to: 'A FAMa patrol reached Léré.' },
    });
  });

  it('refuses an ambiguous name, listing the candidates', async () => {
    // Two actors may share an alias once a researcher says so; a lookup by it must then choose.
    await ok(/* GraphQL */ `mutation UpdateActor2($input: UpdateActorInput!) { updateActor(input: $input) { id } }`, {
      input: { id: 'actor:mali-transitional-authorities', aliases: ['Malian transitional authorities', 'Bamako'] },
    });
    await ok(/* GraphQL */ `mutation UpdateActor3($input: UpdateActorInput!) { updateActor(input: $input) { id } }`, {
      input: { id: 'actor:mali', aliases: ['Republic of Mali', 'Bamako'] },
    });
    const result = await api.gql(
      ADD_CLAIM,
      {
        input: {
          text: 'Bamako says so.',
          assertedBy: { name: 'bamako' },
          sourceIds: ['source:follow-up-lere-residents'],
        },
      },
      keys.researcher,
    );
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('AMBIGUOUS_NAME');
    expect(error?.extensions?.field).toBe('input.assertedBy.name');
    expect((error?.extensions?.candidates as { id: string }[]).map((c) => c.id).sort()).toEqual([
      'actor:mali',
      'actor:mali-transitional-authorities',
    ]);
    expect(error?.message).toMatch(/by id/);
  });

  it('merges two records of one actor (admin): claims, facts, names and history move to the kept one', async () => {
    // A duplicate of FAMa, with its own claim and participation.
    const dup = await ok<{ addActor: { id: string } }>(
      /* GraphQL */ `mutation AddActor($input: AddActorInput!) { addActor(input: $input) { id } }`,
      {
        input: {
          id: 'actor:famas-duplicate',
          name: 'Forces Armées Maliennes (FAMAS)',
          kind: 'STATE_FORCE',
          aliases: ['FAMAS'],
        },
      },
    );
    await ok(ADD_CLAIM, {
      input: {
        id: 'claim:famas-defended-lere',
        text: 'The FAMAS defended the Léré camp.',
        assertedBy: { id: dup.addActor.id },
        sourceIds: ['source:fama-communique-2023-09-19'],
        events: [
          { id: 'event:lere-camp-attack', participants: [{ actor: { id: dup.addActor.id }, role: 'DEFENDER' }] },
        ],
        relations: [{ from: { id: 'actor:csp' }, kind: 'OPPOSES', to: { id: dup.addActor.id } }],
      },
    });
    const refused = await api.gql(
      /* GraphQL */ `mutation MergeActors { mergeActors(input: { keepId: "actor:fama", mergeId: "actor:famas-duplicate" }) { id } }`,
      {},
      keys.researcher,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const { mergeActors } = await ok<{ mergeActors: { id: string; aliases: string[] } }>(
      /* GraphQL */ `mutation MergeActors2 { mergeActors(input: { keepId: "actor:fama", mergeId: "actor:famas-duplicate" }) { id aliases } }`,
      {},
      keys.admin,
    );
    expect(mergeActors.aliases).toEqual(expect.arrayContaining(['Fama', 'Forces Armées Maliennes (FAMAS)', 'FAMAS']));
    // The merged id keeps resolving, to the kept actor.
    expect(
      (await ok<{ actor: { id: string } }>(/* GraphQL */ `query Actor2 { actor(id: "actor:famas-duplicate") { id } }`))
        .actor,
    ).toEqual({ id: 'actor:fama' });
    expect((await claim('claim:famas-defended-lere')).assertedBy?.id).toBe('actor:fama');
    const { event } = await ok<{
      event: { participants: { role: string; actor: { id: string }; claims: { id: string }[] }[] };
    }>(PARTICIPANTS, { id: 'event:lere-camp-attack' });
    const defender = event.participants.filter((p) => p.role === 'DEFENDER');
    expect(defender).toHaveLength(1);
    expect(ids(defender[0]!.claims).sort()).toEqual(
      ['claim:famas-defended-lere', 'claim:lere-attack-confirmed-by-fama', 'claim:lere-camp-taken'].sort(),
    );
    // The duplicate's alias now names FAMa.
    const byAlias = await ok<{ addClaim: { id: string } }>(ADD_CLAIM, {
      input: {
        text: 'The FAMAS hold Léré.',
        assertedBy: { name: 'famas' },
        sourceIds: ['source:fama-communique-2023-09-19'],
      },
    });
    expect((await claim(byAlias.addClaim.id)).assertedBy?.id).toBe('actor:fama');
    const { history } = await ok<{ history: { action: string; targetId: string }[] }>(HISTORY, { id: 'actor:fama' });
    expect(history.map((h) => [h.action, h.targetId])).toEqual(
      expect.arrayContaining([
        ['addActor', 'actor:fama'],
        ['addActor', 'actor:famas-duplicate'],
        ['mergeActors', 'actor:fama'],
      ]),
    );
  });

  it('retracts a claim (admin): kept and visible on request, hidden from default reads, its facts re-ranked', async () => {
    const refused = await api.gql(
      /* GraphQL */ `mutation RetractClaim { retractClaim(input: { claimId: "claim:lere-town-searched", reason: "x" }) { id } }`,
      {},
      keys.researcher,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { retractClaim } = await ok<{ retractClaim: { retracted: boolean; retractionReason: string } }>(
      /* GraphQL */ `mutation RetractClaim2 { retractClaim(input: { claimId: "claim:follow-up-patrol", reason: "The residents could not confirm the date." }) { retracted retractionReason } }`,
      {},
      keys.admin,
    );
    expect(retractClaim).toEqual({ retracted: true, retractionReason: 'The residents could not confirm the date.' });
    const hidden = await ok<{ claims: { nodes: { id: string }[] } }>(
      /* GraphQL */ `query Claims { claims(filter: { textContains: "patrol reached" }) { nodes { id } } }`,
    );
    expect(hidden.claims.nodes).toEqual([]);
    const shown = await ok<{ claims: { nodes: { id: string }[] } }>(
      /* GraphQL */ `query Claims2 { claims(filter: { textContains: "patrol reached", includeRetracted: true }) { nodes { id } } }`,
    );
    expect(ids(shown.claims.nodes)).toEqual(['claim:follow-up-patrol']);
    expect((await claim('claim:follow-up-patrol')).retracted).toBe(true);
    const { history } = await ok<{ history: { by: string; action: string }[] }>(HISTORY, {
      id: 'claim:follow-up-patrol',
    });
    expect(history.map((h) => [h.by, h.action])).toEqual([
      ['alice', 'addClaim'],
      ['ada', 'retractClaim'],
    ]);
  });
});
