/**
 * After the load: looks for every acknowledged write in the database itself, through the driver
 * (not through the API under test). A claim counts as there only when it is whole: its text, its
 * REPORTED_IN link to its source, its asserting actor, its event ABOUT it with the OCCURRED_AT
 * place link and every participant, both fact edges naming the claim in `claimIds`, and its audit
 * entry. A corroboration or dispute counts when its SUPPORTS or CONTRADICTS edge is there.
 * Anything else is a lost acknowledged write.
 */
import type { Database } from '../../src/graph/database.js';
import type { AcknowledgedClaim, Ledger } from './mix.js';

// One row per acknowledged claim; every lookup is by label and id.
const WHOLE_CLAIMS = `
  UNWIND $claims AS expected
  OPTIONAL MATCH (c:Claim {id: expected.claimId})
  OPTIONAL MATCH (e:Event {id: expected.eventId})
  RETURN expected.claimId AS id,
    c IS NOT NULL AND c.text = expected.text AS sameText,
    COUNT { (c)-[:REPORTED_IN]->(s:Source) WHERE s.id = expected.sourceId } AS reportedIn,
    COUNT { (c)-[:ASSERTED_BY]->(a:Actor) WHERE a.id = expected.assertedById } AS assertedBy,
    COUNT { (c)-[:ABOUT]->(e) } AS about,
    COUNT { (e)-[r:OCCURRED_AT]->(p:Place) WHERE p.id = expected.placeId AND expected.claimId IN r.claimIds } AS placed,
    COUNT {
      (a:Actor)-[r:PARTICIPATED_IN]->(e)
      WHERE a.id IN expected.participantIds AND expected.claimId IN r.claimIds
    } AS participants,
    COUNT { (entry:AuditEntry) WHERE entry.targetId = expected.claimId } AS audited`;

const EVIDENCE = `
  UNWIND $evidence AS expected
  OPTIONAL MATCH (s:Source {id: expected.sourceId})
  OPTIONAL MATCH (c:Claim {id: expected.claimId})
  RETURN expected.sourceId AS sourceId,
    COUNT { (s)-[r]->(c) WHERE type(r) = expected.kind } AS links`;

const BATCH = 500;

function whole(row: Record<string, unknown>, claim: AcknowledgedClaim): boolean {
  return (
    row.sameText === true &&
    row.reportedIn === 1 &&
    row.assertedBy === 1 &&
    row.about === 1 &&
    row.placed === 1 &&
    row.participants === claim.participantIds.length &&
    Number(row.audited) >= 1
  );
}

export interface Verification {
  claimsChecked: number;
  evidenceChecked: number;
  /** Ids of acknowledged claims missing or not whole, and sources whose evidence link is missing. */
  lost: string[];
}

export async function verifyLedger(db: Database, ledger: Ledger): Promise<Verification> {
  const scope = db.scope(120_000);
  const lost: string[] = [];
  for (let i = 0; i < ledger.claims.length; i += BATCH) {
    const claims = ledger.claims.slice(i, i + BATCH);
    const rows = await scope.read(WHOLE_CLAIMS, { claims });
    const byId = new Map(rows.map((row) => [row.get('id') as string, row.toObject() as Record<string, unknown>]));
    for (const claim of claims) {
      const row = byId.get(claim.claimId);
      if (!row || !whole(row, claim)) lost.push(claim.claimId);
    }
  }
  for (let i = 0; i < ledger.evidence.length; i += BATCH) {
    const evidence = ledger.evidence.slice(i, i + BATCH);
    const rows = await scope.read(EVIDENCE, { evidence });
    for (const row of rows) if (row.get('links') !== 1) lost.push(`${String(row.get('sourceId'))} (evidence)`);
  }
  return { claimsChecked: ledger.claims.length, evidenceChecked: ledger.evidence.length, lost };
}
