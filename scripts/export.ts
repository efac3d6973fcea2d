/**
 * `npm run export -- --format geojson|csv|graphml|stix|json [filters] [--out FILE]`
 *
 * Streams an export of the configured Neo4j (the local engine when NEO4J_URI is unset) to FILE
 * or to standard output. Filters, as the `events` query's: --types BATTLE,RIOT --sub-types …
 * --from ISO --to ISO --place ID --actor ID --role ROLE --status CORROBORATED,REPORTED.
 * GraphML: the whole graph, or --around ID [--depth 1-3] for a node's neighbourhood.
 */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.js';
import { Database } from '../src/graph/core/database.js';
import { EXPORT_FORMATS, type ExportFormat, writeExport } from '../src/interchange/export.js';
import { startLocalNeo4j, type LocalNeo4j } from '../neo4j-local/launcher.js';

const { values } = parseArgs({
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    types: { type: 'string' },
    'sub-types': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    place: { type: 'string' },
    actor: { type: 'string' },
    role: { type: 'string' },
    status: { type: 'string' },
    around: { type: 'string' },
    depth: { type: 'string', default: '1' },
  },
});
const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()) : null);

async function main(): Promise<number> {
  const format = values.format as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format)) {
    console.error(`usage: npm run export -- --format ${EXPORT_FORMATS.join('|')} [filters] [--out FILE]`);
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
  const out = values.out ? createWriteStream(values.out) : process.stdout;
  try {
    const count = await writeExport(
      db.scope(300_000),
      {
        format,
        filter: {
          types: list(values.types),
          subTypes: list(values['sub-types']),
          from: values.from ?? null,
          to: values.to ?? null,
          placeId: values.place ?? null,
          actorId: values.actor ?? null,
          role: values.role ?? null,
          claimStatus: list(values.status),
        },
        around: values.around ? { id: values.around, depth: Number(values.depth) } : null,
      },
      out,
    );
    if (values.out) {
      out.end();
      await finished(out);
      console.error(
        `Wrote ${count} ${format === 'graphml' ? 'nodes' : format === 'json' ? 'claims' : format === 'stix' ? 'objects' : 'events'} to ${values.out}.`,
      );
    }
    return 0;
  } finally {
    await db.close();
    await local?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      `npm run export: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);
