/**
 * `npm run generate -- --events N [--seed S] [--batch B]`: writes a deterministic, ACLED-like
 * synthetic graph (bench/synthetic/) through the bulk write path into the configured Neo4j
 * (NEO4J_URI, or the local engine in NEO4J_LOCAL_DATA when unset; stop `npm start` first, the
 * local engine's folder holds one process at a time). Progress on stderr, events/s at the end.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { migrate } from '../src/graph/core/migrations.js';
import { startDatabase } from './start-database.js';
import { loadSyntheticGraph } from '../bench/synthetic/load.js';
import { progressBar } from '../bench/progress.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    batch: { type: 'string' },
  },
});
const events = Number(values.events);
const seed = Number(values.seed);
if (!Number.isInteger(events) || events < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run generate -- --events N [--seed S] [--batch B]   (N ≥ 1, S an integer)');
  process.exit(2);
}

const config = loadConfig();
// Generous: one bulk transaction writes a whole chunk of the synthetic graph.
const { db, close } = await startDatabase(config, (line) => console.error(line), 600_000);
try {
  await migrate(db);
  const bar = progressBar('events', events);
  const report = await loadSyntheticGraph(db, {
    events,
    seed,
    ...(values.batch ? { batchSize: Number(values.batch) } : {}),
    onProgress: (done) => bar.update(done),
  });
  bar.done();
  console.log(
    `Generated ${report.events.toLocaleString('en')} events (seed ${seed}): ${report.claims.toLocaleString('en')} claims, ` +
      `${report.sources.toLocaleString('en')} sources, ${report.actors.toLocaleString('en')} actors, ` +
      `${report.places.toLocaleString('en')} places, ${report.relationships.toLocaleString('en')} relationships ` +
      `in ${report.seconds.toFixed(1)} s: ${Math.round(report.eventsPerSecond).toLocaleString('en')} events/s.`,
  );
} finally {
  await close();
}
