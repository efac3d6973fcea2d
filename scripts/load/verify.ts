/**
 * After the load: looks for every acknowledged write in the database itself, through the driver
 * (not through the API under test). A claim counts as there only when it is whole: its text, its
 * REPORTED_IN link to its source, its asserting actor, its event ABOUT it with the OCCURRED_AT
 * place link and every participant, both fact edges naming the claim in `claimIds`, and its audit
 * entry. A corroboration or dispute counts when its SUPPORTS or CONTRADICTS edge is there.
 * Anything else is a lost acknowledged write. Controls that cannot be whole are checked first,
 * so a check that could never find a loss fails the run.
 */
import type { Database } from '../../src/graph/core/database.js';
import type { AcknowledgedClaim, AcknowledgedEvidence, Ledger } from './mix.js';

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

/** The acknowledged claims among `claims` that are missing or not whole. */
async function missingClaims(db: Database, claims: readonly AcknowledgedClaim[]): Promise<string[]> {
  const scope = db.scope(120_000);
  const lost: string[] = [];
  for (let i = 0; i < claims.length; i += BATCH) {
    const batch = claims.slice(i, i + BATCH);
    const rows = await scope.read(WHOLE_CLAIMS, { claims: batch });
    const byId = new Map(rows.map((row) => [row.get('id') as string, row.toObject() as Record<string, unknown>]));
    for (const claim of batch) {
      const row = byId.get(claim.claimId);
      if (!row || !whole(row, claim)) lost.push(claim.claimId);
    }
  }
  return lost;
}

/**
 * Controls that must come out lost, or the check itself is broken: a claim never written, and
 * copies of a real one with its place, or its source, changed; a real corroboration turned into
 * a dispute (or the reverse).
 */
async function checkTheCheck(db: Database, ledger: Ledger): Promise<void> {
  const sample = ledger.claims[0];
  const controls: AcknowledgedClaim[] = [
    {
      claimId: 'claim:load-control-never-written',
      text: 'never written',
      sourceId: 'source:none',
      assertedById: 'actor:none',
      eventId: 'event:none',
      placeId: 'place:none',
      participantIds: [],
    },
  ];
  if (sample) {
    controls.push({ ...sample, placeId: `${sample.placeId}-elsewhere` });
    controls.push({ ...sample, sourceId: `${sample.sourceId}-other` });
  }
  for (const control of controls) {
    if ((await missingClaims(db, [control])).length !== 1) {
      throw new Error(`The lost-write check is broken: it finds ${JSON.stringify(control)} whole.`);
    }
  }
  const evidence = ledger.evidence[0];
  if (evidence) {
    const swapped = { ...evidence, kind: evidence.kind === 'SUPPORTS' ? 'CONTRADICTS' : 'SUPPORTS' } as const;
    if ((await missingEvidence(db, [swapped])).length !== 1) {
      throw new Error(`The lost-write check is broken: it finds ${JSON.stringify(swapped)} there.`);
    }
  }
}

/** The acknowledged corroborations and disputes whose edge is missing, by source id. */
async function missingEvidence(db: Database, evidence: readonly AcknowledgedEvidence[]): Promise<string[]> {
  const scope = db.scope(120_000);
  const lost: string[] = [];
  for (let i = 0; i < evidence.length; i += BATCH) {
    const rows = await scope.read(EVIDENCE, { evidence: evidence.slice(i, i + BATCH) });
    for (const row of rows) if (row.get('links') !== 1) lost.push(`${String(row.get('sourceId'))} (evidence)`);
  }
  return lost;
}

export async function verifyLedger(db: Database, ledger: Ledger): Promise<Verification> {
  await checkTheCheck(db, ledger);
  const lost = [...(await missingClaims(db, ledger.claims)), ...(await missingEvidence(db, ledger.evidence))];
  return { claimsChecked: ledger.claims.length, evidenceChecked: ledger.evidence.length, lost };
}
