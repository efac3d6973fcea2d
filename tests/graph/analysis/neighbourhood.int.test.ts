/**
 * neighbourhood on the seed article (the Sahel States Alliance's members, filters, the size cap)
 * and on a hub with thousands of events, where the expansion must stop at the cap inside the
 * query: the profile shows how many rows each operator produced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import type { Database } from '../../../src/graph/core/database.js';
import { FAN_OUT, neighbourhood, neighbourhoodStatement } from '../../../src/graph/analysis/neighbourhood.js';
import { RELATION_KINDS } from '../../../src/graph/analysis/filter.js';
import { loadArticle, testDatabase } from '../../support/graph.js';
import { planDetails } from './plan.js';

let db: Database;
const HUB_EVENTS = 3_000;

// A synthetic hub: one actor taking part in thousands of events (fixture only; the API writes
// through the claim path, which would take minutes for this many).
const ADD_HUB = `
  CREATE (h:Actor {id: 'actor:test-hub', name: 'Hub', kind: 'ARMED_GROUP', aliases: [], aliasText: '',
                   createdAt: datetime(), updatedAt: datetime()})
  WITH h UNWIND range(1, $events) AS i
  CREATE (e:Event {id: 'event:test-hub-' + i, type: 'BATTLE', subType: 'ARMED_CLASH', description: 'Hub event',
                   startTime: datetime('2024-01-01T00:00:00Z') + duration({hours: i}), timePrecision: 'HOUR',
                   createdAt: datetime(), updatedAt: datetime()})
  CREATE (h)-[:PARTICIPATED_IN {role: 'ATTACKER', claimIds: ['claim:test-hub'], status: 'REPORTED'}]->(e)`;

beforeAll(async () => {
  db = testDatabase();
  await loadArticle(db);
  await db.scope(60_000).write((tx) => tx.run(ADD_HUB, { events: neo4j.int(HUB_EVENTS) }));
});
afterAll(async () => {
  await db.close();
});

describe('neighbourhood', () => {
  it('brings back the members of the Sahel States Alliance, with the claim that says so', async () => {
    const view = await neighbourhood(db.scope(), {
      id: 'actor:sahel-states-alliance',
      filter: { relationKinds: ['MEMBER_OF'] },
    });
    expect(view.capped).toBe(false);
    expect(view.nodes.map((n) => n.id).sort()).toEqual([
      'actor:burkina-faso',
      'actor:mali',
      'actor:niger',
      'actor:sahel-states-alliance',
    ]);
    expect(view.nodes[0]).toMatchObject({
      id: 'actor:sahel-states-alliance',
      type: 'ACTOR',
      label: 'Sahel States Alliance',
    });
    expect(view.edges).toHaveLength(3);
    for (const edge of view.edges) {
      expect(edge).toMatchObject({ kind: 'MEMBER_OF', to: 'actor:sahel-states-alliance', status: 'REPORTED' });
      expect(edge.claimIds).toEqual(['claim:sahel-states-alliance-established']);
    }
  });

  it('draws every relationship kind by default, but never a Name or audit node', async () => {
    const view = await neighbourhood(db.scope(), { id: 'actor:fama', depth: 1 });
    const types = new Set(view.nodes.map((n) => n.type));
    expect([...types].every((t) => ['ACTOR', 'PLACE', 'EVENT', 'SOURCE', 'CLAIM'].includes(t))).toBe(true);
    expect(types).toEqual(new Set(['ACTOR', 'EVENT', 'CLAIM']));
    expect(view.edges.every((e) => (RELATION_KINDS as readonly string[]).includes(e.kind))).toBe(true);
    // Each edge joins two drawn nodes; provenance edges (ASSERTED_BY, ABOUT) state no fact.
    const drawn = new Set(view.nodes.map((n) => n.id));
    for (const edge of view.edges) {
      expect(drawn.has(edge.from) && drawn.has(edge.to)).toBe(true);
      if (edge.kind === 'ASSERTED_BY' || edge.kind === 'ABOUT') expect(edge.status).toBeNull();
    }
  });

  it('keeps corroborated facts only when confirmedOnly is set', async () => {
    const all = await neighbourhood(db.scope(), {
      id: 'actor:csp',
      filter: { relationKinds: ['PARTICIPATED_IN', 'OPPOSES'] },
    });
    const confirmed = await neighbourhood(db.scope(), {
      id: 'actor:csp',
      filter: { relationKinds: ['PARTICIPATED_IN', 'OPPOSES'], confirmedOnly: true },
    });
    expect(confirmed.edges.length).toBeGreaterThan(0);
    expect(confirmed.edges.length).toBeLessThan(all.edges.length);
    expect(confirmed.edges.every((e) => e.status === 'CORROBORATED')).toBe(true);
    // The seizure of the Léré camp and the departure, confirmed by local civilian and security sources.
    expect(confirmed.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining(['event:lere-camp-attack', 'event:lere-withdrawal']),
    );
    expect(confirmed.nodes.map((n) => n.id)).not.toContain('actor:fama');
    expect(confirmed.nodes.map((n) => n.id)).not.toContain('actor:wagner');
  });

  it('keeps the events of the time window only', async () => {
    const view = await neighbourhood(db.scope(), {
      id: 'actor:csp',
      filter: { relationKinds: ['PARTICIPATED_IN'], from: '2023-09-17T00:00:00.000Z', to: '2023-09-17T23:59:59.999Z' },
    });
    const events = view.nodes.filter((n) => n.type === 'EVENT').map((n) => n.id);
    expect(events).toEqual(expect.arrayContaining(['event:lere-camp-attack', 'event:lere-search']));
    expect(events).not.toContain('event:bourem-attack'); // 12 Sep
    expect(events).not.toContain('event:lere-withdrawal'); // 18 Sep, 02:00
  });

  it('caps the view at limit nodes, nearest first, and says so', async () => {
    const view = await neighbourhood(db.scope(), { id: 'actor:csp', depth: 2, limit: 5 });
    expect(view.capped).toBe(true);
    expect(view.nodes).toHaveLength(5);
    expect(view.nodes[0]?.id).toBe('actor:csp');
    const whole = await neighbourhood(db.scope(), { id: 'actor:csp', depth: 2, limit: 500 });
    expect(whole.capped).toBe(false);
    expect(whole.nodes.length).toBeGreaterThan(5);
  });

  it('stays within its cap on a node with thousands of relationships, at every depth', async () => {
    for (const depth of [1, 2, 3]) {
      const view = await neighbourhood(db.scope(), { id: 'actor:test-hub', depth, limit: 50 });
      expect(view.capped).toBe(true);
      expect(view.nodes).toHaveLength(50);
      expect(view.edges).toHaveLength(49);
    }
  });

  it('expands a hub only as far as the cap: no step reads all of its relationships', async () => {
    expect(HUB_EVENTS).toBeGreaterThan(FAN_OUT);
    for (const depth of [1, 2, 3]) {
      const plan = await planDetails(
        db,
        neighbourhoodStatement(RELATION_KINDS, depth),
        {
          id: 'actor:test-hub',
          found: neo4j.int(50),
          fanOut: neo4j.int(FAN_OUT),
          statuses: null,
          eventTypes: null,
          from: null,
          to: null,
        },
        'PROFILE',
      );
      // Reading the hub's relationships once costs more than HUB_EVENTS db hits (an eager
      // expansion costs about six per relationship); a capped one stops after limit + 1 rows.
      expect(plan.filter((p) => p.dbHits >= HUB_EVENTS)).toEqual([]);
      expect(Math.max(...plan.map((p) => p.rows))).toBeLessThanOrEqual(51);
    }
  });

  it('refuses a depth outside 1..3 and a limit outside 1..500, and says which id is unknown', async () => {
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'resolved',
        (e: { extensions?: { code?: string } }) => e.extensions?.code,
      );
    expect(await codeOf(neighbourhood(db.scope(), { id: 'actor:csp', depth: 4 }))).toBe('BAD_USER_INPUT');
    expect(await codeOf(neighbourhood(db.scope(), { id: 'actor:csp', depth: 0 }))).toBe('BAD_USER_INPUT');
    expect(await codeOf(neighbourhood(db.scope(), { id: 'actor:csp', limit: 501 }))).toBe('BAD_USER_INPUT');
    expect(await codeOf(neighbourhood(db.scope(), { id: 'actor:nobody' }))).toBe('NOT_FOUND');
  });

  it("draws the same view from the nodes' ids and labels alone, filtered or not", async () => {
    for (const filter of [null, { confirmedOnly: true }]) {
      const request = { id: 'event:lere-camp-attack', depth: 2, filter };
      const whole = await neighbourhood(db.scope(), request);
      const drawn = await neighbourhood(db.scope(), request, 'drawn');
      expect(whole.nodes.length).toBeGreaterThan(3);
      const draw = (view: typeof whole) => [
        view.nodes.map((n) => [n.id, n.type, n.label, n.node.__typename]),
        view.edges,
        view.capped,
      ];
      expect(draw(drawn)).toEqual(draw(whole));
    }
  });
});
