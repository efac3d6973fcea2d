/**
 * `npx tsx bench/profile-nested.ts [--uri bolt://…] [--events N] [--seed S] [--actor ID]… [--plan]
 *   [--print] [--answers FILE]`
 *
 * The nested query's database work, counted by PROFILE (db hits and rows, which do not move with
 * the machine's load, where timings on a shared machine do). Our API is started in-process on the
 * given database (or on a throwaway Neo4j loaded with N synthetic events, 10,000 by default), the
 * bench's OURS_NESTED is sent over HTTP for each of the bench's actors (and each `--actor`), and the one statement the
 * resolvers send is recorded with its parameters; that statement and the floor's (`nested`,
 * floor/cypher.ts) are then profiled for the same actor. `--plan` prints both plans of the busiest
 * actor (and of each `--actor`) operator by operator, `--print` our statement and its parameters, `--answers FILE` writes
 * our answers to FILE (to compare before and after a change to the statement).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ProfiledPlan } from 'neo4j-driver';
import { startLocalNeo4j, type LocalNeo4j } from '../neo4j-local/launcher.js';
import { LOCAL_NICE, loadConfig } from '../src/config.js';
import { Database, DbScope, type Params } from '../src/graph/core/database.js';
import { migrate } from '../src/graph/core/migrations.js';
import { createLogger } from '../src/logger.js';
import { createServer } from '../src/server.js';
import { FLOOR_CYPHER } from './floor/cypher.js';
import { pickParameters } from './picks.js';
import { OURS_NESTED } from './queries.js';
import { loadSyntheticGraph } from './synthetic/load.js';

const { values } = parseArgs({
  options: {
    uri: { type: 'string' },
    events: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    plan: { type: 'boolean', default: false },
    print: { type: 'boolean', default: false },
    answers: { type: 'string' },
    actor: { type: 'string', multiple: true, default: [] },
  },
});
const say = (line: string) => console.error(`[profile] ${line}`);

let local: LocalNeo4j | null = null;
let dataDir: string | null = null;
let uri = values.uri;
if (!uri) {
  dataDir = mkdtempSync(join(tmpdir(), 'conflict-graph-profile-'));
  local = await startLocalNeo4j({ port: 0, dataDir, heap: '1g', pageCache: '1g', nice: LOCAL_NICE, say });
  uri = local.uri;
}
const db = new Database({ uri, user: 'neo4j', password: undefined, database: 'neo4j', txTimeoutMs: 600_000 });

/** The statements our API sends, recorded as it sends them. */
const sent: { query: string; params: Params }[] = [];
const read = DbScope.prototype.read;
DbScope.prototype.read = function (this: DbScope, query: string, params: Params = {}) {
  sent.push({ query, params });
  return read.call(this, query, params);
};

interface Work {
  dbHits: number;
  rows: number;
  /** Rows of the plan's last operator: what the statement returns. */
  returned: number;
}

function workOf(plan: ProfiledPlan): Work {
  const below = plan.children.map(workOf);
  return {
    dbHits: plan.dbHits + below.reduce((sum, w) => sum + w.dbHits, 0),
    rows: plan.rows + below.reduce((sum, w) => sum + w.rows, 0),
    returned: plan.rows,
  };
}

function printPlan(plan: ProfiledPlan, depth = 0): void {
  const details = String(plan.arguments['Details'] ?? '').slice(0, 110);
  console.log(
    `${'  '.repeat(depth)}${plan.operatorType}  hits ${plan.dbHits}  rows ${plan.rows}${details ? `  ${details}` : ''}`,
  );
  for (const child of plan.children) printPlan(child, depth + 1);
}

async function profile(query: string, params: Params): Promise<ProfiledPlan> {
  const session = db.driver.session({ database: db.name });
  try {
    // Twice: the first run plans the statement; db hits are the same either way.
    await session.run(`PROFILE ${query}`, params);
    const result = await session.run(`PROFILE ${query}`, params);
    const plan = result.summary.profile;
    if (!plan) throw new Error('PROFILE returned no plan');
    return plan;
  } finally {
    await session.close();
  }
}

try {
  if (local) {
    const events = Number(values.events);
    await migrate(db);
    say(`loading ${events.toLocaleString('en')} synthetic events…`);
    await loadSyntheticGraph(db, { events, seed: Number(values.seed) });
    await db.scope(600_000).write((tx) => tx.run('CALL db.awaitIndexes(600)'));
  }
  const actors = [...(await pickParameters(db)).actors, ...(values.actor ?? [])];
  const degrees = new Map(
    (
      await db
        .scope()
        .read('UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN id, COUNT { (a)-[:PARTICIPATED_IN]->() } AS degree', {
          ids: actors,
        })
    ).map((r) => [r.get('id') as string, Number(r.get('degree'))]),
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_URI: uri,
    NEO4J_USER: 'neo4j',
    PORT: '0',
    LOG_LEVEL: 'warn',
    SEED_ON_START: 'false',
    NODE_ENV: 'production',
  };
  delete env.NEO4J_PASSWORD;
  const config = loadConfig(env);
  const server = await createServer(config, createLogger(config.logLevel));
  const url = await server.start();
  const answers: Record<string, unknown> = {};
  const totals = { ours: { dbHits: 0, rows: 0 }, floor: { dbHits: 0, rows: 0 } };
  console.log('| actor | participations | ours db hits · rows | floor db hits · rows | db hits ours/floor |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  try {
    for (const [i, id] of actors.entries()) {
      sent.length = 0;
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: OURS_NESTED, variables: { id } }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: unknown };
      if (!response.ok || body.errors) throw new Error(`our API failed for ${id}: ${JSON.stringify(body)}`);
      answers[id] = body.data;
      if (sent.length !== 1) throw new Error(`our API sent ${sent.length} statements for ${id}, not one`);
      const ours = sent[0]!;
      if (values.print && i === 0) console.log(`${ours.query}\n${JSON.stringify(ours.params)}\n`);
      const oursPlan = await profile(ours.query, ours.params);
      const floorPlan = await profile(FLOOR_CYPHER.nested!, { id });
      if (values.plan && (i === 0 || values.actor?.includes(id))) {
        console.log(`\nours, ${id}:`);
        printPlan(oursPlan);
        console.log(`\nfloor, ${id}:`);
        printPlan(floorPlan);
        console.log();
      }
      const o = workOf(oursPlan);
      const f = workOf(floorPlan);
      totals.ours.dbHits += o.dbHits;
      totals.ours.rows += o.rows;
      totals.floor.dbHits += f.dbHits;
      totals.floor.rows += f.rows;
      console.log(
        `| ${id} | ${degrees.get(id)} | ${o.dbHits} · ${o.rows} | ${f.dbHits} · ${f.rows} | ${(o.dbHits / f.dbHits).toFixed(2)}× |`,
      );
    }
  } finally {
    await server.stop();
  }
  if (values.answers) writeFileSync(values.answers, `${JSON.stringify(answers, null, 1)}\n`);
  console.log(
    `| all ${actors.length} | | ${totals.ours.dbHits} · ${totals.ours.rows} | ${totals.floor.dbHits} · ${totals.floor.rows} | ${(totals.ours.dbHits / totals.floor.dbHits).toFixed(2)}× |`,
  );
} finally {
  DbScope.prototype.read = read;
  await db.close().catch(() => {});
  if (local) await local.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
