/**
 * mergePlaces (admin): two records of one place become one, as mergeActors does for actors.
 * Everything of the duplicate moves to the kept place — the events that occurred there (their
 * claimIds united), the places inside it, the claims about it, its names, aliases and gazetteer
 * codes — then the duplicate is removed, in one transaction; its id keeps resolving to the kept
 * place (merged-ids.ts) and its history stays readable from either id. A relationship type this
 * module does not know is refused rather than lost.
 */
import { appError, ErrorCode } from '../../errors.js';
import { parseInput } from '../../inputs/fields.js';
import { mergePlacesInput } from '../../inputs/place.js';
import { AuditLog, type Writer } from './audit.js';
import { refreshStatuses } from './claim-status.js';
import type { DbScope, WriteTx } from '../core/database.js';
import type { PlaceObject } from '../core/mapping.js';
import { requireEvery } from './checks.js';
import { recordMerge } from './merged-ids.js';
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

async function moveEverything(tx: WriteTx, keepId: string, mergeId: string): Promise<string[]> {
  const params = { keepId, mergeId };
  const claimIds = new Set<string>();
  for (const statement of [MOVE_OCCURRENCES, MOVE_HIERARCHY, MOVE_PROVENANCE]) {
    for (const row of await tx.run(statement, params))
      for (const id of row.get('claimIds') as string[]) claimIds.add(id);
  }
  const [left] = await tx.run(LEFT_OVER, params);
  const types = (left?.get('types') as string[] | undefined) ?? [];
  if (types.length > 0) {
    throw appError(
      ErrorCode.CONFLICT,
      `${mergeId} has relationships mergePlaces cannot move (${types.join(', ')}); nothing was merged. Report this so the merge learns them.`,
    );
  }
  return [...claimIds];
}

/** Mutation mergePlaces (admin): keeps `keepId`, removes `mergeId` after moving all it has. */
export async function mergePlaces(db: DbScope, given: MergePlacesInput, writer: Writer): Promise<PlaceObject> {
  const input = parseInput(mergePlacesInput, given);
  return inOneTransaction(db, async (tx) => {
    await requireEvery(tx, [
      { label: 'Place', id: input.keepId, field: 'input.keepId' },
      { label: 'Place', id: input.mergeId, field: 'input.mergeId' },
    ]);
    const log = new AuditLog(writer, 'mergePlaces');
    const claimIds = await moveEverything(tx, input.keepId, input.mergeId);
    const [row] = await tx.run(ABSORB, input);
    await recordMerge(tx, 'Place', input.keepId, input.mergeId);
    // United edges rank the claims of both records.
    await refreshStatuses(tx, claimIds);
    log.record(input.keepId, { mergedId: input.mergeId, merged: row?.get('merged') as unknown, claimIds });
    log.record(input.mergeId, { mergedInto: input.keepId });
    await log.flush(tx);
    return readPlace(tx, input.keepId);
  });
}
