/**
 * Crash safety: the API runs as its own process while researchers stream addClaim mutations at
 * it; it is killed with SIGKILL mid-stream and started again. Every acknowledged claim is then in
 * the graph whole (asserted by its actor, reported in its source, its event placed and with its
 * participant, its audit entry), no claim or event exists half-written, and retrying the
 * unacknowledged claims with their idempotency keys leaves exactly one of each.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { hashKey, newKey } from '../../src/auth.js';
import type { Database } from '../../src/graph/core/database.js';
import { resetGraph, testDatabase } from '../support/graph.js';
import { spawnApi, type ApiProcess } from './api-process.js';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const KEY = newKey();
const RUN = `r${Date.now().toString(36)}`;
const WORKERS = 4;
const ACKNOWLEDGED_BEFORE_KILL = 24;

const ADD_CLAIM = /* GraphQL */ `mutation Add($input: AddClaimInput!) { addClaim(input: $input) { id } }`;
const ADD_SOURCE = /* GraphQL */ `mutation AddSource { addSource(input: {id: "source:crash", kind: ARTICLE, title: "Crash-test source"}) { id } }`;

function claimInput(i: number) {
  const actor = { name: `Crash Actor ${i % 4}`, kind: 'ARMED_GROUP' };
  return {
    idempotencyKey: `crash-${RUN}-${i}`,
    id: `claim:crash-${RUN}-${i}`,
    text: `Crash-test claim ${i}`,
    assertedBy: actor,
    sourceIds: ['source:crash'],
    events: [
      {
        id: `event:crash-${RUN}-${i}`,
        type: 'BATTLE',
        description: `Crash-test event ${i}`,
        place: { name: `Crash Town ${i % 6}`, kind: 'TOWN' },
        participants: [{ actor, role: 'ATTACKER' }],
      },
    ],
  };
}

async function send(api: ApiProcess, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: { addClaim?: { id: string } } | null; errors?: { message: string }[] };
}

// How whole each claim is: one row per claim id asked about.
const CLAIM_SHAPES = `
  UNWIND $ids AS id
  OPTIONAL MATCH (c:Claim {id: id})
  RETURN id,
    c IS NOT NULL AS exists,
    COUNT { (c)-[:ASSERTED_BY]->(:Actor) } AS asserters,
    COUNT { (c)-[:REPORTED_IN]->(:Source {id: 'source:crash'}) } AS sources,
    COUNT { (c)-[:ABOUT]->(:Event)-[:OCCURRED_AT]->(:Place) } AS placedEvents,
    COUNT { (c)-[:ABOUT]->(:Event)<-[:PARTICIPATED_IN]-(:Actor) } AS participants,
    COUNT { (a:AuditEntry) WHERE a.targetId = id } AS auditEntries`;

// Everything of this run in the graph, whatever was or was not acknowledged.
const RUN_CLAIMS = `MATCH (c:Claim) WHERE c.id STARTS WITH $prefix RETURN collect(c.id) AS ids`;
const HALF_WRITTEN_EVENTS = `
  MATCH (e:Event) WHERE e.id STARTS WITH $prefix
    AND (NOT (e)-[:OCCURRED_AT]->(:Place)
      OR NOT (:Claim)-[:ABOUT]->(e)
      OR NOT (:Actor)-[:PARTICIPATED_IN]->(e))
  RETURN collect(e.id) AS ids`;

interface Shape {
  id: string;
  exists: boolean;
  asserters: number;
  sources: number;
  placedEvents: number;
  participants: number;
  auditEntries: number;
}

