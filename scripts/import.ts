/**
 * `npm run import -- --format acled|ucdp-ged|json FILE [--mapping FILE]… [--deletions FILE]`
 *
 * Imports an ACLED or UCDP GED export (CSV, streamed in batches through the bulk path) or our own
 * JSON (importClaims' input, read whole) into the configured Neo4j (starting the local engine
 * when NEO4J_URI is unset, as `npm start` does). Prints a progress bar on a terminal and a
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
import { FileRefusal, importDataset, importDeletions } from '../src/interchange/import-dataset.js';
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
  },
});
const FORMATS = [...DATASET_FORMATS, 'json'];
const WRITER = { identity: 'import' };

async function main(): Promise<number> {
  const format = values.format;
  const file = positionals[0];
  if (!format || !FORMATS.includes(format) || (!file && !values.deletions)) {
    console.error(`usage: npm run import -- --format ${FORMATS.join('|')} FILE [--mapping FILE] [--deletions FILE]`);
    return 1;
  }
  const config = loadConfig();
  let local: LocalNeo4j | undefined;
  if (!config.neo4j.uri) {
    local = await startLocalNeo4j({ ...config.localNeo4j, say: (line) => console.error(line) });
    config.neo4j.uri = local.uri;
  }
  const db = new Database({
    uri: config.neo4j.uri,
    user: config.neo4j.user,
    password: config.neo4j.password,
    database: config.neo4j.database,
    txTimeoutMs: 300_000,
  });
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
      const progress = progressFor(statSync(file).size);
      const summary = await importDataset(db, createReadStream(file), {
        format: format as DatasetFormat,
        writer: WRITER,
        mappingFiles: values.mapping ?? [],
        ...(values.batch ? { batchSize: Number(values.batch) } : {}),
        onProgress: ({ rows, bytes }) => progress.update(rows, bytes),
      }).finally(() => progress.stop());
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
