/**
 * `npm run bench [-- --events N] [--quick] [--seed S] [--connections C] [--seconds T] [--only q1,q2]
 *   [--alt KEY=VALUE,...] [--warm]`
 *
 * `--alt` runs our API a second time with those settings (e.g. EXECUTOR=jit) as the target
 * `alt`, measured in turn with the others on every query: an A/B within one run. `--warm` then
 * measures our API with its caches on (bench/warm.ts), in a table of its own: every cold figure
 * is measured with the caches off.
 *
 * On a fresh clone, with nothing else running: starts its own Neo4j (free port, temporary folder,
 * a larger heap and page cache), generates N events (100,000 by default; --quick: 10,000) through
 * the bulk path, starts three servers as child processes — our API (src/server.ts), the floor
 * (hand-written Cypher over plain HTTP) and the peer (@neo4j/graphql) — and runs the fixed query
 * mix against each at fixed concurrency. Prints p50/p99 latency and throughput side by side with
 * the ratios, the API's peak memory and the load rate; writes the raw figures to bench/results/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startLocalNeo4j } from '../neo4j-local/launcher.js';
import { LOCAL_NICE } from '../src/config.js';
import { Database } from '../src/graph/core/database.js';
import { migrate } from '../src/graph/core/migrations.js';
import { hashKey, newKey } from '../src/auth.js';
import { checkAnalystQueries, formatAnalystChecks } from './analyst-check.js';
import { processCpuMs, startChild, type Child } from './children.js';
import { measure, type Measurement } from './measure.js';
import { pickParameters } from './picks.js';
import { progressBar } from './progress.js';
import { benchQueries, type Target } from './queries.js';
import { loadSyntheticGraph } from './synthetic/load.js';
import { formatAltTable, formatCpuTable, formatTable, formatWarmTable } from './table.js';
import { measureWarm, type WarmMode } from './warm.js';

const HERE = dirname(fileURLToPath(import.meta.url));
// `npm run bench -- --import`: the dataset import's rates (bench/import.ts), on its own.
if (process.argv.includes('--import')) {
  await (await import('./import.js')).main(process.argv.slice(2));
  process.exit(0);
}
const { values } = parseArgs({
  options: {
    events: { type: 'string' },
    quick: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    connections: { type: 'string', default: '8' },
    seconds: { type: 'string' },
    only: { type: 'string' },
    alt: { type: 'string' },
    warm: { type: 'boolean', default: false },
  },
});
const quick = values.quick ?? false;
const events = Number(values.events ?? (quick ? 10_000 : 100_000));
const seed = Number(values.seed);
const connections = Number(values.connections);
const seconds = Number(values.seconds ?? (quick ? 5 : 15));
const warmupSeconds = quick ? 1 : 3;
const big = events > 300_000;
const say = (line: string) => console.error(`[bench] ${line}`);

/** Waits until process `pid` uses under 5 % of a core over 2 s, for at most 120 s. */
async function waitUntilIdle(pid: number): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < 120_000;) {
    const before = processCpuMs(pid);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    if (processCpuMs(pid) - before < 100) return true;
  }
  return false;
}

const dataDir = mkdtempSync(join(tmpdir(), 'conflict-graph-bench-'));
const neo4j = await startLocalNeo4j({
  port: 0,
  dataDir,
  heap: big ? '4g' : '2g',
  pageCache: big ? '6g' : '2g',
  nice: LOCAL_NICE,
  say,
});
const children: Child[] = [];
const db = new Database({
  uri: neo4j.uri,
  user: 'neo4j',
  password: undefined,
  database: 'neo4j',
  txTimeoutMs: 600_000,
});
const stopAll = async () => {
  for (const child of children) await child.stop().catch(() => {});
  await db.close().catch(() => {});
  await neo4j.stop();
  rmSync(dataDir, { recursive: true, force: true });
};
process.on('SIGINT', () => void stopAll().finally(() => process.exit(130)));

