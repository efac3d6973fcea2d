import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArticle } from '../support/graph.js';
import type {
  Actor,
  ActorConnection,
  Claim,
  ClaimConnection,
  Event,
  EventConnection,
  Place,
  PlaceConnection,
  SourceConnection,
  Source,
} from '../../src/generated/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** The read API over HTTP, on the seeded article: every type, relationship, filter and page edge. */
describe('the read API over HTTP', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
    await loadArticle(api.server.db);
  });
  afterAll(async () => {
    await api.stop();
  });

  /** Runs a query that must succeed and returns its data. */
  async function data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await api.gql<T>(query, variables);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data as T;
  }
  /** Runs a query that must fail and returns its first error's code. */
  async function errorCode(query: string, variables: Record<string, unknown> = {}): Promise<unknown> {
    const result = await api.gql(query, variables);
    expect(result.errors?.length ?? 0).toBeGreaterThan(0);
    return result.errors?.[0]?.extensions?.code;
  }

  it('answers who attacked the Léré camp, when, where, and according to whom', async () => {
    const { event } = await data<{ event: Event }>(/* GraphQL */ `query Event {
      event(id: "event:lere-camp-attack") {
        type subType description
        time { start end precision label }
        figureRange { kind low high claimants label }
        figuresByClaimant { claimant { id } }
        place { id name location { latitude longitude } parent { id } ancestors { id } }
        participants { role status actor { id } event { id } claims { id } }
        claims { id status assertedBy { id } reportedIn { id } supportingSources { id } contradictingSources { id } }
        followedBy { id } precededBy { id } partOf { id } subEvents { id }
      }
    }`);
    expect(event).toMatchObject({
      type: 'BATTLE',
      subType: 'NON_STATE_ACTOR_OVERTAKES_TERRITORY',
      time: {
        start: '2023-09-17T12:00:00.000Z',
        end: '2023-09-17T18:00:00.000Z',
        precision: 'PART_OF_DAY',
        label: '17 Sep 2023, afternoon',
      },
      // No claimant gives a casualty figure for Léré: unknown, not zero.
      figureRange: { kind: 'KILLED', low: null, high: null, claimants: 0, label: 'no killed figures stated' },
      figuresByClaimant: [],
      place: {
        id: 'place:lere-military-camp',
        name: 'Léré military camp',
        location: { latitude: 15.7153, longitude: -4.9042 },
        parent: { id: 'place:lere' },
        ancestors: [
          { id: 'place:lere' },
          { id: 'place:niafunke-circle' },
          { id: 'place:timbuktu-region' },
          { id: 'place:mali' },
        ],
      },
      followedBy: [
        { id: 'event:lere-search' },
        { id: 'event:fama-statement-2023-09-17-evening' },
        { id: 'event:lere-withdrawal' },
      ],
      precededBy: [],
      partOf: null,
      subEvents: [{ id: 'event:lere-aircraft-shot-down' }],
    });
    expect(event.participants).toEqual([
      {
        role: 'ATTACKER',
        status: 'CORROBORATED',
        actor: { id: 'actor:csp' },
        event: { id: 'event:lere-camp-attack' },
        claims: [
          { id: 'claim:lere-camp-taken' },
          { id: 'claim:lere-camp-taken-after-two-hours' },
          { id: 'claim:lere-seizure-and-departure-confirmed' },
        ],
      },
      {
        // The sources that confirmed the seizure name the CSP only.
        role: 'DEFENDER',
        status: 'REPORTED',
        actor: { id: 'actor:fama' },
        event: { id: 'event:lere-camp-attack' },
        claims: [{ id: 'claim:lere-camp-taken' }, { id: 'claim:lere-attack-confirmed-by-fama' }],
      },
    ]);
    const taken = event.claims.find((c) => c.id === 'claim:lere-seizure-and-departure-confirmed');
    expect(taken).toEqual({
      id: 'claim:lere-seizure-and-departure-confirmed',
      status: 'CORROBORATED',
      assertedBy: { id: 'actor:soukaina-sghir' },
      reportedIn: [{ id: 'source:article' }],
      supportingSources: expect.arrayContaining([
        { id: 'source:article' },
        { id: 'source:lere-local-civilians' },
        { id: 'source:security-sources' },
      ]),
      contradictingSources: [],
    });
    expect(taken?.supportingSources).toHaveLength(3);
    const statusOnly = await data<{ event: Event }>(
      /* GraphQL */ `query Event2 { event(id: "event:lere-camp-attack") { claims(status: [CORROBORATED]) { id } } }`,
    );
    expect(statusOnly.event.claims).toEqual([{ id: 'claim:lere-seizure-and-departure-confirmed' }]);
  });

  it('answers an actor with an empty page for a role it never had, nested reads and all', async () => {
    const { actor } = await data<{ actor: Actor }>(/* GraphQL */ `query NoCaptive {
      actor(id: "actor:csp") {
        id
        participations(role: CAPTIVE, first: 10) {
          totalCount
          nodes { role event { id place { id parent { id } } claims { id reportedIn { id } } } }
          pageInfo { hasNextPage endCursor }
        }
      }
    }`);
    expect(actor).toEqual({
      id: 'actor:csp',
      participations: { totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } },
    });
  });

  it('walks an actor to its participations, relations and claims', async () => {
    const { actor } = await data<{ actor: Actor }>(/* GraphQL */ `query Actor {
      actor(id: "actor:csp") {
        name kind aliases description createdAt updatedAt
        participations(role: ATTACKER) {
          totalCount
          edges { cursor node { role event { id } actor { id } } }
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        }
        opponents { kind status actor { id } claims { id } }
        allies { actor { id } }
        memberOf { actor { id } }
        members { actor { id } }
        claimsAsserted(first: 2) { totalCount nodes { id } pageInfo { hasNextPage } }
        claimsAbout { totalCount nodes { id } }
      }
    }`);
    expect(actor).toMatchObject({
      name: 'CSP',
      kind: 'COALITION',
      aliases: expect.arrayContaining(['Permanent Strategic Framework', 'Cadre stratégique permanent']),
      allies: [],
      memberOf: [],
      members: [],
      // The capture and the camp's seizure are the article's own words; the two hours are the CSP's.
      claimsAsserted: { totalCount: 8, pageInfo: { hasNextPage: true } },
    });
    expect(actor.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(actor.participations.totalCount).toBe(3);
    expect(actor.participations.edges.map((e) => e.node.event.id)).toEqual([
      'event:bourem-attack',
      'event:lere-aircraft-shot-down',
      'event:lere-camp-attack',
    ]);
    expect(actor.participations.edges.every((e) => e.node.role === 'ATTACKER' && e.node.actor.id === 'actor:csp')).toBe(
      true,
    );
    expect(actor.participations.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expect(actor.participations.pageInfo.endCursor).toBe(actor.participations.edges[2]?.cursor);
    expect(actor.opponents.map((r) => `${r.kind} ${r.actor.id} ${r.status}`)).toEqual([
      'OPPOSES actor:fama REPORTED',
      'OPPOSES actor:wagner REPORTED',
    ]);
    expect(actor.opponents[1]?.claims).toEqual([{ id: 'claim:csp-accuses-fama-and-wagner' }]);
    expect(actor.claimsAsserted.nodes).toHaveLength(2);
    expect(actor.claimsAbout.nodes.map((c) => c.id)).toEqual(
      expect.arrayContaining(['claim:csp-northern-coalition', 'claim:csp-accuses-fama-and-wagner']),
    );
  });

  it('answers a field asked for elsewhere in the same query in full, though the nested read fetched only what its own path selects', async () => {
    // The participations read ahead their events' places, claims and sources with only the fields
    // selected under them (ids here); the same nodes reached by id, or under another alias of the
    // event, must come back whole.
    const EVENT_IN_FULL = `
      id type description time { start end label precision }
      place { id name kind aliases location { latitude longitude } parent { id name kind } }
      claims { id text quote status assertedBy { id name } reportedIn { id title url publishedAt } }`;
    const alone = await data<{ lere: Event }>(`{ lere: event(id: "event:lere-camp-attack") { ${EVENT_IN_FULL} } }`);
    expect(alone.lere.claims.length).toBeGreaterThan(1);
    expect(alone.lere.place?.parent?.name).toBeTruthy();

    // The claims about the CSP are resolved after its participations were read (the actor waits
    // for them), so their subjects' places and claims are asked of loaders after the nested read.
    type Nested = {
      actor: {
        participations: { nodes: { event: Event & { again: Event } }[] };
        claimsAbout: { nodes: { about: (Event | { id?: string })[] }[] };
      };
      lere: Event;
    };
    const together = await data<Nested>(`{
      actor(id: "actor:csp") {
        participations(first: 20) {
          nodes {
            event { id place { id parent { id } } claims { id reportedIn { id } } }
            event { again: description }
          }
        }
        claimsAbout(first: 50) { nodes { about { ... on Event { ${EVENT_IN_FULL} } } } }
      }
      lere: event(id: "event:lere-camp-attack") { ${EVENT_IN_FULL} }
    }`);
    expect(together.lere).toEqual(alone.lere);
    // Every event a claim about the CSP is about, as read alone; some are among the nested ones.
    const subjects = together.actor.claimsAbout.nodes.flatMap((c) => c.about).filter((n) => n.id?.startsWith('event:'));
    const nestedIds = together.actor.participations.nodes.map((p) => p.event.id);
    expect(subjects.filter((n) => nestedIds.includes(n.id!)).length).toBeGreaterThan(0);
    for (const subject of subjects) {
      const read = await data<{ event: Event }>(`query ($id: ID!) { event(id: $id) { ${EVENT_IN_FULL} } }`, {
        id: subject.id,
      });
      expect(subject).toEqual(read.event);
    }
    const nested = together.actor.participations.nodes.find((p) => p.event.id === 'event:lere-camp-attack')!.event;
    expect(nested.again).toBe(alone.lere.description);
    expect(nested.place).toEqual({ id: alone.lere.place!.id, parent: { id: alone.lere.place!.parent!.id } });
    expect(nested.claims).toEqual(
      alone.lere.claims.map((c) => ({ id: c.id, reportedIn: c.reportedIn.map((s) => ({ id: s.id })) })),
    );
  });

  it('follows alliances and memberships both ways', async () => {
    const result = await data<{
      alliance: Actor;
      mali: Actor;
      wagner: Actor;
      fama: Actor;
    }>(/* GraphQL */ `query AllianceMali {
      alliance: actor(id: "actor:sahel-states-alliance") { members { kind actor { name } claims { id } } }
      mali: actor(id: "actor:mali") { memberOf { kind actor { id } } members { kind actor { id } } }
      wagner: actor(id: "actor:wagner") { allies { actor { id } } opponents { actor { id } } }
      fama: actor(id: "actor:fama") { allies { actor { id } } opponents { actor { id } } memberOf { kind actor { id } } }
    }`);
    expect(result.alliance.members).toEqual(
      ['Burkina Faso', 'Mali', 'Niger'].map((name) => ({
        kind: 'MEMBER_OF',
        actor: { name },
        claims: [{ id: 'claim:sahel-states-alliance-established' }],
      })),
    );
    expect(result.mali.memberOf).toEqual([{ kind: 'MEMBER_OF', actor: { id: 'actor:sahel-states-alliance' } }]);
    expect(result.mali.members).toEqual([
      { kind: 'PART_OF', actor: { id: 'actor:fama' } },
      { kind: 'PART_OF', actor: { id: 'actor:mali-transitional-authorities' } },
    ]);
    expect(result.wagner).toEqual({
      allies: [{ actor: { id: 'actor:fama' } }],
      opponents: [{ actor: { id: 'actor:csp' } }],
    });
    expect(result.fama.allies).toEqual([{ actor: { id: 'actor:wagner' } }]);
    expect(result.fama.opponents).toEqual([{ actor: { id: 'actor:csp' } }]);
    expect(result.fama.memberOf).toEqual([{ kind: 'PART_OF', actor: { id: 'actor:mali' } }]);
  });

  it('walks places up and down, and lists the events inside them', async () => {
    const result = await data<{
      region: Place;
      town: Place & { inside: EventConnection };
      mali: Place;
    }>(/* GraphQL */ `query RegionTown {
      region: place(id: "place:timbuktu-region") {
        kind parent { id } children { id }
        events { totalCount nodes { id } }
      }
      town: place(id: "place:lere") {
        aliases
        events(includeInside: false) { nodes { id } }
        inside: events { nodes { id } }
      }
      mali: place(id: "place:mali") { parent { id } ancestors { id } events(first: 2) { totalCount pageInfo { hasNextPage } } }
    }`);
    expect(result.region).toEqual({
      kind: 'REGION',
      parent: { id: 'place:mali' },
      children: [{ id: 'place:niafunke-circle' }],
      events: {
        totalCount: 4,
        nodes: [
          // A sub-event with no place of its own counts at its parent's place (the camp).
          { id: 'event:lere-aircraft-shot-down' },
          { id: 'event:lere-camp-attack' },
          { id: 'event:lere-search' },
          { id: 'event:lere-withdrawal' },
        ],
      },
    });
    expect(result.town.aliases).toEqual(['Lere']);
    expect(result.town.events.nodes).toEqual([{ id: 'event:lere-search' }, { id: 'event:lere-withdrawal' }]);
    expect(result.town.inside.nodes).toHaveLength(4);
    expect(result.mali).toEqual({
      parent: null,
      ancestors: [],
      events: { totalCount: 6, pageInfo: { hasNextPage: true } },
    });
  });

  it('walks sources to their citations and claims, and claims back to sources and subjects', async () => {
    const result = await data<{
      article: Source;
      spokesperson: Source;
      claim: Claim;
    }>(/* GraphQL */ `query ArticleSpokesperson {
      article: source(id: "source:article") {
        kind title author publishedAt language reliability publisher url
        cites { id } citedBy { id }
        claims(first: 3) { totalCount nodes { id } pageInfo { hasNextPage } }
      }
      spokesperson: source(id: "source:csp-spokesperson") { citedBy { id } cites { id } supports { id } contradicts { id } }
      claim(id: "claim:lere-calm") {
        text quote notIndependentlyVerified retracted retractionReason createdBy
        about { __typename ... on Place { name } ... on Event { subType } }
      }
    }`);
    expect(result.article).toMatchObject({
      kind: 'ARTICLE',
      author: 'Soukaina Sghir',
      publishedAt: '2023-09-18T00:00:00.000Z',
      language: 'en',
      reliability: 'F',
      publisher: null,
      url: null,
      citedBy: [],
      claims: { totalCount: 27, pageInfo: { hasNextPage: true } },
    });
    expect(result.article.cites).toHaveLength(7);
    expect(result.article.claims.nodes.map((c) => c.id)).toEqual([
      'claim:bourem-attack',
      'claim:bourem-casualties-csp',
      'claim:bourem-casualties-fama',
    ]);
    expect(result.spokesperson.citedBy).toEqual([{ id: 'source:article' }]);
    expect(result.spokesperson.cites).toEqual([]);
    expect(result.spokesperson.supports).toHaveLength(5);
    expect(result.spokesperson.contradicts).toEqual([]);
    expect(result.claim).toMatchObject({
      text: 'The town of Léré is currently calm.',
      quote: null,
      notIndependentlyVerified: false,
      retracted: false,
      retractionReason: null,
      createdBy: 'seed',
    });
    expect(result.claim.about).toEqual(
      expect.arrayContaining([
        { __typename: 'Place', name: 'Léré' },
        { __typename: 'Event', subType: 'WITHDRAWAL' },
      ]),
    );
  });

  it('resolves any id through node(id), typed by its label', async () => {
    const answer = await api.gql<
      Record<'a' | 'p' | 'e' | 's' | 'c' | 'none' | 'missing', unknown>
    >(/* GraphQL */ `query AP {
      a: node(id: "actor:wagner") { __typename id ... on Actor { name } }
      p: node(id: "place:bourem") { __typename ... on Place { kind } }
      e: node(id: "event:lere-withdrawal") { __typename ... on Event { time { label } } }
      s: node(id: "source:security-sources") { __typename ... on Source { kind } }
      c: node(id: "claim:lere-withdrawal") { __typename ... on Claim { status } }
      none: node(id: "actor:nobody") { id }
      missing: actor(id: "actor:nobody") { id }
    }`);
    // An unknown id is null, with NOT_FOUND at its path.
    expect(answer.errors?.map((e) => [e.path, e.extensions?.code]).sort()).toEqual([
      [['missing'], 'NOT_FOUND'],
      [['none'], 'NOT_FOUND'],
    ]);
    const result = answer.data;
    expect(result).toEqual({
      a: { __typename: 'Actor', id: 'actor:wagner', name: 'Wagner' },
      p: { __typename: 'Place', kind: 'TOWN' },
      e: { __typename: 'Event', time: { label: '18 Sep 2023, 02:00–03:00' } },
      s: { __typename: 'Source', kind: 'SECURITY_SOURCE' },
      c: { __typename: 'Claim', status: 'REPORTED' },
      none: null,
      missing: null,
    });
  });

  it('filters every list', async () => {
    const result = await data<
      Record<string, ActorConnection | PlaceConnection | EventConnection | SourceConnection | ClaimConnection>
    >(/* GraphQL */ `query FamaStates {
      fama: actors(filter: { nameContains: "forces armees" }) { nodes { id } }
      states: actors(filter: { kinds: [STATE] }, orderBy: { field: NAME, direction: DESC }) { nodes { name } }
      bases: places(filter: { kinds: [MILITARY_BASE], insideId: "place:timbuktu-region" }) { nodes { id } }
      lere: places(filter: { nameContains: "lere" }) { nodes { id } }
      timbuktu: events(filter: { placeId: "place:timbuktu-region", from: "2023-09-01T00:00:00Z", to: "2023-09-30T23:59:59Z" }) { nodes { id } }
      wagner: events(filter: { actorId: "actor:wagner", role: ACCUSED }) { nodes { id } }
      battles: events(filter: { types: [BATTLE], subTypes: [ARMED_CLASH] }) { nodes { id } }
      unverified: events(filter: { claimStatus: [UNVERIFIED] }) { nodes { id } }
      spokespeople: sources(filter: { kinds: [SPOKESPERSON] }) { nodes { id } }
      titled: sources(filter: { titleContains: "fama statement" }) { totalCount }
      claims: claims(filter: { statuses: [UNVERIFIED], assertedById: "actor:fama" }) { nodes { id } }
      about: claims(filter: { aboutId: "event:lere-withdrawal", reportedInId: "source:article", textContains: "calm" }) { nodes { id } }
    }`);
    expect(result).toEqual({
      fama: { nodes: [{ id: 'actor:fama' }] },
      states: { nodes: [{ name: 'Niger' }, { name: 'Mali' }, { name: 'Burkina Faso' }] },
      bases: { nodes: [{ id: 'place:lere-military-camp' }] },
      lere: { nodes: [{ id: 'place:lere' }, { id: 'place:lere-military-camp' }] },
      timbuktu: {
        nodes: [
          // A sub-event with no place of its own counts at its parent's place (the camp).
          { id: 'event:lere-aircraft-shot-down' },
          { id: 'event:lere-camp-attack' },
          { id: 'event:lere-search' },
          { id: 'event:lere-withdrawal' },
        ],
      },
      wagner: { nodes: [{ id: 'event:csp-self-defense-statement' }] },
      battles: { nodes: [{ id: 'event:bourem-attack' }] },
      unverified: { nodes: [{ id: 'event:bourem-attack' }] },
      spokespeople: { nodes: [{ id: 'source:csp-spokesperson' }] },
      titled: { totalCount: 2 },
      claims: { nodes: [{ id: 'claim:bourem-casualties-fama' }] },
      about: { nodes: [{ id: 'claim:lere-calm' }] },
    });
  });

  it('pages to the ends: first 0, the last page, past the end, and empty results', async () => {
    const zero = await data<{ events: EventConnection }>(
      /* GraphQL */ `query Events { events(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage startCursor endCursor } } }`,
    );
    expect(zero.events).toEqual({
      totalCount: 12,
      edges: [],
      pageInfo: { hasNextPage: true, startCursor: null, endCursor: null },
    });
    const ids: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: { events: EventConnection } = await data<{ events: EventConnection }>(
        /* GraphQL */ `query Events2($after: String) { events(first: 4, after: $after) { totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
        { after },
      );
      pages += 1;
      ids.push(...page.events.nodes.map((n) => n.id));
      expect(page.events.totalCount).toBe(12);
      expect(page.events.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!page.events.pageInfo.hasNextPage) {
        const past = await data<{ events: EventConnection }>(
          /* GraphQL */ `query Events3($after: String) { events(first: 4, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
          { after: page.events.pageInfo.endCursor },
        );
        expect(past.events).toEqual({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
        break;
      }
      after = page.events.pageInfo.endCursor ?? null;
    }
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(12);
    const whole = await data<{ events: EventConnection }>(
      /* GraphQL */ `query Events4 { events(first: 100) { nodes { id } } }`,
    );
    expect(ids).toEqual(whole.events.nodes.map((n) => n.id));

    const empty = await data<{ actors: ActorConnection }>(
      /* GraphQL */ `query Actors { actors(filter: { nameContains: "no such actor" }) { totalCount edges { cursor } nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
    );
    expect(empty.actors).toEqual({
      totalCount: 0,
      edges: [],
      nodes: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });

  it('refuses a bad page with BAD_USER_INPUT: negative or too large first, a malformed or foreign cursor', async () => {
    expect(await errorCode(/* GraphQL */ `query Actors2 { actors(first: -1) { totalCount } }`)).toBe('BAD_USER_INPUT');
    expect(await errorCode(/* GraphQL */ `query Actors3 { actors(first: 101) { totalCount } }`)).toBe('BAD_USER_INPUT');
    expect(await errorCode(/* GraphQL */ `query Actors4 { actors(after: "not-a-cursor") { totalCount } }`)).toBe(
      'BAD_USER_INPUT',
    );
    expect(await errorCode(/* GraphQL */ `query Places { places(after: "@@@") { totalCount } }`)).toBe(
      'BAD_USER_INPUT',
    );
    const { actors } = await data<{ actors: ActorConnection }>(
      /* GraphQL */ `query Actors5 { actors(first: 1) { pageInfo { endCursor } } }`,
    );
    expect(
      await errorCode(/* GraphQL */ `query Events5($c: String) { events(after: $c) { totalCount } }`, {
        c: actors.pageInfo.endCursor,
      }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await errorCode(
        /* GraphQL */ `query Actors6($c: String) { actors(after: $c, orderBy: { field: CREATED_AT }) { totalCount } }`,
        {
          c: actors.pageInfo.endCursor,
        },
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      await errorCode(
        /* GraphQL */ `query Actor2 { actor(id: "actor:csp") { participations(first: 500) { totalCount } } }`,
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      await errorCode(
        /* GraphQL */ `query Events6 { events(filter: { from: "2023-09-30T00:00:00Z", to: "2023-09-01T00:00:00Z" }) { totalCount } }`,
      ),
    ).toBe('BAD_USER_INPUT');
    const message = (await api.gql(/* GraphQL */ `query Sources { sources(first: 1000) { totalCount } }`)).errors?.[0]
      ?.message;
    expect(message).toMatch(/between 0 and 100/);
  });

  describe('a retracted claim', () => {
    const claimId = 'claim:lere-attack-confirmed-by-fama';
    beforeAll(async () => {
      await api.server.db
        .scope()
        .write((tx) =>
          tx.run(`MATCH (c:Claim {id: $claimId}) SET c.retracted = true, c.retractionReason = 'test'`, { claimId }),
        );
    });
    afterAll(async () => {
      await api.server.db
        .scope()
        .write((tx) =>
          tx.run(`MATCH (c:Claim {id: $claimId}) SET c.retracted = false, c.retractionReason = null`, { claimId }),
        );
    });

    it('is hidden by default everywhere, shown when asked for, and readable by id', async () => {
      const result = await data<{
        hidden: ClaimConnection;
        shown: ClaimConnection;
        event: Event & { all: Claim[] };
        actor: Actor & { everything: ClaimConnection };
        source: Source;
        claim: Claim;
      }>(
        /* GraphQL */ `query HiddenShown($claimId: ID!) {
          hidden: claims(filter: { assertedById: "actor:fama" }) { totalCount nodes { id } }
          shown: claims(filter: { assertedById: "actor:fama", includeRetracted: true }) { totalCount nodes { id } }
          event(id: "event:lere-camp-attack") {
            claims { id }
            all: claims(includeRetracted: true) { id }
            participants(role: DEFENDER) { claims { id } }
          }
          actor(id: "actor:fama") {
            claimsAsserted { totalCount }
            everything: claimsAsserted(includeRetracted: true) { totalCount }
          }
          source(id: "source:fama-statement-2023-09-17-evening") { supports { id } }
          claim(id: $claimId) { retracted retractionReason }
        }`,
        { claimId },
      );
      expect(result.hidden.nodes.map((c) => c.id)).not.toContain(claimId);
      expect(result.shown.nodes.map((c) => c.id)).toContain(claimId);
      expect(result.shown.totalCount).toBe(result.hidden.totalCount + 1);
      expect(result.event.claims.map((c) => c.id)).not.toContain(claimId);
      expect(result.event.all.map((c) => c.id)).toContain(claimId);
      expect(result.event.participants[0]?.claims).toEqual([{ id: 'claim:lere-camp-taken' }]);
      expect(result.actor.everything.totalCount).toBe(result.actor.claimsAsserted.totalCount + 1);
      expect(result.source.supports.map((c) => c.id)).not.toContain(claimId);
      expect(result.claim).toEqual({ retracted: true, retractionReason: 'test' });
    });
  });
});

/**
 * No query per row: the nested selection costs the same number of database round trips whatever
 * the list sizes, measured on the article alone and on the article plus generated actors, each
 * in several events at places of the hierarchy, backed by claims reported in the article.
 */
describe('round trips of a nested selection', () => {
  let api: TestServer;
  beforeAll(async () => {
    // Default limits: the frontend's nested selection must be allowed as configured out of the box.
    api = await startTestServer();
    await loadArticle(api.server.db);
  });
  afterAll(async () => {
    await api.stop();
  });

  const NESTED = /* GraphQL */ `query Actors7 {
    actors(first: 100) {
      totalCount
      nodes {
        id
        participations(first: 20) {
          nodes {
            role
            claims { id }
            event {
              id
              place { id parent { id parent { id } } }
              claims { id reportedIn { id } }
            }
          }
        }
      }
    }
  }`;

  // One statement: N actors, each in 3 events at one of the article's places, each backed by a
  // claim asserted by the author and reported in the article (the model of docs/model.md).
  const GENERATE = `
    MATCH (article:Source {id: 'source:article'}), (author:Actor {id: 'actor:soukaina-sghir'})
    MATCH (place:Place) WHERE place.id IN $placeIds
    WITH article, author, collect(place) AS places
    UNWIND range(1, $actors) AS i
    CREATE (a:Actor {id: 'actor:generated-' + i, name: 'Generated group ' + i, kind: 'ARMED_GROUP', aliases: [],
                     createdAt: datetime(), updatedAt: datetime()})
    CREATE (c:Claim {id: 'claim:generated-' + i, text: 'Generated group ' + i + ' fought.', status: 'REPORTED',
                     notIndependentlyVerified: false, retracted: false, createdBy: 'test',
                     createdAt: datetime(), updatedAt: datetime()})
    CREATE (c)-[:ASSERTED_BY]->(author), (c)-[:REPORTED_IN]->(article), (c)-[:ABOUT]->(a)
    WITH a, c, places, i
    UNWIND range(1, 3) AS j
    WITH a, c, places[(i + j) % size(places)] AS place, i, j
    CREATE (e:Event {id: 'event:generated-' + i + '-' + j, type: 'BATTLE', subType: 'ARMED_CLASH',
                     startTime: datetime('2023-10-01T00:00:00Z') + duration({days: j}),
                     endTime: datetime('2023-10-01T23:59:59Z') + duration({days: j}),
                     timePrecision: 'DAY', timeLabel: 'generated', description: 'generated',
                     createdAt: datetime(), updatedAt: datetime()})
    CREATE (a)-[:PARTICIPATED_IN {role: 'ATTACKER', claimIds: [c.id], status: 'REPORTED'}]->(e)
    CREATE (e)-[:OCCURRED_AT {claimIds: [c.id], status: 'REPORTED'}]->(place)
    CREATE (c)-[:ABOUT]->(e)`;

  async function measure(): Promise<{ roundTrips: unknown; actors: number; participations: number }> {
    const result = await api.gql<{
      actors: { totalCount: number; nodes: { participations: { nodes: unknown[] } }[] };
    }>(NESTED);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const actors = result.data!.actors.nodes;
    return {
      roundTrips: result.extensions?.roundTrips,
      actors: actors.length,
      participations: actors.reduce((n, a) => n + a.participations.nodes.length, 0),
    };
  }

  it('does not grow with the number of actors, events and claims', async () => {
    const small = await measure();
    expect(small.actors).toBe(10);
    // actors; participations with what the selection asks of their events (places and their
    // parents, claims and their sources, only the fields selected) in the same statement; the
    // parents' parents; the participations' claims (the events' claims were read with their ids
    // only, so they are not reused where other fields could be asked of them).
    expect(small.roundTrips).toBe(4);

    await api.server.db.scope().write((tx) =>
      tx.run(GENERATE, {
        actors: 80,
        placeIds: ['place:lere-military-camp', 'place:lere', 'place:bourem', 'place:bourem-fama-base', 'place:niger'],
      }),
    );
    const large = await measure();
    expect(large.actors).toBe(90);
    expect(large.participations).toBe(small.participations + 240);
    expect(large.roundTrips).toBe(small.roundTrips);
  });
});
