/**
 * The API under load, as production runs it: `src/main.ts` in its own process (`node --import
 * tsx`, so the pid is the server itself, not a launcher), on a free loopback port, with its log in
 * a file. Its own process, so that the resident memory sampled from /proc is the API's alone and
 * not the load generator's.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../neo4j-local/launcher.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
// A fresh database is seeded (through the write path) before the API listens: minutes on a
// cold, busy machine.
const START_TIMEOUT_MS = 600_000;

export interface ApiProcess {
  url: string;
  pid: number;
  /** Resident memory now (VmRSS), in MB; null once the process is gone. */
  rssMb(): number | null;
  /** True while the process runs. */
  running(): boolean;
  /** SIGTERM (the API drains and closes the driver), SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/** VmRSS of a process, in MB, from /proc/<pid>/status (Linux). */
export function residentMb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Starts the API with `env` (on top of PATH and HOME); resolves once /health answers. */
export async function startApi(env: Record<string, string>, logFile: string): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let ended = false;
  const exited = new Promise<void>((done) =>
    child.once('exit', () => {
      ended = true;
      done();
    }),
  );

  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (ended) throw new Error(`The API exited before it was ready; its log: ${logFile}`);
    if (Date.now() - started > START_TIMEOUT_MS) {
      child.kill('SIGKILL');
      throw new Error(`The API did not answer /health within ${START_TIMEOUT_MS / 1000} s; its log: ${logFile}`);
    }
    const healthy = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    await new Promise((ok) => setTimeout(ok, 500));
  }
  const pid = child.pid ?? -1;
  return {
    url,
    pid,
    rssMb: () => (ended ? null : residentMb(pid)),
    running: () => !ended,
    async stop() {
      if (ended) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
