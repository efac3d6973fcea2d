/**
 * `npm run bench -- --import [--rows N] [--graph-events N] [--seed S] [--paths first,empty,graph]`
 *
 * The dataset import's rate: generates an ACLED-format file of N rows (100,000 by default; a
 * deterministic mix of countries, admin levels, actors, outlets, dates and codes), then on its
 * own Neo4j (free port, temporary folder) imports it (1) into an empty database as a first load
 * (the offline importer, src/interchange/first-load.ts: files, importer, restart and indexes all
 * counted), (2) into an empty database through the live path and (3) through the live path into
 * a database holding the generated 100k-event graph, beside the bulk path's own rate for that
 * graph. Prints rows/s, the import's peak memory (RSS of this process) and the load average, and
 * writes them to bench/results/import-<time>.json. Never run by the tests.
 *
 * Beside each rate, Neo4j's own share of the time, the floor no planning in this process can go
 * under on this machine: for a first load the offline importer, the restart and the index builds;
 * for the live path the statements and commits of its transactions (all but the planning). Its
 * rate, rows over that share, is the most any import of this graph through that path could reach
 * here. `--paths` runs some of the three (first: the first load; empty, graph: the live path into
 * an empty database and into the generated graph).
 */
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify';
import { startLocalNeo4j } from '../neo4j-local/launcher.js';
import { LOCAL_NICE } from '../src/config.js';
import { Database } from '../src/graph/core/database.js';
import { migrate } from '../src/graph/core/migrations.js';
import { ACLED_COLUMNS } from '../src/interchange/acled.js';
import { importDataset, type ImportSummary } from '../src/interchange/import-dataset.js';
import { emptyDatabase, firstLoad, type FirstLoadPhases } from '../src/interchange/first-load.js';
import { progressBar } from './progress.js';
import { loadSyntheticGraph } from './synthetic/load.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const say = (line: string) => console.error(`[bench import] ${line}`);

/** A small deterministic generator (mulberry32), so every run reads the same file. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUB_EVENTS: [string, string, string][] = [
  ['Battles', 'Armed clash', 'Political violence'],
  ['Battles', 'Non-state actor overtakes territory', 'Political violence'],
  ['Explosions/Remote violence', 'Air/drone strike', 'Political violence'],
  ['Explosions/Remote violence', 'Remote explosive/landmine/IED', 'Political violence'],
  ['Violence against civilians', 'Attack', 'Political violence'],
  ['Violence against civilians', 'Abduction/forced disappearance', 'Political violence'],
  ['Protests', 'Peaceful protest', 'Demonstrations'],
  ['Riots', 'Mob violence', 'Demonstrations'],
  ['Strategic developments', 'Arrests', 'Strategic developments'],
];

/** Writes an ACLED-format file of `rows` rows, streamed (the file is never held whole). */
export async function generateAcled(file: string, rows: number, seed: number): Promise<void> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const countries = Array.from({ length: 12 }, (_, i) => ({ name: `Country ${i + 1}`, iso: String(100 + i) }));
  const actors = Array.from({ length: 400 }, (_, i) => `Armed Group ${i + 1}`);
  const forces = countries.map((c) => `Military Forces of ${c.name} (2020-)`);
  const outlets = Array.from({ length: 60 }, (_, i) => `Outlet ${i + 1}`);
  const out = createWriteStream(file);
  const csv = stringify({ header: true, columns: [...ACLED_COLUMNS] });
  csv.pipe(out);
  const start = Date.UTC(2020, 0, 1);
  for (let i = 0; i < rows; i++) {
    const c = pick(countries);
    const [eventType, subEventType, disorder] = pick(SUB_EVENTS);
    const a1 = next() < 0.4 ? pick(forces) : pick(actors);
    const a2 = next() < 0.3 ? `Civilians (${c.name})` : pick(actors);
    const inter1 = a1.startsWith('Military') ? 1 : 2;
    const inter2 = a2.startsWith('Civilians') ? 7 : 2;
    const day = new Date(start + Math.floor(next() * 1_500) * 86_400_000).toISOString().slice(0, 10);
    const admin1 = `Region ${Math.floor(next() * 10) + 1}`;
    const admin2 = `${admin1} District ${Math.floor(next() * 8) + 1}`;
    const location = `${admin2} Town ${Math.floor(next() * 25) + 1}`;
    const record = {
      event_id_cnty: `GEN${i + 1}`,
      event_date: day,
      year: day.slice(0, 4),
      time_precision: String(next() < 0.85 ? 1 : next() < 0.7 ? 2 : 3),
      disorder_type: disorder,
      event_type: eventType,
      sub_event_type: subEventType,
      actor1: a1,
      assoc_actor_1: next() < 0.1 ? pick(actors) : '',
      inter1: String(inter1),
      actor2: a2,
      assoc_actor_2: '',
      inter2: String(inter2),
      interaction: String(Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2)),
      civilian_targeting: inter2 === 7 ? 'Civilian targeting' : '',
      iso: c.iso,
      region: 'Western Africa',
      country: c.name,
      admin1,
      admin2,
      admin3: '',
      location,
      latitude: (5 + next() * 15).toFixed(4),
      longitude: (-15 + next() * 30).toFixed(4),
      geo_precision: String(1 + Math.floor(next() * 3)),
      source: next() < 0.5 ? pick(outlets) : `${pick(outlets)}; ${pick(outlets)}`,
      source_scale: 'National',
      notes: `Generated event ${i + 1}: ${a1} and ${a2} near ${location} on ${day}.`,
      fatalities: String(next() < 0.5 ? 0 : Math.floor(next() * 20)),
      tags: '',
      timestamp: String(1_700_000_000 + i),
    };
    if (!csv.write(record)) await new Promise((resolve) => csv.once('drain', resolve));
  }
  csv.end();
  await finished(out);
}

