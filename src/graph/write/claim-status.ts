/**
 * Claim status in the database: `refreshStatuses` reads a claim's evidence, stores the status the
 * rule derives (src/domain/claim-status.ts), then recomputes every fact edge that carries the
 * claim's id. The write path calls it after any change to a claim's evidence.
 */
import neo4j from 'neo4j-driver';
import type { Database, WriteTx } from '../core/database.js';
import {
  deriveClaimStatus,
  independentOrigins,
  STATUS_STRENGTH,
  type ClaimStatus,
  type EvidenceSource,
} from '../../domain/claim-status.js';

/**
 * Appended to a MERGE of a fact edge `r`: the edge gains the claim's id ($claimId) once. Its
 * status is set by refreshStatuses once the claim's own status is known.
 */
export const BACKED_BY_CLAIM = `
  ON CREATE SET r.claimIds = [$claimId], r.status = 'REPORTED', r.createdAt = datetime()
  ON MATCH SET r.claimIds = CASE WHEN $claimId IN r.claimIds THEN r.claimIds ELSE r.claimIds + $claimId END`;

const READ_EVIDENCE = `
  UNWIND $claimIds AS claimId
  MATCH (c:Claim {id: claimId})
  CALL (c) {
    OPTIONAL MATCH (s:Source)-[:REPORTED_IN|SUPPORTS]-(c)
    WITH DISTINCT s WHERE s IS NOT NULL
    RETURN collect({
      id: s.id, publisher: s.publisher,
      citesIds: [(s)-[:CITES]->(cited:Source) | cited.id]
    }) AS evidence
  }
  RETURN c.id AS id, evidence,
    EXISTS { (:Source)-[:CONTRADICTS]->(c) }
      OR EXISTS { (k:Claim)-[:DISPUTES]->(c) WHERE NOT coalesce(k.retracted, false) } AS contradicted,
    coalesce(c.notIndependentlyVerified, false) AS notIndependentlyVerified`;

// Stores the claims' statuses and independent origins (read by Claim.independentOrigins and the
// claims filter, so a read never re-derives them), then re-ranks the fact edges they back. Every fact edge a claim
// backs touches a node the claim is ABOUT (its events, the actors of its relations), so the edges
// are found from the claim without scanning relationships. An edge's status ranks its
// non-retracted claims; when all are retracted it keeps ranking them all.
const STORE_STATUSES = `
  UNWIND $statuses AS s
  MATCH (c:Claim {id: s.id})
  SET c.status = s.status, c.independentOrigins = s.origins
  WITH collect(c) AS claims
  UNWIND claims AS c
  MATCH (c)-[:ABOUT]->(n)-[r]-()
  WHERE r.claimIds IS NOT NULL AND c.id IN r.claimIds
  WITH DISTINCT r
  CALL (r) {
    UNWIND r.claimIds AS backingId
    MATCH (k:Claim {id: backingId})
    WITH collect(k) AS all
    WITH all, [k IN all WHERE NOT coalesce(k.retracted, false)] AS live
    RETURN [k IN CASE WHEN size(live) > 0 THEN live ELSE all END | k.status] AS statuses
  }
  WITH r, [s IN $strength WHERE s IN statuses][0] AS status
  SET r.status = coalesce(status, r.status)`;

/** Re-derives and stores the status (and independent origins) of these claims, then of every fact edge they back. */
export async function refreshStatuses(tx: WriteTx, claimIds: readonly string[]): Promise<Map<string, ClaimStatus>> {
  const rows = await tx.run(READ_EVIDENCE, { claimIds });
  const statuses = new Map<string, ClaimStatus>();
  const stored: { id: string; status: ClaimStatus; origins: number }[] = [];
  for (const row of rows) {
    const id = row.get('id') as string;
    const evidence = row.get('evidence') as EvidenceSource[];
    const status = deriveClaimStatus({
      evidence,
      contradicted: row.get('contradicted') as boolean,
      notIndependentlyVerified: row.get('notIndependentlyVerified') as boolean,
    });
    statuses.set(id, status);
    stored.push({ id, status, origins: independentOrigins(evidence) });
  }
  await tx.run(STORE_STATUSES, { statuses: stored, strength: STATUS_STRENGTH });
  return statuses;
}

// Claims stored before their independent origins were: re-derived (status and origins) a batch
// per transaction, once — a marker says it is done, so a start does not rescan the claims.
const CLAIMS_WITHOUT_ORIGINS = `
  MATCH (c:Claim) WHERE c.independentOrigins IS NULL
  RETURN c.id AS id LIMIT $batch`;
const ORIGINS_BATCH = 1_000;
export const ORIGINS_MIGRATION = 'claim-origins-backfill';

/** Stores the independent origins of every claim that lacks them (run at start-up, after migrate). */
export async function backfillIndependentOrigins(db: Database): Promise<void> {
  const scope = db.scope(60_000);
  const done = await scope.read('MATCH (m:Migration {id: $id}) RETURN m.id AS id', { id: ORIGINS_MIGRATION });
  if (done.length > 0) return;
  for (;;) {
    const filled = await scope.write(async (tx) => {
      const rows = await tx.run(CLAIMS_WITHOUT_ORIGINS, { batch: neo4j.int(ORIGINS_BATCH) });
      const ids = rows.map((row) => row.get('id') as string);
      if (ids.length > 0) await refreshStatuses(tx, ids);
      return ids.length;
    });
    if (filled < ORIGINS_BATCH) break;
  }
  await scope.write((tx) =>
    tx.run('MERGE (m:Migration {id: $id}) ON CREATE SET m.appliedAt = datetime()', { id: ORIGINS_MIGRATION }),
  );
}
