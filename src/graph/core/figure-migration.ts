/**
 * The data migration to claims that carry what they assert, run once at start-up (a Migration
 * marker) over a graph written before it:
 *
 * 1. A claim is ABOUT every node of the fact edges it backs (participants, places, linked events,
 *    the actors of its relations), and its ABOUT edge to an event it states (backs the event's
 *    participation, place, or its own part-of / follows link) carries `states: true`.
 * 2. An event's own figures (fatalitiesLow/High/Best, set by the old EventInput.fatalities)
 *    become a KILLED figure, group UNKNOWN, stated by the first claim that states the event (else
 *    the first claim about it); the event keeps the figure's range as its derived range, with no
 *    best (write/figures.ts). An event no claim is about keeps its numbers: there is no claimant
 *    to give them to.
 *
 * Claims go in batches by id, events in batches of those still to migrate, each batch its own
 * transaction.
 */
import neo4j from 'neo4j-driver';
import type { DbScope } from './database.js';

export const FIGURE_MIGRATION = 'claims-carry-figures';
const BATCH = 5_000;

const ABOUT_WHAT_IT_BACKS = `
  MATCH (c:Claim) WHERE c.id > $after
  WITH c ORDER BY c.id LIMIT $batch
  CALL (c) {
    MATCH (c)-[:ABOUT]->()-[r]-()
    WHERE r.claimIds IS NOT NULL AND c.id IN r.claimIds
    WITH DISTINCT c, r
    WITH c, r, startNode(r) AS from, endNode(r) AS to
    FOREACH (n IN [from, to] | MERGE (c)-[:ABOUT]->(n))
    WITH c, r, from, to,
      CASE type(r)
        WHEN 'PARTICIPATED_IN' THEN to WHEN 'OCCURRED_AT' THEN from
        WHEN 'FOLLOWED_BY' THEN to
        WHEN 'PART_OF' THEN CASE WHEN from:Event THEN from END
      END AS stated
    WITH c, stated WHERE stated:Event
    MATCH (c)-[a:ABOUT]->(stated)
    SET a.states = true
  }
  RETURN max(c.id) AS last, count(c) AS done`;

const FIGURES_FROM_EVENTS = `
  MATCH (e:Event)
  WHERE (e.fatalitiesLow IS NOT NULL OR e.fatalitiesHigh IS NOT NULL OR e.fatalitiesBest IS NOT NULL)
    AND NOT EXISTS { (e)<-[:OF_EVENT]-(:Figure) } AND EXISTS { (:Claim)-[:ABOUT]->(e) }
  WITH e LIMIT $batch
  CALL (e) {
    MATCH (c:Claim)-[a:ABOUT]->(e)
    WITH e, c, coalesce(a.states, false) AS states ORDER BY states DESC, c.createdAt, c.id LIMIT 1
    CREATE (c)-[:STATES]->(f:Figure {
      id: c.id + '#figure-' + e.id, kind: 'KILLED', group: 'UNKNOWN',
      low: e.fatalitiesLow, high: e.fatalitiesHigh, best: e.fatalitiesBest, approximate: null,
      createdAt: datetime()
    })-[:OF_EVENT]->(e)
  }
  SET e.fatalitiesLow = coalesce(e.fatalitiesLow, e.fatalitiesBest, e.fatalitiesHigh),
      e.fatalitiesHigh = coalesce(e.fatalitiesHigh, e.fatalitiesBest, e.fatalitiesLow),
      e.fatalitiesBest = null
  RETURN count(e) AS done`;

export async function migrateFigures(scope: DbScope): Promise<void> {
  const marked = await scope.write((tx) =>
    tx.run('MATCH (m:Migration {id: $id}) RETURN m.id AS id', { id: FIGURE_MIGRATION }),
  );
  if (marked.length > 0) return;
  for (let after = ''; ;) {
    const [row] = await scope.write((tx) => tx.run(ABOUT_WHAT_IT_BACKS, { after, batch: neo4j.int(BATCH) }));
    if (Number(row?.get('done') ?? 0) < BATCH) break;
    after = row!.get('last') as string;
  }
  for (;;) {
    const [row] = await scope.write((tx) => tx.run(FIGURES_FROM_EVENTS, { batch: neo4j.int(BATCH) }));
    if (Number(row?.get('done') ?? 0) < BATCH) break;
  }
  await scope.write((tx) =>
    tx.run('MERGE (m:Migration {id: $id}) ON CREATE SET m.appliedAt = datetime()', { id: FIGURE_MIGRATION }),
  );
}
