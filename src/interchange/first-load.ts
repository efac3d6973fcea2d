/**
 * A first load: a dataset file into the local engine's empty database through Neo4j's offline
 * importer instead of transactions. The file is read, mapped and planned exactly as the live
 * import plans it into an empty database (import-dataset.ts, the bulk path's planning), but each
 * batch is appended to the importer's CSV files (graph/bulk/import-files.ts) instead of written;
 * then the engine stops, `neo4j-admin database import full` builds the store from the files, the
 * engine starts again and the migrations build the indexes, constraints and full-text indexes
 * over it. The graph is the one the live path writes (tests/interchange/first-load.int.test.ts
 * compares them node by node).
 *
 * Only for the local engine (NEO4J_URI unset: the importer writes the store files itself) and a
 * database holding nothing but the migrations' markers, which are carried over. When the importer
 * refuses the files (a dataset id repeated across batches, which the live path would read as a
 * revision), the empty database is put back and the caller imports through the live path.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { importOffline, startLocalNeo4j, type LocalNeo4j, type LocalNeo4jOptions } from '../../neo4j-local/launcher.js';
import type { Database } from '../graph/core/database.js';
import { migrate, SPAN_MIGRATION } from '../graph/core/migrations.js';
import { ARRAY_DELIMITER, FIRST_LOAD_FIXES, ImportFiles } from '../graph/bulk/import-files.js';
import { importDatasetFiles, type ImportOptions, type ImportSummary } from './import-dataset.js';

// EXISTS stops at the first node found: a large database is not counted.
const EMPTY = `
  OPTIONAL MATCH (m:Migration)
  WITH collect({id: m.id, appliedAt: toString(m.appliedAt)}) AS markers
  RETURN EXISTS { MATCH (n) WHERE NOT n:Migration } AS others, markers`;

/** The data migrations' markers when the database holds nothing else (null when it holds data). */
export async function emptyDatabase(db: Database): Promise<{ id: string; appliedAt: string }[] | null> {
  const [row] = await db.scope(60_000).read(EMPTY);
  if (row?.get('others') !== false) return null;
  return ((row?.get('markers') as { id: string | null; appliedAt: string }[]) ?? []).filter(
    (m): m is { id: string; appliedAt: string } => m.id !== null,
  );
}

export interface FirstLoadOptions extends ImportOptions {
  /** How the local engine was started (it is stopped and started again with these). */
  engine: LocalNeo4jOptions;
  /** Opens the API's database on the restarted engine's Bolt URI. */
  connect: (uri: string) => Database;
  /** The importer's heap and off-heap memory (default 1g and 2g). */
  importerHeap?: string;
  importerOffHeap?: string;
  say?: (line: string) => void;
}

/** Seconds spent in each phase of a first load. */
export interface FirstLoadPhases {
  files: number;
  stop: number;
  importer: number;
  start: number;
  indexes: number;
}

export interface FirstLoad {
  summary: ImportSummary & { phases: FirstLoadPhases };
  local: LocalNeo4j;
  db: Database;
}

/** The importer refused the files: the database is empty again and the engine running. */
export class FirstLoadRefused extends Error {
  constructor(
    message: string,
    readonly local: LocalNeo4j,
    readonly db: Database,
  ) {
    super(message);
  }
}

/**
 * Loads a dataset file into the local engine's empty database (check with emptyDatabase first,
 * passing its markers); stops `local` and closes `db`, and returns the restarted ones.
 */
export async function firstLoad(
  input: AsyncIterable<Buffer | string>,
  markers: readonly { id: string; appliedAt: string }[],
  local: LocalNeo4j,
  db: Database,
  options: FirstLoadOptions,
): Promise<FirstLoad> {
  const say = options.say ?? (() => {});
  const started = performance.now();
  const folder = join(options.engine.dataDir, 'first-load');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const lap = (() => {
    let last = performance.now();
    return () => {
      const now = performance.now();
      const seconds = (now - last) / 1000;
      last = now;
      return seconds;
    };
  })();
  try {
    const files = new ImportFiles(folder);
    // Nothing is looked up in an empty database: once the header is checked (a file refused there
    // leaves the engine running, untouched) the engine stops while the files are written (its
    // shutdown took 11 s of a 142 s first load when awaited after them).
    let stopping: Promise<void> | undefined;
    const stop = () => (stopping ??= db.close().then(() => local.stop()));
    const summary = await importDatasetFiles(files, input, options, stop);
    // The files hold each event's span and time order; when some could not be computed, the span
    // migration stores theirs (it looks for events without one).
    await files.migrations(files.spansLeft > 0 ? markers.filter((m) => m.id !== SPAN_MIGRATION) : markers);
    const args = await files.close();
    const filesSeconds = lap();
    await stop();
    const stopSeconds = lap();
    say(`Wrote the importer's files in ${filesSeconds.toFixed(1)} s; running the offline importer…`);
    let refused: string | undefined;
    try {
      await importOffline({
        dataDir: options.engine.dataDir,
        files: args,
        arrayDelimiter: ARRAY_DELIMITER,
        multilineFields: files.multiline,
        heap: options.importerHeap ?? '1g',
        offHeap: options.importerOffHeap ?? '2g',
        nice: options.engine.nice,
        reportFile: join(folder, 'import.report'),
        say,
      });
    } catch (error) {
      refused = error instanceof Error ? error.message : String(error);
      // The database was empty: without its files the engine creates it empty again.
      for (const dir of ['databases', 'transactions'])
        rmSync(join(options.engine.dataDir, 'data', dir, 'neo4j'), { recursive: true, force: true });
    }
    const importerSeconds = lap();
    const restarted = await startLocalNeo4j(options.engine);
    const reopened = options.connect(restarted.uri);
    const startSeconds = lap();
    await migrate(reopened);
    if (refused) throw new FirstLoadRefused(refused, restarted, reopened);
    const scope = reopened.scope(600_000);
    for (const fix of FIRST_LOAD_FIXES) await scope.write((tx) => tx.run(fix));
    const indexesSeconds = lap();
    return {
      summary: {
        ...summary,
        seconds: (performance.now() - started) / 1000,
        phases: {
          files: filesSeconds,
          stop: stopSeconds,
          importer: importerSeconds,
          start: startSeconds,
          indexes: indexesSeconds,
        },
      },
      local: restarted,
      db: reopened,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
