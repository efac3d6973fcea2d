/**
 * A first load through the offline importer writes the graph the live import writes: each
 * fixture (written from the codebooks) is imported into two empty local engines of this file's
 * own, one through transactions and one through the importer's files, and the two graphs are
 * compared node by node and relationship by relationship (labels, every property with its type;
 * only the times of writing and the audit entries' random ids differ). Importing the file again
 * through the live path after a first load finds every event unchanged. Small batches, so that
 * later batches find what earlier ones created (sources, actors, places). A file whose event id
 * comes back in a later batch (a revision, for the live path) is refused by the importer, and the
 * database is left empty, for the live path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalNeo4j, type LocalNeo4j, type LocalNeo4jOptions } from '../../neo4j-local/launcher.js';
import { Database } from '../../src/graph/core/database.js';
import { migrate } from '../../src/graph/core/migrations.js';
import { importDataset } from '../../src/interchange/import-dataset.js';
import { emptyDatabase, firstLoad, FirstLoadRefused } from '../../src/interchange/first-load.js';
import type { DatasetFormat } from '../../src/interchange/sniff.js';
import { fixtureText } from './fixtures.js';

const writer = { identity: 'test-first-load' };
const BATCH = 2;
const ENGINE_TIMEOUT_MS = 900_000;

const folders: string[] = [];
const engines: { local: LocalNeo4j; db: Database }[] = [];
async function stopEngines() {
  for (const e of engines.splice(0)) {
    await e.db.close();
    await e.local.stop();
  }
}
afterAll(async () => {
  await stopEngines();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

const connect = (uri: string) =>
  new Database({ uri, user: 'neo4j', password: undefined, database: 'neo4j', txTimeoutMs: 120_000 });

async function emptyEngine(): Promise<{ options: LocalNeo4jOptions; local: LocalNeo4j; db: Database }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'conflict-graph-first-load-'));
  folders.push(dataDir);
  const options = { port: 0, dataDir, heap: '512m', pageCache: '64m', nice: 0 };
  const local = await startLocalNeo4j(options);
  const db = connect(local.uri);
  await migrate(db);
  return { options, local, db };
}

// Every node and relationship with its properties and their types. Times of writing differ
// between two runs (their type is kept); audit ids are random, and the run's entry names its run.
const DUMP = `
  CALL () {
    MATCH (n)
    RETURN collect([labels(n), [k IN keys(n) | [k, valueType(n[k]),
      CASE WHEN k IN $times OR (n:AuditEntry AND k = 'id') THEN null
           WHEN n:AuditEntry AND k = 'targetId' AND n[k] STARTS WITH 'import:' THEN 'import:run'
           ELSE n[k] END]]]) AS nodes
  }
  CALL () {
    MATCH (a)-[r]->(b)
    RETURN collect([type(r), coalesce(a.id, a.key), coalesce(b.id, b.key),
      [k IN keys(r) | [k, valueType(r[k]), CASE WHEN k IN $times THEN null ELSE r[k] END]]]) AS relationships
  }
  RETURN nodes, relationships`;

async function dump(db: Database): Promise<{ nodes: string[]; relationships: string[] }> {
  const [row] = await db.scope(60_000).read(DUMP, { times: ['createdAt', 'updatedAt', 'at', 'appliedAt'] });
  const canonical = (items: unknown[][]) =>
    items
      .map((item) =>
        JSON.stringify(
          item.map((part) =>
            Array.isArray(part) && Array.isArray(part[0])
              ? [...(part as unknown[][])].sort((x, y) => String(x[0]).localeCompare(String(y[0])))
              : part,
          ),
        ),
      )
      .sort();
  return {
    nodes: canonical(row!.get('nodes') as unknown[][]),
    relationships: canonical(row!.get('relationships') as unknown[][]),
  };
}

async function bothWays(text: string, format: DatasetFormat) {
  const live = await emptyEngine();
  engines.push(live);
  const liveSummary = await importDataset(live.db, Readable.from([text]), { format, writer, batchSize: BATCH });

  const first = await emptyEngine();
  const markers = await emptyDatabase(first.db);
  expect(markers).not.toBeNull();
  const loaded = await firstLoad(Readable.from([text]), markers!, first.local, first.db, {
    format,
    writer,
    batchSize: BATCH,
    engine: first.options,
    connect,
  });
  engines.push({ local: loaded.local, db: loaded.db });
  return { live, liveSummary, loaded };
}

// A line break in a quoted field (ACLED's notes), which the importer reads only when told to.
function withLineBreak(name: string): string {
  const text = fixtureText(name);
  const broken = text.replace('""after two hours of combat"", then', '""after two hours of combat"",\nthen');
  if (broken === text) throw new Error(`${name} no longer has the note this test breaks`);
  return broken;
}

describe.each([
  ['acled-mali.csv', 'acled', 5, fixtureText('acled-mali.csv')],
  ['ucdp-mali.csv', 'ucdp-ged', 3, fixtureText('ucdp-mali.csv')],
  ['acled-mali.csv with a line break in a note', 'acled', 5, withLineBreak('acled-mali.csv')],
] as const)('a first load of %s', (_name, format, rows, text) => {
  it(
    'writes the graph the live import writes, and a live re-import finds every event unchanged',
    async () => {
      const { live, liveSummary, loaded } = await bothWays(text, format);
      const { seconds: _a, ...liveCounts } = liveSummary;
      const { seconds: _b, phases, ...firstCounts } = loaded.summary;
      expect(liveCounts.eventsCreated).toBe(rows);
      expect(firstCounts).toEqual(liveCounts);
      expect(phases.importer).toBeGreaterThan(0);

      const [a, b] = [await dump(live.db), await dump(loaded.db)];
      expect(b.nodes.length).toBeGreaterThan(rows * 2);
      expect(b.nodes).toEqual(a.nodes);
      expect(b.relationships).toEqual(a.relationships);

      const again = await importDataset(loaded.db, Readable.from([text]), { format, writer });
      expect(again).toMatchObject({ rowsRead: rows, eventsCreated: 0, eventsUpdated: 0, eventsUnchanged: rows });
      expect(await emptyDatabase(loaded.db)).toBeNull();
      await stopEngines();
    },
    ENGINE_TIMEOUT_MS,
  );
});

describe('a first load the importer refuses', () => {
  it(
    'leaves the database empty and running, and the live path then imports the file',
    async () => {
      const [header, ...rows] = fixtureText('acled-mali.csv').trimEnd().split('\n');
      // The first row again at the end, in a batch of its own: the same event id twice in the files.
      const text = [header, ...rows, rows[0]].join('\n') + '\n';
      const engine = await emptyEngine();
      const markers = await emptyDatabase(engine.db);
      const refusal = await firstLoad(Readable.from([text]), markers!, engine.local, engine.db, {
        format: 'acled',
        writer,
        batchSize: BATCH,
        engine: engine.options,
        connect,
      }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(FirstLoadRefused);
      const { local, db } = refusal as FirstLoadRefused;
      engines.push({ local, db });
      // Empty again, migrated afresh: the same markers, set anew.
      const ids = (list: { id: string }[] | null) => list?.map((m) => m.id).sort();
      expect(ids(await emptyDatabase(db))).toEqual(ids(markers));
      const live = await importDataset(db, Readable.from([text]), { format: 'acled', writer, batchSize: BATCH });
      expect(live).toMatchObject({ rowsRead: 6, eventsCreated: 5, eventsUnchanged: 1, rowsRefused: 0 });
      await stopEngines();
    },
    ENGINE_TIMEOUT_MS,
  );
});