interface Run {
  into: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  summary: Pick<ImportSummary, 'eventsCreated' | 'eventsUnchanged' | 'rowsRefused' | 'actorsCreated' | 'placesCreated'>;
  /** A first load's phases, in seconds. */
  phases?: FirstLoadPhases;
  /** The live path's transactions, split: planning in this process, the rest in Neo4j (seconds). */
  transactions?: { total: number; plan: number; lookUp: number };
  /** Seconds of Neo4j's own work (importer, restart and indexes; or statements and commits). */
  neo4jSeconds: number;
  loadAverage: number[];
}

/** Runs an import while sampling this process's RSS; returns the run. */
async function measured(
  into: string,
  rows: number,
  run: (
    onProgress: (p: { rows: number }) => void,
    onStatement: (what: string, rows: number, ms: number) => void,
  ) => Promise<ImportSummary & { phases?: FirstLoadPhases }>,
): Promise<Run> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const bar = progressBar('rows', rows);
  const ms = new Map<string, number>();
  const onStatement = (what: string, _rows: number, took: number) => ms.set(what, (ms.get(what) ?? 0) + took);
  const seconds = (what: string) => (ms.get(what) ?? 0) / 1000;
  const summary = await run(({ rows: done }) => bar.update(done), onStatement).finally(() => {
    bar.done();
    clearInterval(sampler);
  });
  const result: Run = {
    into,
    rows: summary.rowsRead,
    seconds: summary.seconds,
    rowsPerSecond: summary.rowsRead / summary.seconds,
    peakRssMb: Math.round(peak / 2 ** 20),
    summary: {
      eventsCreated: summary.eventsCreated,
      eventsUnchanged: summary.eventsUnchanged,
      rowsRefused: summary.rowsRefused,
      actorsCreated: summary.actorsCreated,
      placesCreated: summary.placesCreated,
    },
    ...(summary.phases
      ? { phases: summary.phases }
      : { transactions: { total: seconds('transaction'), plan: seconds('plan'), lookUp: seconds('look-up') } }),
    neo4jSeconds: summary.phases
      ? summary.phases.importer + summary.phases.start + summary.phases.indexes
      : seconds('transaction') - seconds('plan'),
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
  const f = (n: number) => n.toFixed(1);
  const split = result.phases
    ? `files ${f(result.phases.files)} s, stop ${f(result.phases.stop)} s, importer ${f(result.phases.importer)} s, start ${f(result.phases.start)} s, indexes ${f(result.phases.indexes)} s`
    : `transactions ${f(result.transactions!.total)} s, of which planning ${f(result.transactions!.plan)} s and the look-up ${f(result.transactions!.lookUp)} s`;
  say(
    `${into}: ${result.rows.toLocaleString('en')} rows in ${f(result.seconds)} s = ${Math.round(result.rowsPerSecond).toLocaleString('en')} rows/s (${split}; Neo4j's own ${f(result.neo4jSeconds)} s), peak RSS ${result.peakRssMb} MB, load average ${result.loadAverage.join(' ')}`,
  );
  return result;
}

