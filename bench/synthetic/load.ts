/**
 * Loads a synthetic graph through the bulk write path: the world (places, actors, sources,
 * relations) first, then the events in batches, one transaction per batch. The next batch is
 * built while the previous one is being written, so the generator's CPU and Neo4j's overlap.
 */
import type { Database } from '../../src/graph/core/database.js';
import { writeBulk, type BulkCounts, type BulkGraph } from '../../src/graph/bulk/load.js';
import { eventBatch } from './events.js';
import { buildWorld } from './world.js';

export interface LoadOptions {
  events: number;
  seed: number;
  /** Events per transaction. */
  batchSize?: number;
  onProgress?: (eventsDone: number) => void;
}

export interface LoadReport extends BulkCounts {
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

// About 2,000 events make ~4,500 claims and ~15,000 edges: big round trips, a transaction state
// that stays far below the heap.
const DEFAULT_BATCH = 2_000;
const SOURCES_PER_TX = 50_000;

function add(total: BulkCounts, more: BulkCounts): void {
  for (const key of Object.keys(total) as (keyof BulkCounts)[]) total[key] += more[key];
}

export async function loadSyntheticGraph(db: Database, options: LoadOptions): Promise<LoadReport> {
  const started = process.hrtime.bigint();
  const scope = db.scope(600_000);
  const world = buildWorld(options.events, options.seed);
  const counts: BulkCounts = { actors: 0, places: 0, sources: 0, events: 0, claims: 0, relationships: 0 };

  add(counts, await writeBulk(scope, { places: world.places, actors: world.actors }));
  for (let i = 0; i < world.sources.length; i += SOURCES_PER_TX) {
    add(counts, await writeBulk(scope, { sources: world.sources.slice(i, i + SOURCES_PER_TX) }));
  }
  add(counts, await writeBulk(scope, world.relations));

  const batch = options.batchSize ?? DEFAULT_BATCH;
  let pending: Promise<void> = Promise.resolve();
  for (let from = 0; from < options.events; from += batch) {
    const to = Math.min(options.events, from + batch);
    const graph: BulkGraph = eventBatch(world, options.seed, from, to);
    await pending;
    pending = writeBulk(scope, graph).then((written) => {
      add(counts, written);
      options.onProgress?.(to);
    });
  }
  await pending;

  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { ...counts, events: options.events, seconds, eventsPerSecond: options.events / seconds };
}
