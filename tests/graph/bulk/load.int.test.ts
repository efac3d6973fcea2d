/**
 * The bulk write path against the real database: a generated graph lands exactly as
 * docs/model.md describes it, writing it twice changes nothing, and a dangling reference
 * writes nothing at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/graph/core/database.js';
import { migrate } from '../../../src/graph/core/migrations.js';
import { nameKey } from '../../../src/domain/names.js';
import { writeBulk, BulkReferenceError, type BulkClaim } from '../../../src/graph/bulk/load.js';
import { loadSyntheticGraph } from '../../../bench/synthetic/load.js';
import { buildWorld } from '../../../bench/synthetic/world.js';
import { eventBatch } from '../../../bench/synthetic/events.js';
import { resetGraph, testDatabase } from '../../support/graph.js';

const EVENTS = 300;
const SEED = 7;

let db: Database;

async function count(cypher: string): Promise<number> {
  const rows = await db.scope().read(cypher);
  return Number(rows[0]?.get(0));
}

// Every node and relationship, by label and type: the fingerprint a second load must not change.
async function shape(): Promise<Record<string, number>> {
  const nodes = await db.scope().read('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label');
  const rels = await db.scope().read('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type');
  return Object.fromEntries([
    ...nodes.map((r) => [r.get('label') as string, Number(r.get('n'))]),
    ...rels.map((r) => [r.get('type') as string, Number(r.get('n'))]),
  ]);
}

beforeAll(async () => {
  db = testDatabase();
  await migrate(db);
  await resetGraph(db);
  await loadSyntheticGraph(db, { events: EVENTS, seed: SEED, batchSize: 150 });
  // A shared 2-core machine can make a few thousand rows slow; this is no timing assertion.
}, 600_000);

afterAll(async () => {
  await db.close();
});

describe('a generated graph written through the bulk path', () => {
  const world = buildWorld(EVENTS, SEED);
  const claims: BulkClaim[] = [...world.relations.claims];
  for (let from = 0; from < EVENTS; from += 150)
    claims.push(...(eventBatch(world, SEED, from, from + 150).claims ?? []));

  it('holds every node it generated, each with its timestamps', async () => {
    expect(await count('MATCH (n:Event) RETURN count(n)')).toBe(EVENTS);
    expect(await count('MATCH (n:Claim) RETURN count(n)')).toBe(claims.length);
    expect(await count('MATCH (n:Actor) RETURN count(n)')).toBe(world.actors.length);
    expect(await count('MATCH (n:Place) RETURN count(n)')).toBe(world.places.length);
    expect(await count('MATCH (n:Source) RETURN count(n)')).toBe(world.sources.length);
    expect(
      await count(
        'MATCH (n) WHERE (n:Actor OR n:Place OR n:Event OR n:Claim OR n:Source) AND (n.createdAt IS NULL OR n.updatedAt IS NULL) RETURN count(n)',
      ),
    ).toBe(0);
    expect(await count("MATCH (n:Event) WHERE NOT n.id STARTS WITH 'event:gen-' RETURN count(n)")).toBe(0);
  });

  it('gives every claim its asserting actor and at least one source', async () => {
    expect(await count('MATCH (c:Claim) WHERE NOT (c)-[:REPORTED_IN]->(:Source) RETURN count(c)')).toBe(0);
    expect(await count('MATCH (c:Claim)-[:ASSERTED_BY]->(:Actor) RETURN count(c)')).toBe(claims.length);
    const reported = claims.reduce((n, c) => n + c.reportedInIds.length, 0);
    expect(await count('MATCH (:Claim)-[r:REPORTED_IN]->(:Source) RETURN count(r)')).toBe(reported);
  });

  it('stores the status the README rules derive, recomputed here independently in Cypher', async () => {
    // Evidence = REPORTED_IN ∪ SUPPORTS; relays (citing other evidence) do not count; publishers count once.
    const rows = await db.scope().read(`
      MATCH (c:Claim)
      CALL (c) {
        OPTIONAL MATCH (c)-[:REPORTED_IN]->(r:Source)
        WITH c, collect(r) AS reported
        OPTIONAL MATCH (s:Source)-[:SUPPORTS]->(c)
        WITH reported, collect(s) AS supporting
        RETURN reported + supporting AS evidence
      }
      WITH c, evidence, COUNT { (:Source)-[:CONTRADICTS]->(c) } AS contradicting
      WITH c, contradicting, [s IN evidence WHERE NOT EXISTS { (s)-[:CITES]->(o) WHERE o IN evidence AND o <> s }] AS kept
      WITH c, contradicting,
        COUNT { UNWIND kept AS k RETURN DISTINCT CASE WHEN k.publisher IS NULL THEN k.id ELSE toLower(k.publisher) END } AS origins
      RETURN c.status AS stored,
        CASE WHEN contradicting > 0 THEN 'DISPUTED'
             WHEN c.notIndependentlyVerified AND origins < 2 THEN 'UNVERIFIED'
             WHEN origins >= 2 THEN 'CORROBORATED' ELSE 'REPORTED' END AS derived`);
    expect(rows.length).toBe(claims.length);
    const mismatched = rows.filter((r) => r.get('stored') !== r.get('derived'));
    expect(mismatched.length).toBe(0);
    // The generator makes every status occur.
    const statuses = new Set(rows.map((r) => r.get('stored') as string));
    expect([...statuses].sort()).toEqual(['CORROBORATED', 'DISPUTED', 'REPORTED', 'UNVERIFIED']);
  });

  it('backs every fact edge with existing claims and carries their strongest status', async () => {
    const rows = await db.scope().read(`
      MATCH ()-[r:PARTICIPATED_IN|OCCURRED_AT|MEMBER_OF|ALLIED_WITH|OPPOSES|FOLLOWED_BY|PART_OF]->()
      CALL (r) {
        UNWIND r.claimIds AS id
        OPTIONAL MATCH (c:Claim {id: id})
        RETURN count(c) AS found, collect(c.status) AS statuses
      }
      RETURN size(r.claimIds) AS claimIds, found, r.status AS status,
        CASE WHEN 'CORROBORATED' IN statuses THEN 'CORROBORATED' WHEN 'REPORTED' IN statuses THEN 'REPORTED'
             WHEN 'UNVERIFIED' IN statuses THEN 'UNVERIFIED' ELSE 'DISPUTED' END AS strongest`);
    expect(rows.length).toBeGreaterThan(EVENTS);
    for (const row of rows) {
      expect(row.get('claimIds')).toBeGreaterThan(0);
      expect(row.get('found')).toBe(row.get('claimIds'));
      expect(row.get('status')).toBe(row.get('strongest'));
    }
    // Later claims back some participations again: edges with several claims exist.
    expect(await count('MATCH ()-[r:PARTICIPATED_IN]->() WHERE size(r.claimIds) > 1 RETURN count(r)')).toBeGreaterThan(
      0,
    );
    expect(await count('MATCH (e:Event) WHERE NOT (e)-[:OCCURRED_AT]->(:Place) RETURN count(e)')).toBe(0);
  });

  it('names every actor and place by its name and aliases through Name nodes, and indexes aliasText', async () => {
    const expected = new Set<string>();
    for (const a of world.actors) for (const n of [a.name, ...a.aliases]) expected.add(nameKey('Actor', n));
    for (const p of world.places) for (const n of [p.name, ...p.aliases]) expected.add(nameKey('Place', n));
    const rows = await db.scope().read('MATCH (k:Name)-[:NAMES]->(n) RETURN k.key AS key, count(n) AS named');
    expect(new Set(rows.map((r) => r.get('key') as string))).toEqual(expected);
    expect(rows.every((r) => Number(r.get('named')) === 1)).toBe(true);
    const withAliases = world.actors.find((a) => a.aliases.length > 1)!;
    const actor = await db.scope().read('MATCH (a:Actor {id: $id}) RETURN a.aliasText AS t', { id: withAliases.id });
    expect(actor[0]?.get('t')).toBe(withAliases.aliases.join(' | '));
  });

  it('places every place below a country, with coordinates in the Sahel', async () => {
    expect(
      await count("MATCH (p:Place) WHERE p.kind <> 'COUNTRY' AND NOT (p)-[:LOCATED_IN]->(:Place) RETURN count(p)"),
    ).toBe(0);
    expect(
      await count(
        'MATCH (p:Place) WHERE p.location.latitude < 10 OR p.location.latitude > 24 OR p.location.longitude < -17 OR p.location.longitude > 24 RETURN count(p)',
      ),
    ).toBe(0);
  });

  it('changes nothing when the same graph is written again (ids are idempotent)', async () => {
    const before = await shape();
    const report = await loadSyntheticGraph(db, { events: EVENTS, seed: SEED, batchSize: 150 });
    expect(report.claims).toBe(0);
    expect(await shape()).toEqual(before);
  }, 300_000);

  it('completes an existing fact edge with a new claim, keeping the strongest status', async () => {
    const [edge] = await db.scope().read(`
      MATCH (a:Actor)-[r:PARTICIPATED_IN]->(e:Event) WHERE r.status = 'DISPUTED' OR r.status = 'UNVERIFIED'
      RETURN a.id AS actorId, e.id AS eventId, r.role AS role, r.claimIds AS claimIds LIMIT 1`);
    expect(edge).toBeDefined();
    const claim: BulkClaim = {
      id: 'claim:gen-extra',
      text: 'Independent confirmation.',
      quote: null,
      status: 'CORROBORATED',
      notIndependentlyVerified: false,
      createdBy: 'test',
      assertedById: edge!.get('actorId') as string,
      reportedInIds: [world.sources[0]!.id],
      supportingIds: [world.sources[1]!.id],
      contradictingIds: [],
      about: { actorIds: [], placeIds: [], eventIds: [edge!.get('eventId') as string], sourceIds: [], claimIds: [] },
    };
    await writeBulk(db.scope(), {
      claims: [claim],
      participations: [
        {
          actorId: edge!.get('actorId') as string,
          eventId: edge!.get('eventId') as string,
          role: edge!.get('role') as string,
          claimId: claim.id,
          status: 'CORROBORATED',
        },
      ],
    });
    const [after] = await db
      .scope()
      .read(
        'MATCH (:Actor {id: $a})-[r:PARTICIPATED_IN {role: $role}]->(:Event {id: $e}) RETURN r.claimIds AS ids, r.status AS status',
        { a: edge!.get('actorId'), e: edge!.get('eventId'), role: edge!.get('role') },
      );
    expect(after?.get('ids')).toEqual([...(edge!.get('claimIds') as string[]), 'claim:gen-extra']);
    expect(after?.get('status')).toBe('CORROBORATED');
  });

  it('writes nothing when one row names a node that does not exist', async () => {
    const before = await shape();
    const write = writeBulk(db.scope(), {
      events: [
        {
          id: 'event:gen-dangling',
          type: 'BATTLE',
          subType: null,
          startTime: null,
          endTime: null,
          timePrecision: 'UNKNOWN',
          timeLabel: 'unknown time',
          description: 'x',
          fatalitiesLow: null,
          fatalitiesHigh: null,
          fatalitiesBest: null,
          createdBy: 'test',
        },
      ],
      occurrences: [
        { eventId: 'event:gen-dangling', placeId: 'place:nowhere', claimId: 'claim:x', status: 'REPORTED' },
      ],
    });
    await expect(write).rejects.toBeInstanceOf(BulkReferenceError);
    expect(await shape()).toEqual(before);
  });
});
