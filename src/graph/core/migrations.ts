/**
 * Constraints and indexes, created idempotently (IF NOT EXISTS) at start-up before the server
 * reports ready. Each index names the query that needs it.
 */
import { FOLDED_TEXT } from './folded-text.js';
import neo4j from 'neo4j-driver';
import type { Database } from './database.js';
import { SET_EVENT_SPAN, SPAN_MAX, SPAN_MIN } from './event-span.js';
import { migrateFigures } from './figure-migration.js';

export const MIGRATIONS: readonly string[] = [
  // Stable ids: every lookup by id is an index seek, and MERGE on id is race-free.
  'CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT figure_id IF NOT EXISTS FOR (n:Figure) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT audit_id IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.id IS UNIQUE',
  // Names and aliases: one node per normalised key; the constraint makes concurrent
  // "create actor FAMa" writes converge on one node.
  'CREATE CONSTRAINT name_key IF NOT EXISTS FOR (n:Name) REQUIRE n.key IS UNIQUE',
  'CREATE CONSTRAINT idempotency_key IF NOT EXISTS FOR (n:IdempotencyKey) REQUIRE n.key IS UNIQUE',
  // Gazetteer codes name one place each; a merged record's id resolves to the kept one.
  'CREATE CONSTRAINT place_geonames_id IF NOT EXISTS FOR (n:Place) REQUIRE n.geonamesId IS UNIQUE',
  'CREATE CONSTRAINT place_pcode IF NOT EXISTS FOR (n:Place) REQUIRE n.pcode IS UNIQUE',
  'CREATE CONSTRAINT merged_id IF NOT EXISTS FOR (n:MergedId) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX merged_into IF NOT EXISTS FOR (n:MergedId) ON (n.into)',
  // A claim identical to an existing one is found by its fingerprint (claim-duplicates.ts).
  'CREATE INDEX claim_fingerprint IF NOT EXISTS FOR (n:Claim) ON (n.fingerprint)',
  // Data migrations done once: a marker per migration, so a start does not rescan the events.
  'CREATE CONSTRAINT migration_id IF NOT EXISTS FOR (n:Migration) REQUIRE n.id IS UNIQUE',
  // Filters and orderings of the list queries.
  'CREATE INDEX event_start IF NOT EXISTS FOR (n:Event) ON (n.startTime)',
  'CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.type)',
  'CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name)',
  'CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind)',
  'CREATE INDEX place_kind IF NOT EXISTS FOR (n:Place) ON (n.kind)',
  'CREATE INDEX source_kind IF NOT EXISTS FOR (n:Source) ON (n.kind)',
  'CREATE INDEX claim_status IF NOT EXISTS FOR (n:Claim) ON (n.status)',
  // claims(filter: {minIndependentOrigins, maxIndependentOrigins}): "single-sourced" is a range seek.
  'CREATE INDEX claim_origins IF NOT EXISTS FOR (n:Claim) ON (n.independentOrigins)',
  'CREATE INDEX audit_target IF NOT EXISTS FOR (n:AuditEntry) ON (n.targetId)',
  // Time windows (event-span.ts): index seeks on the span, the longest known span read from its index.
  'CREATE INDEX event_span_start IF NOT EXISTS FOR (n:Event) ON (n.spanStart)',
  'CREATE INDEX event_span_end IF NOT EXISTS FOR (n:Event) ON (n.spanEnd)',
  'CREATE INDEX event_span_days IF NOT EXISTS FOR (n:Event) ON (n.spanDays)',
  // claims(filter: {textContains}), sources(filter: {titleContains}): CONTAINS on the folded text.
  'CREATE TEXT INDEX claim_folded_text IF NOT EXISTS FOR (n:Claim) ON (n.foldedText)',
  'CREATE TEXT INDEX source_folded_title IF NOT EXISTS FOR (n:Source) ON (n.foldedTitle)',
  // eventsNear: distance() predicates on Place.location use the point index.
  'CREATE POINT INDEX place_location IF NOT EXISTS FOR (n:Place) ON (n.location)',
];

/**
 * search (analysis/search.ts): two full-text indexes, queried together. No built-in analyzer both
 * folds accents and stems: 'standard-folding' folds ("Lere" finds Léré, "fama" FAMa) over every
 * searchable property, 'english' stems ("denounce" finds denounced, "airstrike" airstrikes) over
 * the prose (descriptions, claim text, source titles) — names, aliases, publishers and authors are
 * proper nouns. The two must differ in what they cover: Neo4j keeps one index per schema, and
 * `IF NOT EXISTS` silently skips a second over the same labels and properties. Sources are
 * searchable by title, publisher and author.
 */
export const SEARCH_INDEXES = [
  {
    name: 'search_text',
    analyzer: 'standard-folding',
    labels: ['Actor', 'Place', 'Event', 'Claim', 'Source'],
    properties: ['name', 'aliasText', 'description', 'text', 'title', 'publisher', 'author'],
  },
  {
    name: 'search_stemmed',
    analyzer: 'english',
    labels: ['Actor', 'Event', 'Claim', 'Source'],
    properties: ['description', 'text', 'title'],
  },
] as const;

const SEARCH_INDEX_DEFINITIONS = `
  SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options
  WHERE name IN $names
  RETURN name, labelsOrTypes, properties, options.indexConfig['fulltext.analyzer'] AS analyzer`;

