/**
 * The round trip: the article's graph exported as our JSON and imported into an empty database
 * (importClaims, as `npm run import -- --format json` does) is the same graph — every node and
 * relationship with its properties, but for when and by whom each was written.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/graph/core/database.js';
import { importClaims } from '../../src/graph/bulk/import-claims.js';
import type { ImportClaimsInput } from '../../src/generated/graphql.js';
import { writeExport } from '../../src/interchange/export.js';
import { ARTICLE_LOAD_TIMEOUT_MS, loadArticle, resetGraph, testDatabase } from '../support/graph.js';

let db: Database;

const WHOLE_GRAPH = `
  CALL () {
    MATCH (n) WHERE NOT n:AuditEntry AND NOT n:IdempotencyKey
    RETURN collect([labels(n), properties(n)]) AS nodes
  }
  CALL () {
    MATCH (a)-[r]->(b) WHERE NOT a:AuditEntry AND NOT b:AuditEntry
    RETURN collect([coalesce(a.id, a.key), type(r), coalesce(b.id, b.key), properties(r)]) AS relationships
  }
  RETURN nodes, relationships`;

// When and by whom a record was written differ between two loads; what it says does not. A
// claim's fingerprint hashes the request that entered it, so it is compared as present, not equal.
const WRITTEN = new Set(['createdAt', 'updatedAt', 'createdBy', 'at', 'by']);

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && value.constructor === Object)
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !WRITTEN.has(k))
        .map(([k, v]) => [k, k === 'fingerprint' ? typeof v === 'string' && v.length === 64 : v])
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value && typeof value === 'object' ? String(value) : value;
}

async function graph(): Promise<{ nodes: string[]; relationships: string[] }> {
  const [row] = await db.scope(60_000).read(WHOLE_GRAPH);
  const sorted = (list: unknown[]) => list.map((x) => JSON.stringify(canonical(x))).sort();
  return {
    nodes: sorted(row!.get('nodes') as unknown[]),
    relationships: sorted(row!.get('relationships') as unknown[]),
  };
}

beforeAll(async () => {
  db = testDatabase();
  await loadArticle(db);
}, ARTICLE_LOAD_TIMEOUT_MS);
afterAll(() => db?.close());

describe('round trip', () => {
  it('exports the article as JSON that, imported into an empty database, gives the same graph', async () => {
    const before = await graph();
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const claims = await writeExport(db.scope(60_000), { format: 'json' }, out);
    out.end();
    expect(claims).toBeGreaterThan(20);

    await resetGraph(db);
    // The export's JSON, untyped as a file read back would be: importClaims validates it.
    const exported = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ImportClaimsInput;
    await importClaims(db.scope(120_000), exported, { identity: 'round-trip' });
    const after = await graph();
    expect(after.nodes.length).toBe(before.nodes.length);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.relationships).toEqual(before.relationships);
  });
});
