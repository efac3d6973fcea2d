/**
 * Constraints and indexes, created idempotently (IF NOT EXISTS) at start-up before the server
 * reports ready. Each index names the query that needs it.
 */
import type { Database } from './database.js';

export const MIGRATIONS: readonly string[] = [
  // Stable ids: every lookup by id is an index seek, and MERGE on id is race-free.
  'CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT audit_id IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.id IS UNIQUE',
  // Names and aliases: one node per normalised key; the constraint makes concurrent
  // "create actor FAMa" writes converge on one node.
  'CREATE CONSTRAINT name_key IF NOT EXISTS FOR (n:Name) REQUIRE n.key IS UNIQUE',
  'CREATE CONSTRAINT idempotency_key IF NOT EXISTS FOR (n:IdempotencyKey) REQUIRE n.key IS UNIQUE',
  // Filters and orderings of the list queries.
  'CREATE INDEX event_start IF NOT EXISTS FOR (n:Event) ON (n.startTime)',
  'CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.type)',
  'CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name)',
  'CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind)',
  'CREATE INDEX place_kind IF NOT EXISTS FOR (n:Place) ON (n.kind)',
  'CREATE INDEX source_kind IF NOT EXISTS FOR (n:Source) ON (n.kind)',
  'CREATE INDEX claim_status IF NOT EXISTS FOR (n:Claim) ON (n.status)',
  'CREATE INDEX audit_target IF NOT EXISTS FOR (n:AuditEntry) ON (n.targetId)',
  // eventsNear: distance() predicates on Place.location use the point index.
  'CREATE POINT INDEX place_location IF NOT EXISTS FOR (n:Place) ON (n.location)',
  // search: one ranked, accent-folding ("Lere" finds Léré) index over all searchable text.
  `CREATE FULLTEXT INDEX search_text IF NOT EXISTS
     FOR (n:Actor|Place|Event|Claim) ON EACH [n.name, n.aliasText, n.description, n.text]
     OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding' } }`,
];

export async function migrate(db: Database): Promise<void> {
  const scope = db.scope(60_000);
  for (const statement of MIGRATIONS) await scope.write((tx) => tx.run(statement));
  await scope.write((tx) => tx.run('CALL db.awaitIndexes(60)'));
}
