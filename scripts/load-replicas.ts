/**
 * `npm run load:replicas`: two API replicas on loopback against one Neo4j (NEO4J_URI, or a
 * throwaway local engine), under a mixed load for LOAD_SECONDS (default 20) with LOAD_WORKERS
 * (default 8) clients. Each client writes a source through a random replica, then reads it
 * through the other one with the write's bookmark, and reads a page of sources in between. At
 * the end every acknowledged write is looked up. Prints the figures: acknowledged writes, lost
 * writes, stale reads after a bookmarked write, 5xx answers, and latency.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashKey, newKey } from '../src/auth.js';
import { LOCAL_NICE } from '../src/config.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../neo4j-local/launcher.js';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const WORKERS = Number(process.env.LOAD_WORKERS ?? 8);
const KEY = newKey();

async function startReplica(uri: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NEO4J_URI: uri,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SEED_ON_START: 'false',
      NODE_ENV: 'production',
      API_KEYS: `load:researcher:${hashKey(KEY)}`,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (
      await fetch(`${url}/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, child };
    await new Promise((ok) => setTimeout(ok, 250));
  }
  throw new Error(`replica on ${url} did not become ready`);
}

interface Answer {
  status: number;
  bookmark: string | null;
  body: { data?: Record<string, unknown> | null; errors?: unknown[] };
  ms: number;
}

async function gql(
  url: string,
  query: string,
  variables: object,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Answer['body'];
  return {
    status: response.status,
    bookmark: response.headers.get('neo4j-bookmark'),
    body,
    ms: performance.now() - started,
  };
}

const WRITE = 'mutation W($t: String!) { addSource(input: { kind: ARTICLE, title: $t }) { id } }';
const READ_ONE = 'query R($id: ID!) { node(id: $id) { id } }';
const READ_PAGE = 'query P { sources(first: 20) { totalCount nodes { id title } } }';

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)] ?? 0;

async function main(): Promise<void> {
  let local: LocalNeo4j | undefined;
  let dataDir: string | undefined;
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    dataDir = mkdtempSync(join(tmpdir(), 'conflict-graph-replicas-'));
    local = await startLocalNeo4j({ port: 0, dataDir, heap: '768m', pageCache: '128m', nice: LOCAL_NICE });
    uri = local.uri;
  }
  const replicas = await Promise.all([startReplica(uri), startReplica(uri)]);
  const acknowledged: string[] = [];
  let stale = 0;
  let fiveXx = 0;
  let otherErrors = 0;
  let requests = 0;
  const latency: number[] = [];
  const until = Date.now() + SECONDS * 1000;
  const note = (a: Answer) => {
    requests += 1;
    latency.push(a.ms);
    if (a.status >= 500) fiveXx += 1;
    else if (a.body.errors) otherErrors += 1;
  };
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, w) => {
      for (let i = 0; Date.now() < until; i++) {
        const [first, second] = Math.random() < 0.5 ? replicas : [replicas[1]!, replicas[0]!];
        const written = await gql(first!.url, WRITE, { t: `load ${w}-${i}` });
        note(written);
        const id = (written.body.data?.addSource as { id?: string } | undefined)?.id;
        if (!id || !written.bookmark) continue;
        acknowledged.push(id);
        const read = await gql(second!.url, READ_ONE, { id }, { 'neo4j-bookmark': written.bookmark });
        note(read);
        if ((read.body.data?.node as { id?: string } | null | undefined)?.id !== id) stale += 1;
        note(await gql(second!.url, READ_PAGE, {}));
      }
    }),
  );
  let found = 0;
  for (let i = 0; i < acknowledged.length; i += 20) {
    const checks = acknowledged.slice(i, i + 20).map((id) => gql(replicas[i % 2]!.url, READ_ONE, { id }));
    for (const check of await Promise.all(checks)) if (check.body.data?.node) found += 1;
  }
  console.log(
    JSON.stringify(
      {
        replicas: 2,
        seconds: SECONDS,
        workers: WORKERS,
        requests,
        acknowledgedWrites: acknowledged.length,
        lostWrites: acknowledged.length - found,
        staleReadsAfterBookmarkedWrite: stale,
        fiveXx,
        otherErrors,
        p50ms: Math.round(percentile(latency, 0.5)),
        p99ms: Math.round(percentile(latency, 0.99)),
      },
      null,
      2,
    ),
  );
  for (const r of replicas) r.child.kill('SIGTERM');
  await Promise.all(
    replicas.map((r) => new Promise((ok) => (r.child.exitCode !== null ? ok(null) : r.child.once('exit', ok)))),
  );
  await local?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  const failed = acknowledged.length === found && stale === 0 && fiveXx === 0 ? 0 : 1;
  process.exit(failed);
}

void main();
