/**
 * Validation over HTTP: each rule refuses with BAD_USER_INPUT (or NOT_FOUND for an id that does
 * not exist) and a message naming the field, and nothing is written — proven by counting every
 * node and relationship before and after. Includes a mutation that fails half-way, after it has
 * created actors, a place and an event inside its transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countGraph, resetGraph } from '../support/graph.js';
import { SLOW_MACHINE, testKeys, type TestKeys } from '../support/keys.js';
import { startTestServer, type TestServer } from '../support/server.js';

let api: TestServer;
let keys: TestKeys;

const ADD_SOURCE = /* GraphQL */ `mutation AddSource($input: AddSourceInput!) { addSource(input: $input) { id } }`;
const ADD_ACTOR = /* GraphQL */ `mutation AddActor($input: AddActorInput!) { addActor(input: $input) { id } }`;
const ADD_PLACE = /* GraphQL */ `mutation AddPlace($input: AddPlaceInput!) { addPlace(input: $input) { id } }`;
const ADD_CLAIM = /* GraphQL */ `mutation AddClaim($input: AddClaimInput!) { addClaim(input: $input) { id } }`;
const UPDATE_EVENT = /* GraphQL */ `mutation UpdateEvent($input: UpdateEventInput!) { updateEvent(input: $input) { id } }`;
const CORROBORATE = /* GraphQL */ `mutation CorroborateClaim($input: ClaimEvidenceInput!) { corroborateClaim(input: $input) { id } }`;

async function ok(query: string, variables: Record<string, unknown>) {
  const result = await api.gql(query, variables, keys.researcher);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data;
}

/** Sends a write that must be refused; proves it wrote nothing; returns the error. */
async function refused(query: string, variables: Record<string, unknown>) {
  const before = await countGraph(api.server.db);
  const result = await api.gql(query, variables, keys.researcher);
  expect(await countGraph(api.server.db)).toEqual(before);
  expect(result.errors).toHaveLength(1);
  const error = result.errors![0]!;
  return { code: error.extensions?.code, field: error.extensions?.field, message: error.message };
}

const claim = (extra: Record<string, unknown> = {}) => ({
  input: { text: 'A claim.', assertedBy: { id: 'actor:alpha' }, sourceIds: ['source:one'], ...extra },
});

beforeAll(async () => {
  keys = testKeys();
  api = await startTestServer({ API_KEYS: keys.apiKeys, ...SLOW_MACHINE });
  await resetGraph(api.server.db);
  await ok(ADD_SOURCE, { input: { id: 'source:one', kind: 'ARTICLE', title: 'Source one', publisher: 'One' } });
  await ok(ADD_ACTOR, { input: { id: 'actor:alpha', name: 'Alpha Front', kind: 'ARMED_GROUP', aliases: ['AF'] } });
  await ok(ADD_PLACE, { input: { id: 'place:country', name: 'Country', kind: 'COUNTRY' } });
  await ok(ADD_CLAIM, {
    input: {
      id: 'claim:base',
      text: 'Alpha Front clashed in Country.',
      assertedBy: { id: 'actor:alpha' },
      sourceIds: ['source:one'],
      events: [{ id: 'event:base', type: 'BATTLE', description: 'A clash.', place: { id: 'place:country' } }],
    },
  });
});
afterAll(async () => {
  await api?.stop();
});

describe('no claim without a source', () => {
  it('an empty sourceIds is refused, naming sourceIds', async () => {
    const error = await refused(ADD_CLAIM, claim({ sourceIds: [] }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sourceIds' });
    expect(error.message).toMatch(/no claim without a source/);
  });

  it('a missing sourceIds is refused before it runs, naming sourceIds', async () => {
    const { input } = claim();
    const { sourceIds: _omit, ...withoutSources } = input;
    const error = await refused(ADD_CLAIM, { input: withoutSources });
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/sourceIds/);
  });

  it('a source that does not exist is NOT_FOUND, naming its place in the list', async () => {
    const error = await refused(ADD_CLAIM, claim({ sourceIds: ['source:one', 'source:nowhere'] }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', field: 'input.sourceIds[1]' });
    expect(error.message).toMatch(/source:nowhere.*addSource/);
  });
});

describe('ids that do not exist', () => {
  it.each([
    ['assertedBy', { assertedBy: { id: 'actor:ghost' } }, 'input.assertedBy.id'],
    ['supportingSourceIds', { supportingSourceIds: ['source:ghost'] }, 'input.supportingSourceIds[0]'],
    [
      'an event place',
      { events: [{ type: 'BATTLE', description: 'x', place: { id: 'place:ghost' } }] },
      'input.events[0].place.id',
    ],
    [
      'a participant',
      {
        events: [
          { type: 'BATTLE', description: 'x', participants: [{ actor: { id: 'actor:ghost' }, role: 'ATTACKER' }] },
        ],
      },
      'input.events[0].participants[0].actor.id',
    ],
    [
      'partOfId',
      { events: [{ type: 'BATTLE', description: 'x', partOfId: 'event:ghost' }] },
      'input.events[0].partOfId',
    ],
    ['about.eventIds', { about: { eventIds: ['event:base', 'event:ghost'] } }, 'input.about.eventIds[1]'],
    ['about.claimIds', { about: { claimIds: ['claim:ghost'] } }, 'input.about.claimIds[0]'],
    [
      'a relation end',
      { relations: [{ from: { id: 'actor:alpha' }, kind: 'OPPOSES', to: { id: 'actor:ghost' } }] },
      'input.relations[0].to.id',
    ],
  ])('%s', async (_what, extra, field) => {
    expect(await refused(ADD_CLAIM, claim(extra))).toMatchObject({ code: 'NOT_FOUND', field });
  });

  it('a parent place, a cited source, the claim to corroborate and the event to update', async () => {
    expect(await refused(ADD_PLACE, { input: { name: 'Town', kind: 'TOWN', parentId: 'place:ghost' } })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.parentId',
    });
    expect(
      await refused(ADD_SOURCE, { input: { kind: 'OTHER', title: 'x', citesIds: ['source:ghost'] } }),
    ).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.citesIds[0]',
    });
    expect(await refused(CORROBORATE, { input: { claimId: 'claim:ghost', sourceId: 'source:one' } })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.claimId',
    });
    expect(await refused(UPDATE_EVENT, { input: { id: 'event:ghost', description: 'x' } })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.id',
    });
  });
});

