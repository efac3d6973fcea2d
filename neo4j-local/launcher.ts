/**
 * Starts and stops the project's own Neo4j: the Community engine embedded in a small Java
 * launcher (LocalNeo4j.java), its artifacts from Maven Central. Used by `npm start`, `npm run db`
 * and the test setup when NEO4J_URI is not set. The engine runs as a child process fed through a
 * pipe on stdin: if this process dies, even by SIGKILL, the engine notices and shuts down.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../src/paths.js';

const HERE = join(PROJECT_ROOT, 'neo4j-local');
const POM = join(HERE, 'pom.xml');
const SOURCE = join(HERE, 'src/main/java/org/conflictgraph/neo4j/LocalNeo4j.java');
const CLASSES = join(HERE, 'target/classes');
const CLASSPATH_FILE = join(HERE, 'target/classpath.txt');
/** Touched after a successful build: Maven leaves classpath.txt alone when it is unchanged. */
const STAMP = join(HERE, 'target/.built');
const MAIN_CLASS = 'org.conflictgraph.neo4j.LocalNeo4j';
// A cold start takes ~15 s on a quiet machine; niced on a busy shared one it has taken minutes.
const START_TIMEOUT_MS = 600_000;

export interface LocalNeo4jOptions {
  /** 0 picks a free port. */
  port: number;
  dataDir: string;
  heap: string;
  pageCache: string;
  /**
   * The engine's CPU niceness (0–19, Unix only; 0 runs it as is). The project's default is
   * LOCAL_NICE in src/config.ts, which says why.
   */
  nice: number;
  /**
   * The most heap one transaction may hold (db.memory.transaction.max, e.g. 256m): a query that
   * collects too much fails alone with a memory error instead of exhausting the heap for all.
   * Unset: Neo4j's default (no limit per transaction).
   */
  txMemory?: string;
  /** Further neo4j.conf settings, by name. */
  settings?: Record<string, string>;
  /** Progress lines for a person (Maven download, start). */
  say?: (line: string) => void;
}

export interface LocalNeo4j {
  uri: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
  /** Resolves when the engine exits, for whatever reason. */
  exited: Promise<number | null>;
}

export class LocalNeo4jError extends Error {}

