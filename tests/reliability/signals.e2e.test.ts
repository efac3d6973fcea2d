/**
 * SIGTERM and SIGINT to the process a user or a process manager starts — `npm start` — stop
 * everything: npm forwards the signal to the API (which `npm start` execs in place of a shell),
 * the API drains its requests and stops its local Neo4j, and no node or java process is left.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { freePort } from '../../neo4j-local/launcher.js';

vi.setConfig({ testTimeout: 300_000 });

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every live descendant of `pid`, with its command name, read from /proc. */
function descendants(pid: number): { pid: number; name: string }[] {
  const parents = new Map<number, number[]>();
  const names = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') continue;
      names.set(Number(entry), name);
      parents.set(Number(ppid), [...(parents.get(Number(ppid)) ?? []), Number(entry)]);
    } catch {
      // The process ended while we read.
    }
  }
  const found: { pid: number; name: string }[] = [];
  const stack = [...(parents.get(pid) ?? [])];
  while (stack.length > 0) {
    const child = stack.pop()!;
    found.push({ pid: child, name: names.get(child) ?? '?' });
    stack.push(...(parents.get(child) ?? []));
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function until(check: () => boolean | Promise<boolean>, attempts = 600): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return true;
    await new Promise((ok) => setTimeout(ok, 250));
  }
  return false;
}

describe.each(['SIGTERM', 'SIGINT'] as const)('%s to npm start', (signal) => {
  it('stops the API and its Neo4j, leaving no process behind', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'conflict-graph-signals-'));
    const port = await freePort();
    // --ignore-scripts skips only the prestart build of the explorer, not the start script.
    const npm = spawn('npm', ['start', '--ignore-scripts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        PORT: String(port),
        NEO4J_LOCAL_PORT: '0',
        NEO4J_LOCAL_DATA: dataDir,
        NEO4J_LOCAL_HEAP: '384m',
        NEO4J_LOCAL_PAGECACHE: '32m',
        SEED_ON_START: 'false',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => npm.once('exit', (code) => done(code)));
    try {
      const ready = await until(() =>
        fetch(`http://127.0.0.1:${port}/ready`).then(
          (r) => r.ok,
          () => false,
        ),
      );
      expect(ready, output).toBe(true);
      const tree = descendants(npm.pid!);
      expect(tree.map((p) => p.name)).toEqual(expect.arrayContaining(['node', 'java']));

      npm.kill(signal);
      expect(await exited).toBe(0);
      expect(await until(() => tree.every((p) => !alive(p.pid)), 240)).toBe(true);
      expect(output).toMatch(new RegExp(`"signal":"${signal}".*stopping`));
    } finally {
      if (npm.exitCode === null) npm.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
