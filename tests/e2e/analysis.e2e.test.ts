/**
 * The analysts' queries over HTTP, as a client sends them, on the seeded article: a path with the
 * claims behind each edge (in a bounded number of round trips), an unknown relation kind refused
 * by the RelationKind enum, the Alliance's members, events near Niafunké, "Lere" and "Fama",
 * Léré's timeline, statistics with unknowns apart, and the read-only Cypher entry behind the
 * analyst role, refusing writes and changing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashKey } from '../../src/auth.js';
import { countGraph, loadArticle } from '../support/graph.js';
import { startTestServer, type TestServer } from '../support/server.js';

const ANALYST_KEY = 'test-analyst-key';
const RESEARCHER_KEY = 'test-researcher-key';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({
    API_KEYS: `ana:analyst:${hashKey(ANALYST_KEY)},res:researcher:${hashKey(RESEARCHER_KEY)}`,
    CYPHER_MAX_ROWS: '50',
  });
  await loadArticle(api.server.db);
});
afterAll(async () => {
  await api.stop();
});

interface Edge {
  kind: string;
  from: string;
  to: string;
  role: string | null;
  status: string | null;
  claims: { id: string; status: string }[];
}

describe('analysts over HTTP', () => {
  it('draws the CSP–Wagner link through FAMa and the battles, every edge with its claims', async () => {
    const result = await api.gql<{
      pathBetween: { length: number; nodes: { id: string; type: string; label: string }[]; edges: Edge[] }[];
    }>(
      /* GraphQL */ `query PathBetween($filter: GraphFilter) {
        pathBetween(fromId: "actor:csp", toId: "actor:wagner", all: true, filter: $filter) {
          length
          nodes { id type label node { id ... on Event { time { precision } } } }
          edges { kind from to role status claims { id status } }
        }
      }`,
      { filter: { relationKinds: ['PARTICIPATED_IN', 'ALLIED_WITH'], eventTypes: ['BATTLE'] } },
    );
    expect(result.errors).toBeUndefined();
    const paths = result.data!.pathBetween;
    expect(paths).toHaveLength(3);
    for (const path of paths) {
      expect(path.nodes.map((n) => n.id)).toEqual([
        'actor:csp',
        expect.stringMatching(/^event:/),
        'actor:fama',
        'actor:wagner',
      ]);
      for (const edge of path.edges) expect(edge.claims.length).toBeGreaterThan(0);
      expect(path.edges[2]).toMatchObject({
        kind: 'ALLIED_WITH',
        claims: [{ id: 'claim:csp-accuses-fama-and-wagner', status: 'REPORTED' }],
      });
    }
    // One path query, and one claim batch for every edge of every path.
    expect(result.extensions?.roundTrips).toBe(2);
  });

  it('refuses a hop limit above 6 with BAD_USER_INPUT', async () => {
    const result = await api.gql(
      /* GraphQL */ `query PathBetween2 { pathBetween(fromId: "actor:csp", toId: "actor:wagner", maxHops: 7) { length } }`,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a relation kind the RelationKind enum does not have, naming it, before any Cypher', async () => {
    const query = /* GraphQL */ `query PathByKinds($filter: GraphFilter) {
      pathBetween(fromId: "actor:csp", toId: "actor:wagner", filter: $filter) { length }
    }`;
    for (const kind of ['NAMES', 'member_of', 'KNOWS]-(x) DETACH DELETE x //']) {
      const result = await api.gql(query, { filter: { relationKinds: ['MEMBER_OF', kind] } });
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'filter.relationKinds[1]',
      });
      expect(result.errors?.[0]?.message).toContain(`"${kind}" at "filter.relationKinds[1]"`);
      expect(result.errors?.[0]?.message).toContain('"RelationKind" enum');
    }
    // Written in the query itself (left untagged: it is meant not to validate).
    const inline = await api.gql(
      'query PathByKind { pathBetween(fromId: "actor:csp", toId: "actor:wagner", filter: { relationKinds: [NAMES] }) { length } }',
    );
    expect(inline.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(inline.errors?.[0]?.message).toContain('Value "NAMES" does not exist in "RelationKind" enum');
  });

  it('brings back the Sahel States Alliance and its members', async () => {
    const result = await api.gql<{
      neighbourhood: { nodes: { id: string; node: { name?: string } }[]; edges: Edge[]; capped: boolean };
    }>(/* GraphQL */ `query Neighbourhood {
      neighbourhood(id: "actor:sahel-states-alliance", filter: { relationKinds: [MEMBER_OF] }) {
        nodes { id node { ... on Actor { name } } }
        edges { kind from to status claims { id } }
        capped
      }
    }`);
    expect(result.errors).toBeUndefined();
    const view = result.data!.neighbourhood;
    expect(view.nodes.map((n) => n.node.name).sort()).toEqual([
      'Burkina Faso',
      'Mali',
      'Niger',
      'Sahel States Alliance',
    ]);
    expect(view.edges.map((e) => e.from).sort()).toEqual(['actor:burkina-faso', 'actor:mali', 'actor:niger']);
    expect(view.capped).toBe(false);
  });

  it('finds the Léré events near Niafunké, not Bourem', async () => {
    const result = await api.gql<{
      eventsNear: { distanceKm: number; event: { id: string; place: { name: string } } }[];
    }>(/* GraphQL */ `query EventsNear {
      eventsNear(placeId: "place:niafunke-circle", radiusKm: 100) { distanceKm event { id place { name } } }
    }`);
    expect(result.errors).toBeUndefined();
    const near = result.data!.eventsNear;
    // The aircraft shot down names no place: it counts at the camp of the attack it is part of.
    expect(near.map((n) => n.event.id)).toEqual([
      'event:lere-aircraft-shot-down',
      'event:lere-camp-attack',
      'event:lere-search',
      'event:lere-withdrawal',
    ]);
    expect(near.map((n) => n.event.place.name)).toEqual(['Léré military camp', 'Léré military camp', 'Léré', 'Léré']);
    expect(near.some((n) => n.event.id.startsWith('event:bourem'))).toBe(false);
  });

  it('finds Léré for "Lere" and FAMa for "Fama"', async () => {
    const result = await api.gql<{
      lere: { type: string; label: string }[];
      fama: { type: string; node: { id: string } }[];
    }>(/* GraphQL */ `query LereFama {
      lere: search(text: "Lere", first: 3) { type label score }
      fama: search(text: "Fama", types: [ACTOR]) { type node { id } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.lere[0]).toMatchObject({ type: 'PLACE', label: 'Léré' });
    expect(result.data!.fama).toEqual([{ type: 'ACTOR', node: { id: 'actor:fama' } }]);
  });

  it("tells Léré's timeline in order, with each event's precision", async () => {
    const result = await api.gql<{
      timeline: { totalCount: number; nodes: { id: string; time: { precision: string; label: string } }[] };
    }>(/* GraphQL */ `query Timeline {
      timeline(subjectId: "place:lere") { totalCount nodes { id time { precision label } } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.timeline.totalCount).toBe(4);
    expect(result.data!.timeline.nodes.map((e) => [e.id, e.time.precision])).toEqual([
      ['event:lere-aircraft-shot-down', 'UNKNOWN'],
      ['event:lere-camp-attack', 'PART_OF_DAY'],
      ['event:lere-search', 'UNKNOWN'],
      ['event:lere-withdrawal', 'HOUR'],
    ]);
  });

  it('counts events by place with the unknown place apart, fatalities unknown, never zero', async () => {
    const result = await api.gql<{
      eventStats: { key: string; count: number; fatalities: { knownEvents: number; unknownEvents: number } }[];
    }>(/* GraphQL */ `query EventStats {
      eventStats(groupBy: PLACE) { key label count fatalities { low high knownEvents unknownEvents } }
    }`);
    expect(result.errors).toBeUndefined();
    const unknown = result.data!.eventStats.find((b) => b.key === 'UNKNOWN');
    expect(unknown).toMatchObject({
      count: 6,
      fatalities: { low: null, high: null, knownEvents: 0, unknownEvents: 6 },
    });
  });
});

