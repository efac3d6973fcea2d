/**
 * `npm run seed`: loads seed/*.yaml into the configured Neo4j (starting the local engine when
 * NEO4J_URI is unset, as `npm start` does) through the researchers' write path. Idempotent:
 * running it twice gives the same graph.
 */
import { ConfigError, loadConfig } from '../src/config.js';
import { migrate } from '../src/graph/core/migrations.js';
import { loadSeed } from '../src/graph/write/seed.js';
import { startDatabase } from './start-database.js';

const COUNTS = `
  CALL () { MATCH (n:Actor) RETURN count(n) AS actors }
  CALL () { MATCH (n:Place) RETURN count(n) AS places }
  CALL () { MATCH (n:Event) RETURN count(n) AS events }
  CALL () { MATCH (n:Source) RETURN count(n) AS sources }
  CALL () { MATCH (n:Claim) RETURN count(n) AS claims }
  RETURN actors, places, events, sources, claims`;

async function main(): Promise<void> {
  const config = loadConfig();
  const { db, close } = await startDatabase(config, (line) => console.log(line));
  try {
    await migrate(db);
    const summary = await loadSeed(db);
    const [row] = await db.scope().read(COUNTS);
    const graph = row ? Object.fromEntries(row.keys.map((k) => [k, row.get(k) as number])) : {};
    console.log(
      `Seeded ${summary.files.join(', ')}: ${summary.claims} claims written or already there. The graph holds ${Object.entries(
        graph,
      )
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}.`,
    );
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(
    `npm run seed: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
