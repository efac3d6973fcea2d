import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { startLocalNeo4j } from '../../neo4j-local/launcher.js';
import { LOCAL_NICE } from '../../src/config.js';

/** A process's niceness, from /proc (Linux): the 19th field of its stat line. */
const niceness = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function count(uri: string): Promise<number> {
  const driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true });
  try {
    const { records } = await driver.executeQuery('MATCH (n:LauncherProbe) RETURN count(n) AS n');
    return records[0]?.get('n') as number;
  } finally {
    await driver.close();
  }
}

describe('the local Neo4j launcher', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'conflict-graph-launcher-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // Two engine starts: generous timeouts, since CI machines may be busy.
  it('keeps the data across a stop and a start, and leaves no Java process behind', { timeout: 240_000 }, async () => {
    const options = { port: 0, dataDir, heap: '384m', pageCache: '32m', nice: LOCAL_NICE };
    const first = await startLocalNeo4j(options);
    const driver = neo4j.driver(first.uri);
    await driver.executeQuery('CREATE (:LauncherProbe {at: datetime()})');
    await driver.close();
    await first.stop();
    expect(alive(first.pid)).toBe(false);

    const second = await startLocalNeo4j(options);
    try {
      expect(await count(second.uri)).toBe(1);
    } finally {
      await second.stop();
    }
    expect(alive(second.pid)).toBe(false);
  });

  it('answers Bolt on loopback only', { timeout: 180_000 }, async () => {
    const local = await startLocalNeo4j({
      port: 0,
      dataDir: join(dataDir, 'loopback'),
      heap: '384m',
      pageCache: '32m',
      nice: LOCAL_NICE,
    });
    try {
      expect(local.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
      expect(await count(local.uri)).toBe(0);
      // Below the processes that use it (nice adds to this process's niceness, up to 19); the
      // pid is the engine's own, since nice execs Java.
      if (process.platform === 'linux') {
        expect(niceness(local.pid)).toBe(Math.min(19, niceness(process.pid) + LOCAL_NICE));
      }
    } finally {
      await local.stop();
    }
  });
});
