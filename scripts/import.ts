/**
 * `npm run import -- --format acled|ucdp-ged|json FILE [--mapping FILE]… [--deletions FILE] [--live]`
 *
 * Imports an ACLED or UCDP GED export (CSV, streamed in batches through the bulk path) or our own
 * JSON (importClaims' input, read whole) into the configured Neo4j (starting the local engine
 * when NEO4J_URI is unset, as `npm start` does). A dataset file into the local engine's empty
 * database is a first load, through Neo4j's offline importer (src/interchange/first-load.ts),
 * unless --live; otherwise, and always with NEO4J_URI set, the live path; it says which. Prints a progress bar on a terminal and a
 * summary at the end; `--deletions FILE` retracts the dataset's claims about the events a
 * deletions file lists. Exits 1 when the file is refused, 2 when some rows were.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.js';
import { Database } from '../src/graph/core/database.js';
import { migrate } from '../src/graph/core/migrations.js';
import { importClaims } from '../src/graph/bulk/import-claims.js';
import type { ImportClaimsInput } from '../src/generated/graphql.js';
import { FileRefusal, importDataset, importDeletions, type ImportSummary } from '../src/interchange/import-dataset.js';
import { emptyDatabase, firstLoad, FirstLoadRefused } from '../src/interchange/first-load.js';
import { progressFor } from '../src/interchange/progress.js';
import { DATASET_FORMATS, type DatasetFormat } from '../src/interchange/sniff.js';
import { formatDeletions, formatSummary } from '../src/interchange/summary.js';
import { startLocalNeo4j, type LocalNeo4j } from '../neo4j-local/launcher.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    format: { type: 'string' },
    mapping: { type: 'string', multiple: true },
    deletions: { type: 'string' },
    batch: { type: 'string' },
    json: { type: 'boolean', default: false },
    live: { type: 'boolean', default: false },
  },
});
const FORMATS = [...DATASET_FORMATS, 'json'];
const WRITER = { identity: 'import' };

async function main(): Promise<number> {
  const format = values.format;
  const file = positionals[0];
  if (!format || !FORMATS.includes(format) || (!file && !values.deletions)) {
    console.error(
      `usage: npm run import -- --format ${FORMATS.join('|')} FILE [--mapping FILE] [--deletions FILE] [--live]`,
    );
    return 1;
  }
  const config = loadConfig();
  let local: LocalNeo4j | undefined;
  const engineOptions = { ...config.localNeo4j, say: (line: string) => console.error(line) };
  if (!config.neo4j.uri) local = await startLocalNeo4j(engineOptions);
  const connect = (uri: string) =>
    new Database({
      uri,
      user: config.neo4j.user,
      password: config.neo4j.password,
      database: config.neo4j.database,
      txTimeoutMs: 300_000,
    });
  let db = connect(local?.uri ?? config.neo4j.uri!);
  try {
    await migrate(db);
    if (format === 'json') {
      // Untyped JSON enters here; importClaims validates it item by item before writing.
      const input = JSON.parse(readFileSync(file!, 'utf8')) as ImportClaimsInput;
      const summary = await importClaims(db.scope(300_000), input, WRITER);
      console.log(values.json ? JSON.stringify(summary) : `Imported ${file}: ${JSON.stringify(summary)}`);
      return 0;
    }
    let exit = 0;
    if (file) {
      const options = {
        format: format as DatasetFormat,
        writer: WRITER,
        mappingFiles: values.mapping ?? [],
        ...(values.batch ? { batchSize: Number(values.batch) } : {}),
      };
      let summary: ImportSummary | undefined;
      // A first load into the local engine's empty database goes through the offline importer.
      const markers = local && !values.live ? await emptyDatabase(db) : null;
      if (local && markers) {
        console.error('The database is empty: a first load, through the offline importer.');
        const progress = progressFor(statSync(file).size);
        try {
          const loaded = await firstLoad(createReadStream(file), markers, local, db, {
            ...options,
            engine: engineOptions,
            connect,
            onProgress: ({ rows, bytes }) => progress.update(rows, bytes),
            say: (line) => console.error(line),
          }).finally(() => progress.stop());
          ({ local, db } = loaded);
          summary = loaded.summary;
        } catch (error) {
          if (!(error instanceof FirstLoadRefused)) throw error;
          ({ local, db } = error);
          console.error(`The offline importer refused the files; importing through the live path.\n${error.message}`);
        }
      } else
        console.error(
          !local
            ? 'NEO4J_URI is set: importing through the live path (a first load needs the local engine).'
            : values.live
              ? 'Importing through the live path (--live).'
              : 'The database holds data: importing through the live path.',
        );
      if (!summary) {
        const progress = progressFor(statSync(file).size);
        summary = await importDataset(db, createReadStream(file), {
          ...options,
          onProgress: ({ rows, bytes }) => progress.update(rows, bytes),
        }).finally(() => progress.stop());
      }
      console.log(values.json ? JSON.stringify(summary) : formatSummary(summary));
      if (summary.rowsRefused > 0) exit = 2;
    }
    if (values.deletions) {
      const deleted = await importDeletions(db, createReadStream(values.deletions), format as DatasetFormat, WRITER);
      console.log(values.json ? JSON.stringify(deleted) : formatDeletions(deleted));
    }
    return exit;
  } finally {
    await db.close();
    await local?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof FileRefusal || error instanceof ConfigError;
    console.error(`npm run import: ${error instanceof Error ? error.message : String(error)}`);
    if (!known && error instanceof Error && process.env.DEBUG) console.error(error.stack);
    process.exit(1);
  },
);