describe('read-only Cypher over HTTP', () => {
  const CYPHER = /* GraphQL */ `query Cypher($q: String!, $p: JSON) { cypher(query: $q, params: $p) { columns rows truncated } }`;

  it('needs an API key with the analyst role', async () => {
    const anonymous = await api.gql(CYPHER, { q: 'RETURN 1 AS one' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const researcher = await api.gql(CYPHER, { q: 'RETURN 1 AS one' }, RESEARCHER_KEY);
    expect(researcher.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers an analyst in JSON rows, capped at CYPHER_MAX_ROWS', async () => {
    const result = await api.gql<{
      cypher: { columns: string[]; rows: Record<string, unknown>[]; truncated: boolean };
    }>(
      CYPHER,
      {
        q: 'MATCH (a:Actor {id: $id})-[:OPPOSES]->(b) RETURN b.name AS opposes ORDER BY opposes',
        p: { id: 'actor:csp' },
      },
      ANALYST_KEY,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.cypher).toEqual({
      columns: ['opposes'],
      rows: [{ opposes: 'FAMa' }, { opposes: 'Wagner' }],
      truncated: false,
    });
    const many = await api.gql<{ cypher: { rows: unknown[]; truncated: boolean } }>(
      CYPHER,
      { q: 'UNWIND range(1, 1000) AS x RETURN x' },
      ANALYST_KEY,
    );
    expect(many.data!.cypher.rows).toHaveLength(50);
    expect(many.data!.cypher.truncated).toBe(true);
  });

  it('refuses writes with WRITE_REFUSED and a clear message, and the graph does not change', async () => {
    const before = await countGraph(api.server.db);
    for (const q of [
      "CREATE (:Actor {id: 'actor:intruder'})",
      "MATCH (a:Actor {id: 'actor:csp'}) DETACH DELETE a",
      "MATCH (a:Actor) CALL (a) { SET a.name = 'x' } RETURN count(*)",
      "CALL db.createLabel('Intruder')",
      'DROP INDEX event_start',
    ]) {
      const result = await api.gql(CYPHER, { q }, ANALYST_KEY);
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('WRITE_REFUSED');
      expect(result.errors?.[0]?.message).toMatch(/^Refused: .*nothing changed/);
    }
    expect(await countGraph(api.server.db)).toEqual(before);
  });
});
