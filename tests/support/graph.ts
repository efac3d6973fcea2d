/**
 * The test graph: `resetGraph` empties the database (keeping constraints and indexes), and
 * `loadArticle` resets it and loads the seed through the write path. A test file that needs the
 * article's graph calls `loadArticle(db)` in beforeAll, so files never see each other's data.
 */
import { inject } from 'vitest';
import { Database } from '../../src/graph/database.js';
import { loadSeed, type SeedSummary } from '../../src/graph/seed.js';
import { migrate } from '../../src/graph/migrations.js';

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

/** Resets the graph and loads the seed article (migrations first, so a fresh database works too). */
export async function loadArticle(db: Database): Promise<SeedSummary> {
  await migrate(db);
  await resetGraph(db);
  return loadSeed(db);
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

const COUNT_GRAPH = `
  CALL () { MATCH (n) RETURN count(n) AS nodes }
  CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
  RETURN nodes, relationships`;

/** Every node and relationship in the database, counted (to prove a write wrote nothing, or the same). */
export async function countGraph(db: Database): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.scope().read(COUNT_GRAPH);
  return { nodes: Number(row?.get('nodes')), relationships: Number(row?.get('relationships')) };
}