async function ensureSearchIndexes(scope: ReturnType<Database['scope']>): Promise<void> {
  const rows = await scope.write((tx) =>
    tx.run(SEARCH_INDEX_DEFINITIONS, { names: SEARCH_INDEXES.map((index) => index.name) }),
  );
  const same = (a: unknown, b: readonly string[]) =>
    JSON.stringify([...(a as string[])].sort()) === JSON.stringify([...b].sort());
  for (const { name, analyzer, labels, properties } of SEARCH_INDEXES) {
    const row = rows.find((r) => r.get('name') === name);
    const current =
      row &&
      row.get('analyzer') === analyzer &&
      same(row.get('labelsOrTypes'), labels) &&
      same(row.get('properties'), properties);
    if (row && !current) await scope.write((tx) => tx.run(`DROP INDEX ${name} IF EXISTS`));
    await scope
      .write((tx) =>
        tx.run(`CREATE FULLTEXT INDEX ${name} IF NOT EXISTS
        FOR (n:${labels.join('|')}) ON EACH [${properties.map((p) => `n.${p}`).join(', ')}]
        OPTIONS { indexConfig: { \`fulltext.analyzer\`: '${analyzer}' } }`),
      )
      .catch(createdMeanwhile);
  }
}

/** How long start-up waits for indexes to come online (seconds). */
const INDEX_WAIT_S = 600;

// Events written before their span or time order was stored, or with the span's earlier far
// past and future (event-span.ts), get them, a batch per transaction.
const EVENTS_WITHOUT_SPAN = `
  MATCH (e:Event)
  WHERE e.timeOrder IS NULL OR e.spanStart IS NULL OR e.spanEnd IS NULL
     OR e.spanStart <> coalesce(e.startTime, datetime('${SPAN_MIN}'))
     OR e.spanEnd <> coalesce(e.endTime, datetime('${SPAN_MAX}'))
  WITH e LIMIT $batch
  ${SET_EVENT_SPAN('e')}
  RETURN count(e) AS filled`;
const SPAN_BATCH = 10_000;
/**
 * The marker of the span backfill: every writer has stored the span since, so it runs once (again
 * since the time order joined the span and its far past and future moved: the marker's name
 * changed with them).
 */
export const SPAN_MIGRATION = 'event-span-time-order-backfill';

// Claims and sources written before their folded text was stored get it (folded-text.ts), a
// batch per transaction, once.
const FOLDED_BATCH = 5_000;
export const FOLDED_MIGRATION = 'folded-text-backfill';
async function backfillFoldedText(scope: ReturnType<Database['scope']>): Promise<void> {
  for (const { label, property, read, fold } of FOLDED_TEXT) {
    for (;;) {
      const filled = await scope.write(async (tx) => {
        const rows = await tx.run(
          `MATCH (n:${label}) WHERE n.${property} IS NULL RETURN n.id AS id, ${read} LIMIT $batch`,
          { batch: neo4j.int(FOLDED_BATCH) },
        );
        const values = rows.map((row) => ({
          id: row.get('id') as string,
          value: fold(row.toObject() as Record<string, string | null>),
        }));
        await tx.run(`UNWIND $values AS v MATCH (n:${label} {id: v.id}) SET n.${property} = v.value`, { values });
        return rows.length;
      });
      if (filled < FOLDED_BATCH) break;
    }
  }
}

/**
 * Several API replicas start together on one database: IF NOT EXISTS does not stop two of them
 * from creating the same index at once, and the slower one is told it exists. That is success.
 */
function createdMeanwhile(error: unknown): void {
  const code = (error as { code?: unknown } | null)?.code;
  if (
    typeof code === 'string' &&
    /^Neo\.ClientError\.Schema\.(EquivalentSchemaRuleAlreadyExists|IndexAlreadyExists|ConstraintAlreadyExists)$/.test(
      code,
    )
  )
    return;
  throw error;
}

export async function migrate(db: Database): Promise<void> {
  const scope = db.scope(60_000);
  for (const statement of MIGRATIONS) await scope.write((tx) => tx.run(statement)).catch(createdMeanwhile);
  await ensureSearchIndexes(scope);
  // A new index over an existing graph is populated before the server reports ready: a full-text
  // index over 100k events' claims takes longer than a transaction's minute on a busy machine.
  await db.scope(INDEX_WAIT_S * 1000 + 5_000).write((tx) => tx.run(`CALL db.awaitIndexes(${INDEX_WAIT_S})`));
  await migrateFigures(scope);
  await once(scope, FOLDED_MIGRATION, () => backfillFoldedText(scope));
  await once(scope, SPAN_MIGRATION, async () => {
    for (;;) {
      const rows = await scope.write((tx) => tx.run(EVENTS_WITHOUT_SPAN, { batch: neo4j.int(SPAN_BATCH) }));
      if (Number(rows[0]?.get('filled') ?? 0) < SPAN_BATCH) break;
    }
  });
}

/** Runs a data migration unless its marker says it ran, then sets the marker. */
async function once(scope: ReturnType<Database['scope']>, id: string, run: () => Promise<void>): Promise<void> {
  const done = await scope.write((tx) => tx.run('MATCH (m:Migration {id: $id}) RETURN m.id AS id', { id }));
  if (done.length > 0) return;
  await run();
  await scope.write((tx) => tx.run('MERGE (m:Migration {id: $id}) ON CREATE SET m.appliedAt = datetime()', { id }));
}
