/**
 * importClaims against the real database: the seed article imported in one call lands exactly as
 * the single writes (addActor … addClaim) leave it — same nodes, names, statuses and fact edges —
 * an import with one bad reference writes nothing, and a claim said before is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importClaims } from '../../../src/graph/bulk/import-claims.js';
import type { Database } from '../../../src/graph/core/database.js';
import type { ImportClaimsInput } from '../../../src/generated/graphql.js';
import { SEED_DIR } from '../../../src/graph/write/seed.js';
import { countGraph, loadArticle, resetGraph, testDatabase } from '../../support/graph.js';

// What must be the same after either write path (timestamps and audit entries aside).
const FACTS = `
  MATCH (a)-[r]->(b)
  WHERE NOT a:AuditEntry AND NOT b:AuditEntry AND NOT a:IdempotencyKey
  RETURN coalesce(a.id, a.key) AS from, type(r) AS type, coalesce(b.id, b.key) AS to,
         r.role AS role, r.status AS status, r.claimIds AS claimIds
  ORDER BY from, type, to, role`;

const NODES = `
  MATCH (n) WHERE NOT n:AuditEntry AND NOT n:IdempotencyKey
  RETURN labels(n)[0] AS label, coalesce(n.id, n.key) AS id, n.status AS status, n.aliasText AS aliasText,
         n.timeLabel AS timeLabel, toString(n.startTime) AS start, n.location AS location
  ORDER BY label, id`;

let db: Database;
// Untyped YAML, as the seed loader reads it: importClaims validates it.
const article = parse(readFileSync(join(SEED_DIR, 'article.yaml'), 'utf8')) as ImportClaimsInput;

async function snapshot() {
  const facts = (await db.scope().read(FACTS)).map((r) => {
    const o = r.toObject();
    return { ...o, claimIds: o.claimIds ? [...(o.claimIds as string[])].sort() : null };
  });
  const nodes = (await db.scope().read(NODES)).map((r) => r.toObject());
  return { facts, nodes };
}

beforeAll(async () => {
  db = testDatabase();
}, 60_000);

afterAll(async () => {
  await db.close();
});

describe('importClaims', () => {
  it('lands the seed article exactly as the single writes do, in one call', async () => {
    await loadArticle(db);
    const bySingleWrites = await snapshot();
    await resetGraph(db);

    const summary = await importClaims(db.scope(60_000), article, { identity: 'seed' });
    expect(summary).toEqual({
      actorsCreated: (article.actors as unknown[]).length,
      placesCreated: (article.places as unknown[]).length,
      sourcesAdded: (article.sources as unknown[]).length,
      claimsAdded: (article.claims as unknown[]).length,
      eventsCreated: bySingleWrites.nodes.filter((n) => n.label === 'Event').length,
    });
    const byImport = await snapshot();
    expect(byImport.nodes).toEqual(bySingleWrites.nodes);
    expect(byImport.facts).toEqual(bySingleWrites.facts);
    // The statuses are the article's mix, not one default.
    expect(new Set(byImport.nodes.filter((n) => n.label === 'Claim').map((n) => n.status)).size).toBeGreaterThan(2);
  }, 900_000);

  it('records one audit entry per node it added, as importClaims by the importer', async () => {
    const rows = await db
      .scope()
      .read("MATCH (e:AuditEntry {action: 'importClaims'}) RETURN count(e) AS n, collect(DISTINCT e.by) AS by");
    expect(rows[0]?.get('by')).toEqual(['seed']);
    expect(Number(rows[0]?.get('n'))).toBeGreaterThanOrEqual((article.claims as unknown[]).length);
  });

  it('refuses an import that repeats existing ids, and writes nothing', async () => {
    const before = await countGraph(db);
    await expect(importClaims(db.scope(), article, { identity: 'seed' })).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', field: 'input.actors[0].id' },
    });
    expect(await countGraph(db)).toEqual(before);
  });

  it('refuses a claim naming a missing source, naming the field, and writes none of the other claims', async () => {
    const before = await countGraph(db);
    const input = {
      claims: [
        { id: 'claim:import-ok', text: 'Fine.', assertedBy: { id: 'actor:csp' }, sourceIds: ['source:article'] },
        { id: 'claim:import-bad', text: 'Bad.', assertedBy: { id: 'actor:csp' }, sourceIds: ['source:nowhere'] },
      ],
    };
    await expect(importClaims(db.scope(), input, { identity: 'test' })).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND', field: 'input.claims[1].sourceIds[0]' },
    });
    expect(await countGraph(db)).toEqual(before);
  });

  it('adds participants to an existing event and recognises actors by alias', async () => {
    const summary = await importClaims(
      db.scope(),
      {
        claims: [
          {
            id: 'claim:import-wagner-at-lere',
            text: 'Wagner fighters were at Léré.',
            assertedBy: { name: 'fama' },
            // Two independent origins (neither cites the other): CORROBORATED.
            sourceIds: ['source:security-sources', 'source:lere-local-civilians'],
            events: [
              { id: 'event:lere-camp-attack', participants: [{ actor: { name: 'Groupe Wagner' }, role: 'DEFENDER' }] },
            ],
          },
        ],
      },
      { identity: 'test' },
    );
    expect(summary).toMatchObject({ claimsAdded: 1, actorsCreated: 0, eventsCreated: 0 });
    const [row] = await db.scope().read(
      `MATCH (c:Claim {id: 'claim:import-wagner-at-lere'})-[:ASSERTED_BY]->(a:Actor)
       MATCH (:Actor {id: 'actor:wagner'})-[r:PARTICIPATED_IN {role: 'DEFENDER'}]->(:Event {id: 'event:lere-camp-attack'})
       RETURN a.id AS asserter, c.status AS status, r.claimIds AS claimIds, r.status AS edgeStatus`,
    );
    expect(row?.get('asserter')).toBe('actor:fama');
    expect(row?.get('status')).toBe('CORROBORATED');
    expect(row?.get('claimIds')).toEqual(['claim:import-wagner-at-lere']);
    expect(row?.get('edgeStatus')).toBe('CORROBORATED');
  });
  it('refuses a claim said before, in the database or earlier in the import, unless marked separate', async () => {
    const said = {
      text: 'The camp was empty by dawn.',
      assertedBy: { id: 'actor:csp' },
      sourceIds: ['source:article'],
    };
    expect(await importClaims(db.scope(), { claims: [said] }, { identity: 'test' })).toMatchObject({ claimsAdded: 1 });
    const before = await countGraph(db);
    const other = { ...said, text: 'The camp was empty by noon.' };
    await expect(importClaims(db.scope(), { claims: [other, said] }, { identity: 'test' })).rejects.toMatchObject({
      extensions: { code: 'DUPLICATE_CLAIM', field: 'input.claims[1]' },
    });
    await expect(importClaims(db.scope(), { claims: [other, other] }, { identity: 'test' })).rejects.toMatchObject({
      extensions: { code: 'DUPLICATE_CLAIM', field: 'input.claims[1]', sameAs: 'input.claims[0]' },
    });
    expect(await countGraph(db)).toEqual(before);
    const separate = await importClaims(
      db.scope(),
      { claims: [{ ...said, separateClaim: true }] },
      { identity: 'test' },
    );
    expect(separate).toMatchObject({ claimsAdded: 1 });
  });
});