function has(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

function upToDate(): boolean {
  if (!existsSync(CLASSPATH_FILE) || !existsSync(STAMP)) return false;
  const built = statSync(STAMP).mtimeMs;
  return statSync(POM).mtimeMs <= built && statSync(SOURCE).mtimeMs <= built;
}

/** Compiles the launcher and resolves Neo4j's jars from Maven Central (once; cached in ~/.m2). */
export function buildLauncher(say: (line: string) => void = () => {}): void {
  if (upToDate()) return;
  if (!has('java', ['-version'])) {
    throw new LocalNeo4jError(
      'Java 17+ is needed to run the local Neo4j: install a JDK (e.g. apt-get install openjdk-17-jdk-headless), or set NEO4J_URI to a running Neo4j.',
    );
  }
  if (!has('mvn', ['-v'])) {
    throw new LocalNeo4jError(
      'Maven is needed to fetch the local Neo4j: install it (e.g. apt-get install maven), or set NEO4J_URI to a running Neo4j.',
    );
  }
  say('Fetching Neo4j Community 5.26 from Maven Central and building the launcher (first run only, ~170 MB)…');
  const result = spawnSync(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      POM,
      'package',
      '-DskipTests',
      'dependency:build-classpath',
      `-Dmdep.outputFile=${CLASSPATH_FILE}`,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (result.status !== 0) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n');
    throw new LocalNeo4jError(`Building the local Neo4j launcher failed (mvn exit ${result.status}):\n${tail}`);
  }
  writeFileSync(STAMP, new Date().toISOString());
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

/**
 * The JVM options Neo4j's own neo4j.conf ships with: a fixed heap (initial = maximum), G1, and the
 * module openings without which the page cache falls back to a slower buffer access ("Reflection
 * access to java.nio.DirectByteBuffer is not available, using fallback mode" in debug.log).
 */
function jvmOptions(heap: string): string[] {
  return [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+UnlockExperimentalVMOptions',
    '-XX:+TrustFinalNonStaticFields',
    '-XX:+DisableExplicitGC',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-Dlog4j2.disable.jmx=true',
  ];
}

/** Builds if needed, starts the engine, and resolves once Bolt answers. */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const say = options.say ?? (() => {});
  buildLauncher(say);
  const port = options.port === 0 ? await freePort() : options.port;
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const classpath = `${CLASSES}:${readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
  say(`Starting Neo4j on bolt://127.0.0.1:${port} (data in ${dataDir})…`);

  const java = [
    ...jvmOptions(options.heap),
    '-cp',
    classpath,
    MAIN_CLASS,
    String(port),
    dataDir,
    options.pageCache,
    '--exit-on-stdin-eof',
    ...Object.entries({
      ...(options.txMemory ? { 'db.memory.transaction.max': options.txMemory } : {}),
      ...options.settings,
    }).map(([name, value]) => `--setting=${name}=${value}`),
  ];
  // nice(1) execs Java in its own place: the child's pid is the engine's.
  const nice = options.nice;
  const niced = nice > 0 && process.platform !== 'win32' && has('nice', ['true']);
  const child: ChildProcess = niced
    ? spawn('nice', ['-n', String(nice), 'java', ...java], { stdio: ['pipe', 'pipe', 'pipe'] })
    : spawn('java', java, { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });

  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new LocalNeo4jError(`Neo4j did not start within ${START_TIMEOUT_MS / 1000} s.\n${stderr}`));
    }, START_TIMEOUT_MS);
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('READY ')) {
        clearTimeout(timer);
        ready();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      const hint = /lock|already in use|Address already in use/i.test(stderr)
        ? ` Is another Neo4j using port ${port} or the folder ${dataDir}?`
        : '';
      fail(new LocalNeo4jError(`Neo4j exited (code ${code}) before it was ready.${hint}\n${stderr.slice(-1500)}`));
    });
  });

  return {
    uri: `bolt://127.0.0.1:${port}`,
    port,
    pid: child.pid ?? -1,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

export interface OfflineImportOptions {
  /** The local engine's data folder (stopped: the importer takes its lock). */
  dataDir: string;
  /** The importer's file arguments (`--nodes=Label=FILE`, `--relationships=TYPE=FILE`). */
  files: readonly string[];
  /** Between array elements in the files. */
  arrayDelimiter: string;
  /**
   * Some field holds a line break. Only then is the importer told so: a file of multi-line fields
   * is read on one thread (on two cores, 12 s instead of 8 for a 100,000-row first load's nodes).
   */
  multilineFields: boolean;
  /** The importer's heap (its data structures live off-heap, bounded by offHeap). */
  heap: string;
  offHeap: string;
  nice: number;
  /** The importer's report (bad entries) goes here. */
  reportFile: string;
  say?: (line: string) => void;
}

/**
 * Runs Neo4j's offline importer (`neo4j-admin database import full`, from neo4j-import-tool on
 * the launcher's classpath) into the local engine's default database, replacing it: only for an
 * empty database, while the engine is stopped. Resolves when it is done; fails with the
 * importer's last lines.
 */
export async function importOffline(options: OfflineImportOptions): Promise<void> {
  buildLauncher(options.say);
  const dataDir = resolve(options.dataDir);
  // The admin tool reads neo4j.conf from NEO4J_CONF: an empty one keeps the defaults the embedded
  // engine runs with (its data under NEO4J_HOME/data, as DatabaseManagementServiceBuilder puts it).
  const conf = join(dataDir, 'import-conf');
  mkdirSync(conf, { recursive: true });
  writeFileSync(join(conf, 'neo4j.conf'), '');
  const classpath = `${CLASSES}:${readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
  const java = [
    `-Xmx${options.heap}`,
    // A batch job: the throughput collector, not the engine's G1 (a 100,000-row first load's
    // import took 18.5 s instead of 24 s, alternating runs on one machine).
    '-XX:+UseParallelGC',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-cp',
    classpath,
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    // The database first: the file options take every argument after them as more files.
    'neo4j',
    '--overwrite-destination=true',
    `--multiline-fields=${options.multilineFields}`,
    `--array-delimiter=U+${options.arrayDelimiter.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
    `--max-off-heap-memory=${options.offHeap}`,
    `--report-file=${options.reportFile}`,
    ...options.files,
  ];
  const niced = options.nice > 0 && process.platform !== 'win32' && has('nice', ['true']);
  const env = { ...process.env, NEO4J_HOME: dataDir, NEO4J_CONF: conf };
  const child = niced
    ? spawn('nice', ['-n', String(options.nice), 'java', ...java], { stdio: ['ignore', 'pipe', 'pipe'], env })
    : spawn('java', java, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const code = await new Promise<number | null>((done) => child.once('exit', (c) => done(c)));
  if (code !== 0)
    throw new LocalNeo4jError(
      `The offline importer failed (exit ${code}):\n${tail.trim().split('\n').slice(-12).join('\n')}`,
    );
  options.say?.(tail.match(/IMPORT DONE[^\n]*/)?.[0]?.trim() ?? 'Import done.');
}
