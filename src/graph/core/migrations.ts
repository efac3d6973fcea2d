/**
 * Constraints and indexes, created idempotently (IF NOT EXISTS) at start-up before the server
 * reports ready. Each index names the query that needs it.
 */
import neo4j from 'neo4j-driver';
import type { Database } from './database.js';
import { SET_EVENT_SPAN } from './event-span.js';
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
  'CREATE INDEX audit_target IF NOT EXISTS FOR (n:AuditEntry) ON (n.targetId)',
  // Time windows (event-span.ts): index seeks on the span, the longest known span read from its index.
  'CREATE INDEX event_span_start IF NOT EXISTS FOR (n:Event) ON (n.spanStart)',
  'CREATE INDEX event_span_end IF NOT EXISTS FOR (n:Event) ON (n.spanEnd)',
  'CREATE INDEX event_span_days IF NOT EXISTS FOR (n:Event) ON (n.spanDays)',
  // eventsNear: distance() predicates on Place.location use the point index.
  'CREATE POINT INDEX place_location IF NOT EXISTS FOR (n:Place) ON (n.location)',
  // search: one ranked, accent-folding ("Lere" finds Léré) index over all searchable text.
  `CREATE FULLTEXT INDEX search_text IF NOT EXISTS
     FOR (n:Actor|Place|Event|Claim) ON EACH [n.name, n.aliasText, n.description, n.text]
     OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding' } }`,
];

// Events written before their span was stored get it, a batch per transaction (event-span.ts).
const EVENTS_WITHOUT_SPAN = `
  MATCH (e:Event) WHERE e.spanStart IS NULL
  WITH e LIMIT $batch
  ${SET_EVENT_SPAN('e')}
  RETURN count(e) AS filled`;
const SPAN_BATCH = 10_000;
/** The marker of the span backfill: every writer has stored the span since, so it runs once. */
export const SPAN_MIGRATION = 'event-span-backfill';

export async function migrate(db: Database): Promise<void> {
  const scope = db.scope(60_000);
  for (const statement of MIGRATIONS) await scope.write((tx) => tx.run(statement));
  await scope.write((tx) => tx.run('CALL db.awaitIndexes(60)'));
  await migrateFigures(scope);
  const done = await scope.write((tx) =>
    tx.run('MATCH (m:Migration {id: $id}) RETURN m.id AS id', { id: SPAN_MIGRATION }),
  );
  if (done.length > 0) return;
  for (;;) {
    const rows = await scope.write((tx) => tx.run(EVENTS_WITHOUT_SPAN, { batch: neo4j.int(SPAN_BATCH) }));
    if (Number(rows[0]?.get('filled') ?? 0) < SPAN_BATCH) break;
  }
  await scope.write((tx) =>
    tx.run('MERGE (m:Migration {id: $id}) ON CREATE SET m.appliedAt = datetime()', { id: SPAN_MIGRATION }),
  );
}
