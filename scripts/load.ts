/**
 * `npm run load [-- --seconds 60] [--concurrency 8] [--seed 1] [--neo4j-uri bolt://…]`
 *
 * A bounded mixed read/write load on loopback against the real API, as production runs it. On a
 * fresh clone, with nothing else running: starts a throwaway Neo4j (free port, temporary folder,
 * removed at the end), starts the API as a child process (src/main.ts, NODE_ENV=production,
 * default limits; it seeds the empty database with the article through the write path) with a
 * researcher key made for the run, and drives the mix of scripts/load/mix.ts from `concurrency`
 * workers for `seconds`. Then it looks for every acknowledged write in Neo4j through the driver,
 * and prints requests, rate, 5xx, GraphQL errors by code, lost acknowledged writes and the API's
 * resident memory over time. Exits 1 on any 5xx, unanswered request, INTERNAL_SERVER_ERROR or
 * lost write.
 *
 * With --neo4j-uri the run uses that server instead (NEO4J_USER, NEO4J_PASSWORD and
 * NEO4J_DATABASE from the environment): it deletes nothing, seeds it only if it is empty, and
 * leaves its load-run sources and claims (ids `…:load-<run>-<n>`) in it.
 *
 * Workers are plain fetch loops rather than autocannon: every answer is parsed (errors by code,
 * the claim id that acknowledges a write) and the writes chain (addSource, then addClaim reported
 * in that source); bench/ uses autocannon where latency is the point.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalNeo4j, type LocalNeo4j } from '../neo4j-local/launcher.js';
import { hashKey, newKey } from '../src/auth.js';
import { loadConfig } from '../src/config.js';
import { Database } from '../src/graph/core/database.js';
import { startApi, type ApiProcess } from './load/api-process.js';
import { createMix, takePicks, type Ledger } from './load/mix.js';
import { Tally } from './load/tally.js';
import { verifyLedger } from './load/verify.js';

const RSS_EVERY_MS = 5_000;

function usage(message: string): never {
  console.error(
    `npm run load: ${message}\nUsage: npm run load -- [--seconds 60] [--concurrency 8] [--seed 1] [--neo4j-uri bolt://host:7687]`,
  );
  process.exit(2);
}

let values: { seconds?: string; concurrency?: string; seed?: string; 'neo4j-uri'?: string };
try {
  ({ values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '60' },
      concurrency: { type: 'string', default: '8' },
      seed: { type: 'string', default: '1' },
      'neo4j-uri': { type: 'string' },
    },
    strict: true,
  }));
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const seed = Number(values.seed);
if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) usage('--seconds must be between 1 and 3600.');
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256)
  usage('--concurrency must be a whole number between 1 and 256.');
if (!Number.isInteger(seed)) usage('--seed must be a whole number.');

const say = (line: string) => console.error(`[load] ${line}`);
const userUri = values['neo4j-uri'];

const run = Date.now().toString(36);
const key = newKey();
const workDir = mkdtempSync(join(tmpdir(), 'conflict-graph-load-'));
let local: LocalNeo4j | undefined;
let api: ApiProcess | undefined;
let db: Database | undefined;
let keepWorkDir = false;

async function stopAll(): Promise<void> {
  await api?.stop().catch(() => {});
  await db?.close().catch(() => {});
  await local?.stop().catch(() => {});
  // A failed run keeps the API's log; the throwaway database goes in any case.
  rmSync(keepWorkDir ? join(workDir, 'neo4j') : workDir, { recursive: true, force: true });
}
process.on('SIGINT', () => void stopAll().finally(() => process.exit(130)));

const mb = (value: number | null | undefined) => (value == null ? 'n/a' : `${value.toFixed(0)} MB`);

async function main(): Promise<number> {
  const config = loadConfig();
  if (!userUri && config.neo4j.uri) {
    say('NEO4J_URI is set but not used: this run starts its own Neo4j (pass --neo4j-uri to load that server).');
  }
  let uri = userUri;
  if (!uri) {
    local = await startLocalNeo4j({
      port: 0,
      dataDir: join(workDir, 'neo4j'),
      heap: '768m',
      pageCache: '256m',
      nice: config.localNeo4j.nice,
      say,
    });
    uri = local.uri;
  }
  const credentials = {
    NEO4J_USER: config.neo4j.user,
    NEO4J_DATABASE: config.neo4j.database,
    ...(config.neo4j.password ? { NEO4J_PASSWORD: config.neo4j.password } : {}),
  };
  const apiLog = join(workDir, 'api.log');
  say(`starting the API (src/main.ts, production settings) against ${uri}; an empty database is seeded first…`);
  api = await startApi(
    {
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      NEO4J_URI: uri,
      ...credentials,
      SEED_ON_START: 'true',
      API_KEYS: `load-run:researcher:${hashKey(key)}`,
    },
    apiLog,
  );
  db = new Database({
    uri,
    user: config.neo4j.user,
    password: config.neo4j.password,
    database: config.neo4j.database,
    txTimeoutMs: 120_000,
  });
  const graphql = `${api.url}/graphql`;
  const tally = new Tally();
  const picks = await takePicks(graphql, tally);
  const ledger: Ledger = { claims: [], evidence: [] };
  const mix = createMix({ url: graphql, key, run, picks, tally, ledger, seed });
  // Every operation once, untimed: each must answer without an error before the run counts.
  await mix.warmUp();
  if (tally.errorsByCode.size > 0 || tally.unanswered > 0 || tally.serverErrors > 0) {
    for (const [code, message] of tally.sampleMessages) say(`warm-up: ${code}: ${message}`);
    throw new Error(`an operation of the mix failed before the run; the API's log: ${apiLog}`);
  }
  tally.reset();
  const warmUpWrites = ledger.claims.length + ledger.evidence.length;

  const rss: number[] = [];
  const sample = () => {
    const now = api?.rssMb();
    if (now != null) rss.push(now);
    return now;
  };
  sample();
  say(
    `${concurrency} workers for ${seconds} s on ${picks.actors.length} actors, ${picks.places.length} places, ${picks.events.length} events (API pid ${api.pid})…`,
  );
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const sampler = setInterval(() => {
    const now = sample();
    say(
      `${((performance.now() - started) / 1000).toFixed(0)} s: ${tally.requests} requests, ${ledger.claims.length} claims acknowledged, API RSS ${mb(now)}`,
    );
  }, RSS_EVERY_MS);
  const worker = async () => {
    while (performance.now() < deadline && api?.running()) await mix.step();
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  sample();
  const apiAlive = api.running();

  say(`looking for ${ledger.claims.length} claims and ${ledger.evidence.length} corroborations/disputes in Neo4j…`);
  const verification = await verifyLedger(db, ledger);

  const internal = tally.errorsByCode.get('INTERNAL_SERVER_ERROR') ?? 0;
  const lines = [
    `Load run ${run}: ${concurrency} concurrent workers for ${elapsed.toFixed(1)} s (asked ${seconds} s), loopback, API in its own process (NODE_ENV=production, default limits)`,
    `  requests            ${tally.requests} (${(tally.requests / elapsed).toFixed(1)}/s), latency p50 ${tally.latency(0.5).toFixed(0)} ms, p99 ${tally.latency(0.99).toFixed(0)} ms`,
    `  by operation        ${[...tally.byOperation].map(([name, n]) => `${name} ${n}`).join(', ')}`,
    `  HTTP statuses       ${[...tally.byStatus].map(([status, n]) => `${status}: ${n}`).join(', ')}`,
    `  5xx responses       ${tally.serverErrors}`,
    `  unanswered          ${tally.unanswered}`,
    `  GraphQL errors      ${tally.errorsByCode.size === 0 ? 'none' : [...tally.errorsByCode].map(([code, n]) => `${code}: ${n}`).join(', ')}`,
    `  acknowledged writes ${ledger.claims.length} claims (each with its new source), ${ledger.evidence.length} corroborations/disputes (${warmUpWrites} of them from the warm-up), all looked for in Neo4j`,
    `  lost acknowledged   ${verification.lost.length}${verification.lost.length ? ` (${verification.lost.slice(0, 10).join(', ')})` : ''}`,
    `  API RSS             start ${mb(rss[0])}, max ${mb(rss.length ? Math.max(...rss) : null)}, end ${mb(rss.at(-1))} (${rss.length} samples, every ${RSS_EVERY_MS / 1000} s)`,
    `  API process         ${apiAlive ? 'up at the end' : 'GONE before the end'}`,
  ];
  console.log(lines.join('\n'));
  for (const [code, message] of tally.sampleMessages) say(`e.g. ${code}: ${message}`);

  const failed =
    tally.serverErrors > 0 || tally.unanswered > 0 || internal > 0 || verification.lost.length > 0 || !apiAlive;
  if (failed) {
    keepWorkDir = true;
    say(`FAILED: 5xx, unanswered requests, internal errors or lost writes above. The API's log is kept: ${apiLog}`);
  }
  return failed ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  keepWorkDir = true;
  console.error(`npm run load: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await stopAll();
}
process.exit(code);
