/**
 * The API as a separate process, as production runs it: `src/main.ts` under Node with tsx's
 * loader, on a free port, against a given Neo4j. The process is started with `node --import tsx`
 * rather than `npx tsx`, because both npx and the tsx CLI put a parent process in front of the
 * server: a SIGKILL must reach the server itself. Everything it prints is kept for inspection.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../neo4j-local/launcher.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const START_TIMEOUT_MS = 120_000;

export interface ApiProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code or signal once the process has ended. */
  exited: Promise<string>;
  /** Sends `signal` and waits for the process to end. */
  kill(signal: NodeJS.Signals): Promise<string>;
}

/** Starts the API with `env` on top of a minimal environment; resolves once /health answers. */
export async function spawnApi(env: Record<string, string>, port?: number): Promise<ApiProcess> {
  const listenOn = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: String(listenOn),
      LOG_LEVEL: 'info',
      SEED_ON_START: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<string>((done) =>
    child.once('exit', (code, signal) => done(signal ?? `exit ${String(code)}`)),
  );
  let ended = false;
  void exited.then(() => (ended = true));

  const url = `http://127.0.0.1:${listenOn}`;
  const started = Date.now();
  for (;;) {
    if (ended) throw new Error(`The API exited before it was ready:\n${output}`);
    if (Date.now() - started > START_TIMEOUT_MS) {
      child.kill('SIGKILL');
      throw new Error(`The API did not answer /health within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
    }
    const healthy = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    await new Promise((ok) => setTimeout(ok, 200));
  }
  return {
    url,
    port: listenOn,
    child,
    output: () => output,
    exited,
    async kill(signal) {
      if (!ended) child.kill(signal);
      return exited;
    },
  };
}