try {
  const loadAverageBefore = loadavg();
  await migrate(db);
  say(`generating ${events.toLocaleString('en')} events (seed ${seed}) through the bulk path…`);
  const bar = progressBar('events', events);
  const load = await loadSyntheticGraph(db, { events, seed, onProgress: (done) => bar.update(done) });
  bar.done();
  say(`loaded in ${load.seconds.toFixed(1)} s: ${Math.round(load.eventsPerSecond).toLocaleString('en')} events/s`);
  await db.scope(600_000).write((tx) => tx.run('CALL db.awaitIndexes(600)'));
  // The load leaves work behind (flushing pages, index updates, garbage): let Neo4j finish it now,
  // not during the first target's measurement. Community has no checkpoint procedure to call.
  say('waiting for Neo4j to settle after the load…');
  const settled = await waitUntilIdle(neo4j.pid);
  say(settled ? 'Neo4j is idle' : 'Neo4j is still busy after 120 s; measuring anyway');

  const picks = await pickParameters(db);
  const queries = benchQueries(picks).filter((q) => !values.only || values.only.split(',').includes(q.name));
  // The analysts' check asks the read-only Cypher entry too, which takes an analyst's key.
  const analystKey = newKey();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    API_KEYS: `bench:analyst:${hashKey(analystKey)}`,
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: 'neo4j',
    PORT: '0',
    LOG_LEVEL: 'warn',
    SEED_ON_START: 'false',
    // Every server runs as deployed (graphql-js, Apollo and Express do less in production); ours
    // still reports extensions.roundTrips, which the table shows.
    NODE_ENV: 'production',
    ROUND_TRIPS: 'true',
    INTROSPECTION: 'false',
    LANDING_PAGE: 'false',
    // Cold figures: no cached answer (--warm measures the caches apart).
    CACHE_MAX_AGE: '0',
  };
  delete env.NEO4J_PASSWORD;
  say('starting our API, the floor and the peer…');
  const logs = join(HERE, 'results', 'logs');
  mkdirSync(logs, { recursive: true });
  const alt = values.alt
    ? Object.fromEntries(
        values.alt.split(',').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
      )
    : null;
  const servers: Partial<Record<Target, Child>> & Record<'ours' | 'floor' | 'peer', Child> = {
    ours: await startChild('servers/api.ts', env, join(logs, 'ours.log')),
    floor: await startChild('servers/floor.ts', env, join(logs, 'floor.log')),
    peer: await startChild('servers/peer.ts', env, join(logs, 'peer.log')),
  };
  if (alt) {
    say(`alt: our API with ${values.alt}`);
    servers.alt = await startChild('servers/api.ts', { ...env, ...alt }, join(logs, 'alt.log'));
  }
  children.push(...Object.values(servers));

  say("the analysts' queries on the generated graph…");
  const analystChecks = await checkAnalystQueries(servers.ours.url, analystKey, picks.analyst);
  if (analystChecks.some((c) => c.failure)) process.exitCode = 1;

  const targets: Target[] = alt ? ['ours', 'floor', 'peer', 'alt'] : ['ours', 'floor', 'peer'];
  const server = (target: Target) => servers[target]!;
  const bodiesOf = (query: (typeof queries)[number], target: Target) =>
    query.bodies[target === 'alt' ? 'ours' : target] ?? [];
  const endpoint = (query: string, target: Target) =>
    target === 'floor' ? `${servers.floor.url}/${query}` : server(target).url;
  const measureOne = (query: (typeof queries)[number], target: Target, runSeconds: number, warmup: number) =>
    measure(endpoint(query.name, target), bodiesOf(query, target), {
      connections,
      seconds: runSeconds,
      warmupSeconds: warmup,
      serverCpuMs: () => server(target).cpuMs(),
      databaseCpuMs: () => processCpuMs(neo4j.pid),
    });
  // Every target warms up on every query before anything is measured: Neo4j's JIT and plan cache
  // then favour no target for being measured later, the first one included.
  say(`warming up every target on every query (${warmupSeconds} s each)…`);
  for (const query of queries) {
    for (const target of targets) {
      if (bodiesOf(query, target).length) await measureOne(query, target, warmupSeconds, 0);
    }
  }

  const results: { query: string; description: string; target: Target; measurement: Measurement }[] = [];
  for (const [index, query] of queries.entries()) {
    // Which target goes first turns with each query, so drift in the machine's load is shared.
    const order = targets.map((_, i) => targets[(i + index) % targets.length]!);
    for (const target of order) {
      if (!bodiesOf(query, target).length) continue;
      say(`${query.name} · ${target}: ${connections} connections, ${seconds} s…`);
      const measurement = await measureOne(query, target, seconds, warmupSeconds);
      if (measurement.failure) say(`  ${target} failed ${query.name}: ${measurement.failure}`);
      results.push({ query: query.name, description: query.description, target, measurement });
    }
  }
  const apiPeakRssMb = servers.ours.peakRssMb();

  // Warm: a separate API process with its caches on, round trips off (a cached answer reports
  // none, which would change its body and so its ETag).
  const warmResults: {
    query: string;
    description: string;
    target: Target;
    mode: WarmMode;
    measurement: Measurement;
  }[] = [];
  if (values.warm) {
    const cached = await startChild(
      'servers/api.ts',
      { ...env, CACHE_MAX_AGE: '300', ROUND_TRIPS: 'false' },
      join(logs, 'cached.log'),
    );
    children.push(cached);
    for (const query of queries) {
      for (const mode of ['post-cached', 'get-304'] as const) {
        say(`${query.name} · warm (${mode}): ${connections} connections, ${seconds} s…`);
        const measurement = await measureWarm(cached.url, query.bodies.ours ?? [], mode, {
          connections,
          seconds,
          warmupSeconds,
          serverCpuMs: () => cached.cpuMs(),
          databaseCpuMs: () => processCpuMs(neo4j.pid),
        });
        if (measurement.failure) say(`  warm ${mode} failed ${query.name}: ${measurement.failure}`);
        warmResults.push({ query: query.name, description: query.description, target: 'ours', mode, measurement });
      }
    }
  }
  const altPeakRssMb = servers.alt?.peakRssMb();

  const table = formatTable(results);
  console.log(
    `\nconflict-graph bench · ${events.toLocaleString('en')} events · ${connections} connections · ${seconds} s per query and target\n`,
  );
  console.log(table);
  if (values.warm) {
    console.log(
      `\nWarm, apart from the cold figures above (our API with CACHE_MAX_AGE=300):\n\n${formatWarmTable(results, warmResults)}`,
    );
  }
  if (alt) console.log(`\nours against alt (our API with ${values.alt}):\n\n${formatAltTable(results)}`);
  console.log(`\nCPU per request, server process and Neo4j (steadier than latency on a busy machine):\n`);
  console.log(formatCpuTable(results));
  console.log(
    `\nThe analysts' queries, one request each, on the busiest nodes:\n${formatAnalystChecks(analystChecks)}`,
  );
  console.log(
    `\nbulk load: ${Math.round(load.eventsPerSecond).toLocaleString('en')} events/s (${load.seconds.toFixed(1)} s for ${events.toLocaleString('en')} events, ${load.claims.toLocaleString('en')} claims, ${load.relationships.toLocaleString('en')} relationships)` +
      `\nAPI peak RSS: ${apiPeakRssMb.toFixed(0)} MB${altPeakRssMb ? ` (alt: ${altPeakRssMb.toFixed(0)} MB)` : ''} · load average before/after: ${loadAverageBefore[0]!.toFixed(1)} / ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
  );

  const resultsDir = join(HERE, 'results');
  const file = join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        events,
        seed,
        connections,
        seconds,
        machine: {
          cores: cpus().length,
          memoryGb: totalmem() / 2 ** 30,
          loadAverageBefore,
          loadAverageAfter: loadavg(),
        },
        load,
        apiPeakRssMb,
        alt: values.alt ?? null,
        altPeakRssMb: altPeakRssMb ?? null,
        analystChecks,
        picks,
        results,
        warmResults,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`raw figures: ${file} (server logs in ${logs})`);
} finally {
  await stopAll();
}