describe('dates', () => {
  it('an event that ends before it starts', async () => {
    const error = await refused(
      ADD_CLAIM,
      claim({
        events: [
          {
            type: 'BATTLE',
            description: 'x',
            time: { start: '2023-09-18T00:00:00Z', end: '2023-09-17T00:00:00Z', precision: 'DAY' },
          },
        ],
      }),
    );
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.events[0].time.end' });
    expect(error.message).toMatch(/before start/);
  });

  it('a source published in the future', async () => {
    const error = await refused(ADD_SOURCE, {
      input: { kind: 'OTHER', title: 'x', publishedAt: '2999-01-01T00:00:00Z' },
    });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.publishedAt' });
  });

  it('a date that is not ISO 8601', async () => {
    const error = await refused(ADD_SOURCE, { input: { kind: 'OTHER', title: 'x', publishedAt: '17/09/2023' } });
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/publishedAt/);
  });
});

describe('coordinates, enums, lengths, URLs, counts', () => {
  it('a latitude outside -90..90 and a longitude outside -180..180', async () => {
    for (const location of [
      { latitude: 91, longitude: 0 },
      { latitude: 0, longitude: -181 },
    ]) {
      const error = await refused(ADD_PLACE, { input: { name: 'Nowhere', kind: 'TOWN', location } });
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(/location/);
    }
  });

  it('an enum value that does not exist', async () => {
    const error = await refused(ADD_ACTOR, { input: { name: 'Beta', kind: 'GANG' } });
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/kind/);
  });

  it('variables with more errors than graphql-js lists are all BAD_USER_INPUT, the last one saying so', async () => {
    const before = await countGraph(api.server.db);
    const junk = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`unknown${i}`, i]));
    const result = await api.gql(ADD_CLAIM, { input: { ...claim().input, ...junk } }, keys.researcher);
    expect(await countGraph(api.server.db)).toEqual(before);
    expect(result.errors!.length).toBe(51);
    expect(new Set(result.errors!.map((error) => error.extensions?.code))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(result.errors!.at(-1)!.message).toMatch(/too many errors.*first 50/i);
  });

  it('texts that are empty or too long', async () => {
    expect(await refused(ADD_CLAIM, claim({ text: '   ' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.text',
    });
    const long = await refused(ADD_CLAIM, claim({ text: 'x'.repeat(5001) }));
    expect(long).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.text' });
    expect(long.message).toMatch(/at most 5000/);
    expect(await refused(ADD_ACTOR, { input: { name: 'B'.repeat(201), kind: 'PERSON' } })).toMatchObject({
      field: 'input.name',
    });
  });

  it('a URL that is not http(s)', async () => {
    const error = await refused(ADD_SOURCE, { input: { kind: 'OTHER', title: 'x', url: 'ftp://example.org/report' } });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
  });

  it('fatalities that are negative or out of order (unknown is left out, not 0)', async () => {
    const negative = await refused(
      ADD_CLAIM,
      claim({ events: [{ type: 'BATTLE', description: 'x', fatalities: { low: -1 } }] }),
    );
    expect(negative).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.events[0].fatalities.low' });
    const order = await refused(
      ADD_CLAIM,
      claim({ events: [{ type: 'BATTLE', description: 'x', fatalities: { low: 5, high: 2 } }] }),
    );
    expect(order).toMatchObject({ field: 'input.events[0].fatalities.high' });
  });

  it('a new id that does not look like its type', async () => {
    const error = await refused(ADD_ACTOR, { input: { id: 'place:beta', name: 'Beta', kind: 'PERSON' } });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
  });
});

