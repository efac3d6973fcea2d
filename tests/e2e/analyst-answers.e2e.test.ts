/**
 * Complete and consistent answers for analysts, over HTTP on the seeded article: a sub-event with
 * no place of its own counts at its larger event's place in every read by place, and says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_LOAD_TIMEOUT_MS, loadArticle } from '../support/graph.js';
import { startTestServer, type TestServer } from '../support/server.js';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
  await loadArticle(api.server.db);
}, ARTICLE_LOAD_TIMEOUT_MS);
afterAll(async () => {
  await api.stop();
});

// The aircraft the CSP claims to have shot down "during its attack on Léré" names no place; the
// attack it is part of occurred at the Léré military camp.
const SUB_EVENT = 'event:lere-aircraft-shot-down';

describe('a sub-event without a place counts at its larger event’s place', () => {
  it('reads the place as inherited, and an event’s own place as its own', async () => {
    const result = await api.gql<{
      sub: { place: { id: string } | null; placeInherited: boolean; partOf: { id: string } };
      own: { place: { id: string } | null; placeInherited: boolean };
    }>(`{
      sub: event(id: "${SUB_EVENT}") { place { id } placeInherited partOf { id } }
      own: event(id: "event:lere-camp-attack") { place { id } placeInherited }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.sub).toEqual({
      place: { id: 'place:lere-military-camp' },
      placeInherited: true,
      partOf: { id: 'event:lere-camp-attack' },
    });
    expect(result.data!.own).toEqual({ place: { id: 'place:lere-military-camp' }, placeInherited: false });
  });

  it('is in the events of the region, of the town and of the place itself', async () => {
    for (const placeId of ['place:timbuktu-region', 'place:lere', 'place:lere-military-camp']) {
      const result = await api.gql<{ events: { nodes: { id: string; placeInherited: boolean }[] } }>(
        `query($placeId: ID!) { events(filter: { placeId: $placeId }, first: 100) { nodes { id placeInherited } } }`,
        { placeId },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.events.nodes).toContainEqual({ id: SUB_EVENT, placeInherited: true });
    }
    const elsewhere = await api.gql<{ events: { nodes: { id: string }[] } }>(
      `{ events(filter: { placeId: "place:gao-region" }, first: 100) { nodes { id } } }`,
    );
    expect(elsewhere.data!.events.nodes.map((e) => e.id)).not.toContain(SUB_EVENT);
    // With an actor, the place is a condition rather than the driver: the same answer.
    const withActor = await api.gql<{ events: { nodes: { id: string }[] } }>(
      `{ events(filter: { placeId: "place:lere", actorId: "actor:csp" }, first: 100) { nodes { id } } }`,
    );
    expect(withActor.data!.events.nodes.map((e) => e.id)).toContain(SUB_EVENT);
  });

  it('is in the place’s events and timeline', async () => {
    const result = await api.gql<{
      place: { events: { nodes: { id: string }[] }; own: { nodes: { id: string }[] } };
      timeline: { nodes: { id: string; placeInherited: boolean }[] };
    }>(`{
      place(id: "place:lere") {
        events(first: 100) { nodes { id } }
        own: events(includeInside: false, first: 100) { nodes { id } }
      }
      timeline(subjectId: "place:timbuktu-region", first: 100) { nodes { id placeInherited } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.place.events.nodes.map((e) => e.id)).toContain(SUB_EVENT);
    // Léré itself is not where the attack occurred (its camp is).
    expect(result.data!.place.own.nodes.map((e) => e.id)).not.toContain(SUB_EVENT);
    expect(result.data!.timeline.nodes).toContainEqual({ id: SUB_EVENT, placeInherited: true });
  });

  it('is near Niafunké, at the camp’s distance', async () => {
    const result = await api.gql<{ eventsNear: { event: { id: string }; distanceKm: number }[] }>(`{
      eventsNear(placeId: "place:lere", radiusKm: 50, first: 100) { event { id } distanceKm }
    }`);
    expect(result.errors).toBeUndefined();
    const near = result.data!.eventsNear;
    const sub = near.find((n) => n.event.id === SUB_EVENT);
    const attack = near.find((n) => n.event.id === 'event:lere-camp-attack');
    expect(sub).toBeDefined();
    expect(sub!.distanceKm).toBe(attack!.distanceKm);
  });

  it('is counted at the camp in eventStats by place, and within Léré', async () => {
    const result = await api.gql<{
      all: { key: string; count: number }[];
      lere: { key: string; count: number }[];
    }>(`{
      all: eventStats(groupBy: PLACE) { key count }
      lere: eventStats(groupBy: TYPE, filter: { placeId: "place:lere", types: [BATTLE] }) { key count }
    }`);
    expect(result.errors).toBeUndefined();
    const camp = await api.gql<{ events: { totalCount: number } }>(
      `{ events(filter: { placeId: "place:lere-military-camp" }) { totalCount } }`,
    );
    const own = await api.gql<{ place: { events: { totalCount: number } } }>(
      `{ place(id: "place:lere-military-camp") { events(includeInside: false) { totalCount } } }`,
    );
    expect(result.data!.all.find((b) => b.key === 'place:lere-military-camp')?.count).toBe(
      own.data!.place.events.totalCount,
    );
    expect(own.data!.place.events.totalCount).toBe(camp.data!.events.totalCount);
    const battles = await api.gql<{ events: { totalCount: number } }>(
      `{ events(filter: { placeId: "place:lere", types: [BATTLE] }) { totalCount } }`,
    );
    expect(result.data!.lere).toEqual([{ key: 'BATTLE', count: battles.data!.events.totalCount }]);
    expect(battles.data!.events.totalCount).toBeGreaterThanOrEqual(2);
  });
});

describe('a claim’s independent origins', () => {
  interface ClaimRow {
    id: string;
    status: string;
    independentOrigins: number;
  }
  const claims = async (filter: Record<string, unknown>) => {
    const result = await api.gql<{ claims: { totalCount: number; nodes: ClaimRow[] } }>(
      `query($filter: ClaimFilter) { claims(filter: $filter, first: 100) { totalCount nodes { id status independentOrigins } } }`,
      { filter },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.claims;
  };

  it('reads as the status counts them', async () => {
    const all = await claims({});
    expect(all.nodes.length).toBe(all.totalCount);
    for (const claim of all.nodes) {
      expect(claim.independentOrigins).toBeGreaterThanOrEqual(1);
      if (claim.status === 'CORROBORATED') expect(claim.independentOrigins).toBeGreaterThanOrEqual(2);
      if (claim.status === 'REPORTED') expect(claim.independentOrigins).toBe(1);
    }
    expect(new Set(all.nodes.map((c) => c.independentOrigins)).size).toBeGreaterThan(1);
  });

  it('selects single-sourced claims with maxIndependentOrigins: 1, and the others with min 2', async () => {
    const all = await claims({});
    const single = await claims({ maxIndependentOrigins: 1 });
    const several = await claims({ minIndependentOrigins: 2 });
    expect(single.nodes.map((c) => c.id).sort()).toEqual(
      all.nodes
        .filter((c) => c.independentOrigins === 1)
        .map((c) => c.id)
        .sort(),
    );
    expect(single.totalCount + several.totalCount).toBe(all.totalCount);
    expect(several.nodes.every((c) => c.independentOrigins >= 2)).toBe(true);
    expect(single.totalCount).toBeGreaterThan(0);
    expect(several.totalCount).toBeGreaterThan(0);
  });
});

describe('an unknown id answers NOT_FOUND, naming it', () => {
  type Errors = { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  const only = (errors: Errors | undefined) => {
    expect(errors).toHaveLength(1);
    return errors![0]!;
  };

  it('a single lookup is null with the error at its path, suggesting the id that differs by case or accents', async () => {
    const result = await api.gql<{ actor: unknown; twin: unknown }>(
      `{ actor(id: "actor:CSP") { id } twin: actor(id: "actor:FAMA") { id } }`,
    );
    expect(result.data).toEqual({ actor: null, twin: null });
    expect(result.errors).toHaveLength(2);
    const csp = result.errors!.find((e) => e.path?.[0] === 'actor')!;
    expect(csp.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'actor:CSP', suggestion: 'actor:csp' });
    expect(csp.message).toContain('"actor:CSP"');
    expect(csp.message).toContain('Did you mean actor:csp?');
    // Both lookups, then one check for both ids (suggestions and merged ids at once).
    expect(result.extensions?.roundTrips).toBe(2);
  });

  it('folds accents for the suggestion, and suggests nothing when nothing is close', async () => {
    const result = await api.gql<{ place: unknown; node: unknown; claim: unknown }>(
      `{ place(id: "place:LÉRÉ") { id } node(id: "event:Lere-Camp-Attack") { id } claim(id: "claim:nothing") { id } }`,
    );
    expect(result.data).toEqual({ place: null, node: null, claim: null });
    const at = (field: string) => result.errors!.find((e) => e.path?.[0] === field)!.extensions;
    expect(at('place')).toMatchObject({ code: 'NOT_FOUND', suggestion: 'place:lere' });
    expect(at('node')).toMatchObject({ code: 'NOT_FOUND', suggestion: 'event:lere-camp-attack' });
    expect(at('claim')).toMatchObject({ code: 'NOT_FOUND', id: 'claim:nothing' });
    expect(at('claim')).not.toHaveProperty('suggestion');
  });

  it('a list filter by an unknown id refuses it; by a known id that matches nothing, answers empty', async () => {
    const lere = await api.gql(`{ events(filter: { placeId: "lere" }) { totalCount } }`);
    expect(only(lere.errors).extensions).toMatchObject({ code: 'NOT_FOUND', id: 'lere', field: 'filter.placeId' });
    const csp = await api.gql(`{ events(filter: { actorId: "actor:CSP" }) { totalCount } }`);
    expect(only(csp.errors).extensions).toMatchObject({ code: 'NOT_FOUND', suggestion: 'actor:csp' });
    for (const filter of [
      '{ assertedById: "actor:nobody" }',
      '{ aboutId: "place:LERE" }',
      '{ reportedInId: "source:nothing" }',
    ]) {
      const claims = await api.gql(`{ claims(filter: ${filter}) { totalCount } }`);
      expect(only(claims.errors).extensions?.code).toBe('NOT_FOUND');
    }
    const inside = await api.gql(`{ places(filter: { insideId: "place:atlantis" }) { totalCount } }`);
    expect(only(inside.errors).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'filter.insideId' });
    const stats = await api.gql(`{ eventStats(groupBy: TYPE, filter: { placeId: "place:Mali" }) { key } }`);
    expect(only(stats.errors).extensions).toMatchObject({ code: 'NOT_FOUND', suggestion: 'place:mali' });

    const empty = await api.gql<{ events: { totalCount: number } }>(
      `{ events(filter: { placeId: "place:niger", types: [PROTEST] }) { totalCount } }`,
    );
    expect(empty.errors).toBeUndefined();
    expect(empty.data!.events.totalCount).toBe(0);
  });

  it('the analysts’ id arguments suggest too', async () => {
    const timeline = await api.gql(`{ timeline(subjectId: "actor:Fama") { totalCount } }`);
    expect(only(timeline.errors).extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'subjectId',
      suggestion: 'actor:fama',
    });
    const history = await api.gql(`{ history(id: "actor:Nobody") { action } }`);
    expect(only(history.errors).extensions).toMatchObject({ code: 'NOT_FOUND', id: 'actor:Nobody' });
    const path = await api.gql(`{ pathBetween(fromId: "actor:csp", toId: "actor:Wagner") { length } }`);
    expect(only(path.errors).extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'toId',
      suggestion: 'actor:wagner',
    });
  });
});

describe('search folds accents and stems, finds sources, and puts exact names first', () => {
  interface Hit {
    type: string;
    node: { id: string };
  }
  const search = async (text: string, types?: string[]) => {
    const result = await api.gql<{ search: Hit[] }>(
      `query($text: String!, $types: [NodeType!]) { search(text: $text, types: $types, first: 50) { type node { id } } }`,
      { text, types },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.search;
  };
  const ids = (hits: Hit[]) => hits.map((h) => h.node.id);

  it('"denounce" finds the claims that say denounced and denouncing', async () => {
    const hits = ids(await search('denounce', ['CLAIM']));
    expect(hits).toEqual(
      expect.arrayContaining([
        'claim:transitional-authorities-denounce-terrorist-attacks',
        'claim:fama-denounces-attack-by-evil-forces',
      ]),
    );
  });

  it('"airstrike" finds the claim about airstrikes, and accents still fold while stemming', async () => {
    expect(ids(await search('airstrike'))).toContain('claim:lere-withdrawal-to-avoid-air-strikes');
    const lere = await search('Lere');
    expect(lere[0]?.node.id).toBe('place:lere');
    expect(ids(await search('Léré'))).toEqual(ids(lere));
  });

  it('finds sources by title, publisher and author, with types: [SOURCE]', async () => {
    const byTitle = await search('Permanent Strategic Framework withdraw', ['SOURCE']);
    expect(byTitle[0]?.node.id).toBe('source:article');
    expect(byTitle.every((h) => h.type === 'SOURCE')).toBe(true);
    expect(ids(await search('Sghir', ['SOURCE']))).toEqual(['source:article']);
    expect(ids(await search('FAMa', ['SOURCE']))).toEqual(
      expect.arrayContaining(['source:fama-statement-2023-09-17-evening', 'source:fama-statement-2023-09-18-morning']),
    );
  });

  it('ranks the actor or place whose name or alias is the text first', async () => {
    expect((await search('CSP'))[0]?.node.id).toBe('actor:csp');
    expect((await search('Malian Armed Forces'))[0]?.node.id).toBe('actor:fama');
    const mali = ids(await search('mali'))
      .slice(0, 2)
      .sort();
    expect(mali).toEqual(['actor:mali', 'place:mali']);
  });
});

describe('every text filter ignores case and accents the same way', () => {
  const claimIds = async (textContains: string) => {
    const result = await api.gql<{ claims: { nodes: { id: string }[] } }>(
      `query($text: String!) { claims(filter: { textContains: $text }, first: 100) { nodes { id } } }`,
      { text: textContains },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.claims.nodes.map((c) => c.id);
  };

  it('"Lere" finds the claims "Léré" finds, in text or quote', async () => {
    const accented = await claimIds('Léré');
    expect(accented.length).toBeGreaterThanOrEqual(6);
    expect(await claimIds('Lere')).toEqual(accented);
    expect(await claimIds('LERE')).toEqual(accented);
    // In the quote only: "attack by evil forces on the Léré military camp".
    expect(await claimIds('evil forces on the lere')).toContain('claim:fama-denounces-attack-by-evil-forces');
  });

  it('source titles and actor names fold alike', async () => {
    const result = await api.gql<{
      a: { nodes: { id: string }[] };
      b: { nodes: { id: string }[] };
      actors: { nodes: { id: string }[] };
    }>(`{
      a: sources(filter: { titleContains: "withdraw from lere" }) { nodes { id } }
      b: sources(filter: { titleContains: "WITHDRAW FROM LÉRÉ" }) { nodes { id } }
      actors(filter: { nameContains: "FORCES ARMEES" }) { nodes { id } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.a.nodes.map((s) => s.id)).toEqual(['source:article']);
    expect(result.data!.b).toEqual(result.data!.a);
    expect(result.data!.actors.nodes.map((a) => a.id)).toContain('actor:fama');
  });
});