describe('SIGKILL in the middle of a stream of addClaim', () => {
  let db: Database;
  let api: ApiProcess;
  const env = {
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_USER: inject('neo4jUser'),
    API_KEYS: `crash-test:researcher:${hashKey(KEY)}`,
    NODE_ENV: 'production',
    TX_TIMEOUT_MS: '60000',
    REQUEST_TIMEOUT_MS: '90000',
    ...(inject('neo4jPassword') ? { NEO4J_PASSWORD: inject('neo4jPassword') } : {}),
  };
  const acknowledged: string[] = [];
  const attempted: number[] = [];
  let inFlightAtKill = 0;

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    api = await spawnApi(env);
    expect((await send(api, ADD_SOURCE)).errors).toBeUndefined();
  });
  afterAll(async () => {
    await api?.kill('SIGTERM');
    await db.close();
  });

  async function shapes(ids: string[]): Promise<Shape[]> {
    const rows = await db.scope(60_000).read(CLAIM_SHAPES, { ids });
    return rows.map((row) => row.toObject() as Shape);
  }

  it('kills the API mid-stream, with writes in flight', async () => {
    let next = 0;
    let inFlight = 0;
    let killed = false;
    let kill!: () => void;
    const killTime = new Promise<void>((ok) => (kill = ok));
    const worker = async () => {
      while (!killed) {
        const i = next++;
        attempted.push(i);
        inFlight += 1;
        try {
          const result = await send(api, ADD_CLAIM, { input: claimInput(i) });
          if (result.data?.addClaim?.id && !result.errors) acknowledged.push(result.data.addClaim.id);
          else if (!killed) throw new Error(`addClaim ${i} refused: ${JSON.stringify(result.errors)}`);
        } catch (error) {
          if (killed) continue; // a write cut off by the kill is simply not acknowledged
          killed = true; // before the kill every write must succeed: stop the stream and fail
          throw error;
        } finally {
          inFlight -= 1;
        }
        if (acknowledged.length >= ACKNOWLEDGED_BEFORE_KILL) kill();
      }
    };
    const workers = Array.from({ length: WORKERS }, worker);
    // A write refused before the kill fails the test at once rather than waiting for the kill.
    await Promise.race([killTime, Promise.all(workers)]);
    inFlightAtKill = inFlight;
    killed = true;
    expect(await api.kill('SIGKILL')).toBe('SIGKILL');
    await Promise.all(workers);
    expect(acknowledged.length).toBeGreaterThanOrEqual(ACKNOWLEDGED_BEFORE_KILL);
    expect(inFlightAtKill).toBeGreaterThan(0);
    console.log(
      `[crash] ${attempted.length} claims sent, ${acknowledged.length} acknowledged, ${inFlightAtKill} in flight at SIGKILL`,
    );
  });

  it('after a restart, every acknowledged claim is there, whole', async () => {
    api = await spawnApi(env, api.port);
    const found = await shapes(acknowledged);
    expect(found).toHaveLength(acknowledged.length);
    for (const shape of found) {
      expect(shape).toEqual({
        id: shape.id,
        exists: true,
        asserters: 1,
        sources: 1,
        placedEvents: 1,
        participants: 1,
        auditEntries: 1,
      });
    }
  });

  it('no claim and no event of the stream is half-written', async () => {
    const prefix = `claim:crash-${RUN}-`;
    const [claims] = await db.scope(60_000).read(RUN_CLAIMS, { prefix });
    const ids = claims?.get('ids') as string[];
    // Those in flight at the kill either committed whole or not at all.
    expect(ids.length).toBeGreaterThanOrEqual(acknowledged.length);
    expect(ids.length).toBeLessThanOrEqual(attempted.length);
    for (const shape of await shapes(ids)) {
      expect([shape.asserters, shape.sources, shape.placedEvents, shape.participants, shape.auditEntries]).toEqual([
        1, 1, 1, 1, 1,
      ]);
    }
    const [events] = await db.scope(60_000).read(HALF_WRITTEN_EVENTS, { prefix: `event:crash-${RUN}-` });
    expect(events?.get('ids')).toEqual([]);
  });

  it('retrying every claim with its idempotency key leaves exactly one of each', async () => {
    for (const i of attempted) {
      const result = await send(api, ADD_CLAIM, { input: claimInput(i) });
      expect(result.errors).toBeUndefined();
      expect(result.data?.addClaim?.id).toBe(`claim:crash-${RUN}-${i}`);
    }
    const [claims] = await db.scope(60_000).read(RUN_CLAIMS, { prefix: `claim:crash-${RUN}-` });
    expect(new Set(claims?.get('ids') as string[]).size).toBe(attempted.length);
    expect((claims?.get('ids') as string[]).length).toBe(attempted.length);
    for (const shape of await shapes(attempted.map((i) => `claim:crash-${RUN}-${i}`))) {
      expect(shape.exists).toBe(true);
      expect(shape.auditEntries).toBe(1);
    }
  });
});