describe('names and evidence', () => {
  it('a new actor named without a kind', async () => {
    const error = await refused(ADD_CLAIM, claim({ assertedBy: { name: 'Gamma Brigade' } }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assertedBy.kind' });
    expect(error.message).toMatch(/no actor is named "Gamma Brigade"/);
  });

  it('a ref with both id and name', async () => {
    const error = await refused(ADD_CLAIM, claim({ assertedBy: { id: 'actor:alpha', name: 'Alpha Front' } }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assertedBy.id' });
  });

  it('adding an actor whose name or alias names another one is a CONFLICT naming it', async () => {
    const error = await refused(ADD_ACTOR, { input: { name: 'Delta', kind: 'ARMED_GROUP', aliases: ['alpha front'] } });
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'input' });
    expect(error.message).toMatch(/already names actor:alpha/);
  });

  it('a source both for and against one claim', async () => {
    const error = await refused(ADD_CLAIM, claim({ contradictingSourceIds: ['source:one'] }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contradictingSourceIds[0]' });
  });

  it('a claim id that exists already', async () => {
    expect(await refused(ADD_CLAIM, claim({ id: 'claim:base' }))).toMatchObject({
      code: 'CONFLICT',
      field: 'input.id',
    });
  });

  it('an event placed elsewhere by a later claim', async () => {
    await ok(ADD_PLACE, {
      input: { id: 'place:elsewhere', name: 'Elsewhere', kind: 'TOWN', parentId: 'place:country' },
    });
    const error = await refused(ADD_CLAIM, claim({ events: [{ id: 'event:base', place: { id: 'place:elsewhere' } }] }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.events[0].place' });
  });

  it('a place inside itself', async () => {
    const error = await refused(
      /* GraphQL */ `mutation UpdatePlace($input: UpdatePlaceInput!) { updatePlace(input: $input) { id } }`,
      {
        input: { id: 'place:country', parentId: 'place:elsewhere' },
      },
    );
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
  });
});

describe('a mutation that fails half-way', () => {
  it('writes nothing: the actors, place, event and links it made before the bad input are rolled back', async () => {
    const before = await countGraph(api.server.db);
    const result = await api.gql(
      ADD_CLAIM,
      {
        input: {
          text: 'Epsilon Movement attacked Zeta village with Eta Militia.',
          assertedBy: { name: 'Epsilon Movement', kind: 'ARMED_GROUP', aliases: ['EM'] },
          sourceIds: ['source:one'],
          events: [
            {
              type: 'BATTLE',
              subType: 'ARMED_CLASH',
              description: 'Epsilon Movement attacked Zeta village.',
              time: { start: '2023-10-01T00:00:00Z', end: '2023-10-01T23:59:59Z', precision: 'DAY' },
              place: {
                name: 'Zeta village',
                kind: 'TOWN',
                parentId: 'place:country',
                location: { latitude: 15, longitude: -3 },
              },
              participants: [
                { actor: { name: 'Epsilon Movement' }, role: 'ATTACKER' },
                { actor: { name: 'Eta Militia', kind: 'ARMED_GROUP' }, role: 'DEFENDER' },
                { actor: { id: 'actor:alpha' }, role: 'OTHER' },
              ],
            },
          ],
          relations: [{ from: { name: 'Epsilon Movement' }, kind: 'OPPOSES', to: { name: 'Eta Militia' } }],
          about: {
            actors: [{ name: 'Theta Council', kind: 'GOVERNMENT' }],
            eventIds: ['event:base'],
            claimIds: ['claim:base'],
            places: [{ name: 'Iota hills', kind: 'AREA' }],
          },
          supportingSourceIds: [],
        },
      },
      keys.researcher,
    );
    // The same shape, valid all the way, goes through: the refusal below is the late input's alone.
    expect(result.errors).toBeUndefined();
    const written = await countGraph(api.server.db);
    expect(written.nodes).toBeGreaterThan(before.nodes);

    const late = await api.gql(
      ADD_CLAIM,
      {
        input: {
          text: 'Kappa Front attacked Lambda village with Mu Militia.',
          assertedBy: { name: 'Kappa Front', kind: 'ARMED_GROUP' },
          sourceIds: ['source:one'],
          events: [
            {
              type: 'BATTLE',
              description: 'Kappa Front attacked Lambda village.',
              place: { name: 'Lambda village', kind: 'TOWN', parentId: 'place:country' },
              participants: [
                { actor: { name: 'Kappa Front' }, role: 'ATTACKER' },
                { actor: { name: 'Mu Militia', kind: 'ARMED_GROUP' }, role: 'DEFENDER' },
              ],
            },
          ],
          relations: [{ from: { name: 'Kappa Front' }, kind: 'OPPOSES', to: { name: 'Mu Militia' } }],
          // Late in the input, after the new actors, place and event were created: a new actor
          // without its kind.
          about: { actors: [{ name: 'Nu Council' }] },
        },
      },
      keys.researcher,
    );
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.about.actors[0].kind' });
    expect(await countGraph(api.server.db)).toEqual(written);
    const names = await api.server.db
      .scope()
      .read(
        `UNWIND ['actor:kappa front', 'actor:mu militia', 'place:lambda village'] AS key OPTIONAL MATCH (n:Name {key: key}) RETURN count(n) AS n`,
      );
    expect(Number(names[0]?.get('n'))).toBe(0);
  });
});