const connect = (uri: string) =>
  new Database({ uri, user: 'neo4j', password: undefined, database: 'neo4j', txTimeoutMs: 600_000 });

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      import: { type: 'boolean' },
      rows: { type: 'string', default: '100000' },
      'graph-events': { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      paths: { type: 'string', default: 'first,empty,graph' },
    },
  });
  const rows = Number(values.rows);
  const graphEvents = Number(values['graph-events']);
  // Each path the bench can take, and what it imports into, in the order they run.
  const intos = {
    first: 'an empty database (first load)',
    empty: 'an empty database (live)',
    graph: `the ${graphEvents.toLocaleString('en')}-event graph (live)`,
  };
  const paths = new Set(values.paths.split(',').map((p) => p.trim()));
  for (const p of paths)
    if (!(p in intos)) throw new Error(`--paths: unknown path ${p} (${Object.keys(intos).join(', ')})`);
  const seed = Number(values.seed);
  const work = mkdtempSync(join(tmpdir(), 'conflict-graph-bench-import-'));
  const file = join(work, 'acled.csv');
  say(`generating ${rows.toLocaleString('en')} ACLED rows…`);
  await generateAcled(file, rows, seed);
  say(`${file}: ${(statSync(file).size / 2 ** 20).toFixed(1)} MB`);
  const runs: Run[] = [];
  let bulk: { events: number; eventsPerSecond: number } | null = null;
  for (const [path, into] of Object.entries(intos)) {
    if (!paths.has(path)) continue;
    const engine = {
      port: 0,
      dataDir: join(work, `neo4j-${path}`),
      heap: '2g',
      pageCache: '2g',
      nice: LOCAL_NICE,
      say,
    };
    let neo4j = await startLocalNeo4j(engine);
    let db = connect(neo4j.uri);
    try {
      await migrate(db);
      if (path === 'first') {
        const markers = await emptyDatabase(db);
        if (!markers) throw new Error('the new database is not empty');
        runs.push(
          await measured(into, rows, async (onProgress) => {
            const loaded = await firstLoad(createReadStream(file), markers, neo4j, db, {
              format: 'acled',
              writer: { identity: 'bench' },
              engine,
              connect,
              onProgress,
              say,
            });
            ({ local: neo4j, db } = loaded);
            return loaded.summary;
          }),
        );
        continue;
      }
      if (path === 'graph') {
        say(`loading the generated ${graphEvents.toLocaleString('en')}-event graph through the bulk path…`);
        const load = await loadSyntheticGraph(db, { events: graphEvents, seed });
        bulk = { events: graphEvents, eventsPerSecond: Math.round(load.eventsPerSecond) };
        say(`bulk path: ${bulk.eventsPerSecond.toLocaleString('en')} events/s`);
        await db.scope(600_000).write((tx) => tx.run('CALL db.awaitIndexes(600)'));
      }
      runs.push(
        await measured(into, rows, (onProgress, onStatement) =>
          importDataset(db, createReadStream(file), {
            format: 'acled',
            writer: { identity: 'bench' },
            onProgress,
            onStatement,
          }),
        ),
      );
    } finally {
      await db.close();
      await neo4j.stop();
    }
  }
  const result = { at: new Date().toISOString(), cpus: cpus().length, rows, seed, runs, bulk };
  const dir = join(HERE, 'results');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `import-${result.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(out, JSON.stringify(result, null, 2));
  console.log(
    "\n| import of an ACLED file | rows | rows/s | Neo4j's own share | at Neo4j's share alone, rows/s | peak RSS | load average (1, 5, 15 min) |",
  );
  console.log('|---|---:|---:|---:|---:|---:|---|');
  for (const r of runs)
    console.log(
      `| into ${r.into} | ${r.rows.toLocaleString('en')} | ${Math.round(r.rowsPerSecond).toLocaleString('en')} | ${r.neo4jSeconds.toFixed(1)} of ${r.seconds.toFixed(1)} s | ${Math.round(r.rows / r.neo4jSeconds).toLocaleString('en')} | ${r.peakRssMb} MB | ${r.loadAverage.join(', ')} |`,
    );
  if (bulk)
    console.log(
      `| bulk path (synthetic graph) | ${bulk.events.toLocaleString('en')} events | ${bulk.eventsPerSecond.toLocaleString('en')} events/s | | |`,
    );
  console.log(`\n${out}`);
  rmSync(work, { recursive: true, force: true });
}
