/**
 * The test graph: `resetGraph` empties the database (keeping constraints and indexes), and
 * `loadArticle` gives a test file the seed article's graph, loaded through the write path.
 *
 * Loading the seed costs hundreds of writes, and every file needs it, so `loadArticle` keeps a
 * fingerprint of the freshly loaded graph (every node and relationship with its properties) in a
 * file next to the test database. When the graph still matches it exactly — no earlier file
 * changed anything — it is used as is; any difference (one property, one node) reloads it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { Database } from '../../src/graph/core/database.js';
import { migrate } from '../../src/graph/core/migrations.js';
import { loadSeed } from '../../src/graph/write/seed.js';

// Batches keep each transaction small, whatever a previous test file left behind.
const DELETE_BATCH = `
  MATCH (n) WITH n LIMIT 5000
  DETACH DELETE n
  RETURN count(*) AS deleted`;

/** Deletes every node and relationship, in batches; constraints and indexes stay. */
export async function resetGraph(db: Database): Promise<void> {
  const scope = db.scope(60_000);
  for (;;) {
    const [row] = await scope.write((tx) => tx.run(DELETE_BATCH));
    if (Number(row?.get('deleted') ?? 0) === 0) return;
  }
}

const COUNT_GRAPH = `
  CALL () { MATCH (n) RETURN count(n) AS nodes }
  CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
  RETURN nodes, relationships`;

/** Every node and relationship in the database, counted (to prove a write wrote nothing, or the same). */
export async function countGraph(db: Database): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.scope().read(COUNT_GRAPH);
  return { nodes: Number(row?.get('nodes')), relationships: Number(row?.get('relationships')) };
}

const WHOLE_GRAPH = `
  CALL () {
    MATCH (n) WITH n ORDER BY elementId(n)
    RETURN collect([labels(n), properties(n)]) AS nodes
  }
  CALL () {
    MATCH (a)-[r]->(b) WITH a, r, b ORDER BY elementId(r)
    RETURN collect([elementId(a), type(r), elementId(b), properties(r)]) AS relationships
  }
  RETURN nodes, relationships`;

interface Fingerprint {
  nodes: number;
  relationships: number;
  hash: string;
}

async function fingerprint(db: Database): Promise<Fingerprint> {
  const counts = await countGraph(db);
  const [row] = await db.scope(60_000).read(WHOLE_GRAPH);
  // Property maps with sorted keys, so the same graph always serialises the same way.
  const canonical = JSON.stringify([row?.get('nodes'), row?.get('relationships')], (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
  const hash = createHash('sha256').update(canonical).digest('hex');
  return { ...counts, hash };
}

const fingerprintFile = () =>
  join(
    tmpdir(),
    `conflict-graph-article-${createHash('sha256').update(inject('neo4jUri')).digest('hex').slice(0, 16)}.json`,
  );

/** True when the database holds exactly the graph the last loadArticle left. */
async function articleIntact(db: Database): Promise<boolean> {
  const file = fingerprintFile();
  if (!existsSync(file)) return false;
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Fingerprint;
  const counts = await countGraph(db);
  if (counts.nodes !== saved.nodes || counts.relationships !== saved.relationships) return false;
  return (await fingerprint(db)).hash === saved.hash;
}

/**
 * A beforeAll that loads the article may take minutes on a cold, busy machine (the first load
 * on a fresh Neo4j plans every statement of the write path): pass this as its timeout.
 */
export const ARTICLE_LOAD_TIMEOUT_MS = 600_000;

/** Gives the database the seed article's graph, and nothing else. */
export async function loadArticle(db: Database): Promise<void> {
  if (await articleIntact(db)) return;
  await migrate(db);
  await resetGraph(db);
  await loadSeed(db);
  writeFileSync(fingerprintFile(), JSON.stringify(await fingerprint(db)));
}

/** A Database on the test Neo4j, for *.int.test.ts files (close it in afterAll). */
export function testDatabase(): Database {
  const password = inject('neo4jPassword');
  return new Database({
    uri: inject('neo4jUri'),
    user: inject('neo4jUser'),
    password: password ? password : undefined,
    database: 'neo4j',
    txTimeoutMs: 60_000,
  });
}
