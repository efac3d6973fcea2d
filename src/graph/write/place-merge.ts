/**
 * mergePlaces (admin): two records of one place become one, as mergeActors does for actors.
 * Everything of the duplicate moves to the kept place — the events that occurred there (their
 * claimIds united), the places inside it, the claims about it, its names, aliases and gazetteer
 * codes — then the duplicate is removed, in one transaction; its id keeps resolving to the kept
 * place (merged-ids.ts) and its history stays readable from either id. A relationship type this
 * module does not know is refused rather than lost.
 */
import { parseInput } from '../../inputs/fields.js';
import { mergePlacesInput } from '../../inputs/place.js';
import type { Writer } from './audit.js';
import type { DbScope } from '../core/database.js';
import type { PlaceObject } from '../core/mapping.js';
import { mergeRecords, type MergePlan } from './merged-ids.js';
import { readPlace } from './place.js';
import { inOneTransaction } from './transaction.js';
import type { MergePlacesInput } from '../../generated/graphql.js';

const MOVE_OCCURRENCES = `
  MATCH (e:Event)-[r:OCCURRED_AT]->(m:Place {id: $mergeId}), (k:Place {id: $keepId})
  MERGE (e)-[n:OCCURRED_AT]->(k)
  ON CREATE SET n.claimIds = r.claimIds, n.status = r.status, n.createdAt = r.createdAt
  ON MATCH SET n.claimIds = n.claimIds + [c IN r.claimIds WHERE NOT c IN n.claimIds]
  WITH r, r.claimIds AS claimIds DELETE r
  RETURN claimIds`;

// The places inside the duplicate move to the kept place; the kept place itself, if it lay inside
// the duplicate, takes the duplicate's parent instead (never a place inside itself).
const MOVE_HIERARCHY = `
  MATCH (m:Place {id: $mergeId}), (k:Place {id: $keepId})
  CALL (m, k) {
    MATCH (c:Place)-[r:LOCATED_IN]->(m) WHERE c <> k
    MERGE (c)-[:LOCATED_IN]->(k) DELETE r
  }
  CALL (m, k) {
    MATCH (k)-[r:LOCATED_IN]->(m) DELETE r
  }
  CALL (m, k) {
    MATCH (m)-[r:LOCATED_IN]->(up:Place)
    WHERE up <> k AND NOT EXISTS { (k)-[:LOCATED_IN]->() } AND NOT EXISTS { (up)-[:LOCATED_IN*1..]->(k) }
    MERGE (k)-[:LOCATED_IN]->(up)
  }
  CALL (m, k) {
    MATCH (m)-[r:LOCATED_IN]->() DELETE r
  }
  RETURN [] AS claimIds`;

const MOVE_PROVENANCE = `
  MATCH (m:Place {id: $mergeId}), (k:Place {id: $keepId})
  CALL (m, k) {
    MATCH (c:Claim)-[r:ABOUT]->(m) MERGE (c)-[:ABOUT]->(k) DELETE r
  }
  CALL (m, k) {
    MATCH (n:Name)-[r:NAMES]->(m) MERGE (n)-[:NAMES]->(k) DELETE r
  }
  RETURN [(c:Claim)-[:ABOUT]->(k) | c.id] AS claimIds`;

const LEFT_OVER = `
  MATCH (m:Place {id: $mergeId})-[r]-(o)
  WHERE NOT (o:Place AND o.id = $keepId)
  RETURN collect(DISTINCT type(r)) AS types`;

// Codes move after the duplicate is gone: each is unique, so both cannot hold one at once.
const ABSORB = `
  MATCH (m:Place {id: $mergeId}), (k:Place {id: $keepId})
  WITH m, k, [a IN [m.name] + m.aliases + k.aliases WHERE a <> k.name] AS names
  WITH m, k, reduce(acc = [], a IN names | CASE WHEN a IN acc THEN acc ELSE acc + a END) AS aliases
  SET k.aliases = aliases, k.aliasText = reduce(t = '', a IN aliases | t + CASE WHEN t = '' THEN '' ELSE ' | ' END + a),
      k.location = coalesce(k.location, m.location), k.updatedAt = datetime()
  WITH m, k, m {.name, .kind, .aliases, .geonamesId, .pcode} AS merged
  DETACH DELETE m
  SET k.geonamesId = coalesce(k.geonamesId, merged.geonamesId), k.pcode = coalesce(k.pcode, merged.pcode)
  RETURN merged`;

const PLAN: MergePlan = {
  label: 'Place',
  action: 'mergePlaces',
  moves: [MOVE_OCCURRENCES, MOVE_HIERARCHY, MOVE_PROVENANCE],
  leftOver: LEFT_OVER,
  absorb: ABSORB,
};

/** Mutation mergePlaces (admin): keeps `keepId`, removes `mergeId` after moving all it has. */
export async function mergePlaces(db: DbScope, given: MergePlacesInput, writer: Writer): Promise<PlaceObject> {
  const input = parseInput(mergePlacesInput, given);
  return inOneTransaction(db, async (tx) => {
    await mergeRecords(tx, PLAN, input, writer);
    return readPlace(tx, input.keepId);
  });
}
