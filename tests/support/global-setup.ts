/**
 * Boots one throwaway local Neo4j (free port, temporary data folder) for the whole run, unless
 * NEO4J_URI points at a server already, and removes it afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j, type LocalNeo4j } from '../../neo4j-local/launcher.js';
import { loadConfig } from '../../src/config.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
    /** The local engine's process id, to read its CPU time from /proc; 0 for a server at NEO4J_URI. */
    neo4jPid: number;
  }
}

let local: LocalNeo4j | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (process.env.NEO4J_URI) {
    project.provide('neo4jUri', process.env.NEO4J_URI);
    project.provide('neo4jPid', 0);
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'conflict-graph-test-'));
    local = await startLocalNeo4j({
      port: 0,
      dataDir,
      heap: '768m',
      pageCache: '128m',
      // NEO4J_LOCAL_NICE, as for npm start (0 keeps the engine at this process's priority).
      nice: loadConfig(process.env).localNeo4j.nice,
      txMemory: '256m',
      say: (line) => console.log(`[test neo4j] ${line}`),
    });
    project.provide('neo4jUri', local.uri);
    project.provide('neo4jPid', local.pid);
  }
  project.provide('neo4jUser', process.env.NEO4J_USER ?? 'neo4j');
  project.provide('neo4jPassword', process.env.NEO4J_PASSWORD ?? '');
}

export async function teardown(): Promise<void> {
  await local?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
