/**
 * Evidence on an existing claim, each in one transaction that re-derives the claim's status and
 * the status of every fact edge it backs. Evidence is a source that corroborates it (SUPPORTS) or
 * disputes it (CONTRADICTS), or a party, through a claim of theirs (`byClaimId`):
 * `(:Claim)-[:CORROBORATES|DISPUTES {sourceIds, note}]->(:Claim)`, the party being that claim's
 * asserting actor.
 *
 * A party's claim brings its sources: those it is reported in or supported by (or the one
 * `sourceId` names among them) support or contradict the claim, so the status follows the
 * documented rules. A source that already reports the claim is not turned against it — an article
 * that relays both sides contradicts neither — and a live party claim that disputes it makes it
 * DISPUTED all the same (claim-status.ts). A source, or a party's claim, cannot both support and
 * contradict one claim.
 */
import { badInput } from '../../errors.js';
import { type EvidenceInput, claimEvidenceInput } from '../../inputs/claim.js';
import { parseInput } from '../../inputs/fields.js';
import { AuditLog, type Writer } from './audit.js';
import { refreshStatuses } from './claim-status.js';
import { readClaim } from './claim.js';
import type { DbScope, WriteTx } from '../core/database.js';
import { once } from './idempotency.js';
import type { ClaimObject } from '../core/mapping.js';
import { type Reference, requireEvery } from './checks.js';
import { inOneTransaction } from './transaction.js';
import type { ClaimEvidenceInput } from '../../generated/graphql.js';

type Stance = 'SUPPORTS' | 'CONTRADICTS';

const CURRENT_STANCE = `
  MATCH (c:Claim {id: $claimId})
  UNWIND $sourceIds AS sourceId
  MATCH (s:Source {id: sourceId})
  RETURN s.id AS id,
         EXISTS { (c)-[:REPORTED_IN]->(s) } AS reports,
         EXISTS { (s)-[:SUPPORTS]->(c) } AS supports,
         EXISTS { (s)-[:CONTRADICTS]->(c) } AS contradicts`;

const ADD_STANCE: Record<Stance, string> = {
  SUPPORTS: `
    MATCH (c:Claim {id: $claimId})
    UNWIND $sourceIds AS sourceId
    MATCH (s:Source {id: sourceId})
    MERGE (s)-[r:SUPPORTS]->(c) ON CREATE SET r.at = datetime(), r.by = $by, r.note = $note, r.byClaimId = $byClaimId
    SET c.updatedAt = datetime()`,
  CONTRADICTS: `
    MATCH (c:Claim {id: $claimId})
    UNWIND $sourceIds AS sourceId
    MATCH (s:Source {id: sourceId})
    MERGE (s)-[r:CONTRADICTS]->(c) ON CREATE SET r.at = datetime(), r.by = $by, r.note = $note, r.byClaimId = $byClaimId
    SET c.updatedAt = datetime()`,
};

// The party's claim: its sources, and whether it already stands for or against the claim.
const PARTY_CLAIM = `
  MATCH (by:Claim {id: $byClaimId}), (c:Claim {id: $claimId})
  RETURN [(by)-[:REPORTED_IN]->(s:Source) | s.id] + [(s:Source)-[:SUPPORTS]->(by) | s.id] AS sourceIds,
         EXISTS { (by)-[:CORROBORATES]->(c) } AS corroborates,
         EXISTS { (by)-[:DISPUTES]->(c) } AS disputes,
         coalesce(by.retracted, false) AS retracted`;

const ADD_PARTY: Record<Stance, string> = {
  SUPPORTS: `
    MATCH (by:Claim {id: $byClaimId}), (c:Claim {id: $claimId})
    MERGE (by)-[r:CORROBORATES]->(c)
    ON CREATE SET r.at = datetime(), r.by = $by, r.note = $note, r.sourceIds = $sourceIds
    SET c.updatedAt = datetime()`,
  CONTRADICTS: `
    MATCH (by:Claim {id: $byClaimId}), (c:Claim {id: $claimId})
    MERGE (by)-[r:DISPUTES]->(c)
    ON CREATE SET r.at = datetime(), r.by = $by, r.note = $note, r.sourceIds = $sourceIds
    SET c.updatedAt = datetime()`,
};

const ACTION: Record<Stance, string> = { SUPPORTS: 'corroborateClaim', CONTRADICTS: 'disputeClaim' };

/** The sources a party's claim brings (all of its own, or the one `sourceId` names among them). */
async function partySources(tx: WriteTx, input: EvidenceInput, stance: Stance): Promise<string[]> {
  const [row] = await tx.run(PARTY_CLAIM, input);
  if (row?.get('retracted') === true)
    throw badInput(
      `input.byClaimId: ${input.byClaimId} is retracted; a retracted claim stands for nothing.`,
      'input.byClaimId',
    );
  const opposite = stance === 'SUPPORTS' ? row?.get('disputes') : row?.get('corroborates');
  if (opposite === true)
    throw badInput(
      `input.byClaimId: ${input.byClaimId} already ${stance === 'SUPPORTS' ? 'disputes' : 'corroborates'} ${input.claimId}; a party's claim cannot both corroborate and dispute it.`,
      'input.byClaimId',
    );
  const own = [...new Set(row?.get('sourceIds') as string[])];
  if (input.sourceId === undefined) return own;
  if (!own.includes(input.sourceId))
    throw badInput(
      `input.sourceId: ${input.sourceId} is not a source of ${input.byClaimId} (its sources: ${own.join(', ')}); leave sourceId out to bring all of them.`,
      'input.sourceId',
    );
  return [input.sourceId];
}

async function addEvidence(tx: WriteTx, input: EvidenceInput, stance: Stance, log: AuditLog): Promise<string> {
  const refs: Reference[] = [{ label: 'Claim', id: input.claimId, field: 'input.claimId' }];
  if (input.byClaimId) refs.push({ label: 'Claim', id: input.byClaimId, field: 'input.byClaimId' });
  if (input.sourceId) refs.push({ label: 'Source', id: input.sourceId, field: 'input.sourceId' });
  await requireEvery(tx, refs);

  const offered = input.byClaimId ? await partySources(tx, input, stance) : [input.sourceId!];
  const rows = await tx.run(CURRENT_STANCE, { claimId: input.claimId, sourceIds: offered });
  const backs = (r: (typeof rows)[number]) => r.get('reports') === true || r.get('supports') === true;
  const against = (r: (typeof rows)[number]) => r.get('contradicts') === true;
  const conflicting = rows.find(stance === 'SUPPORTS' ? against : (r) => !input.byClaimId && backs(r));
  if (conflicting) {
    const sourceId = conflicting.get('id') as string;
    throw badInput(
      `input.${input.byClaimId ? 'byClaimId' : 'sourceId'}: ${sourceId} already ${stance === 'SUPPORTS' ? 'contradicts' : 'reports or supports'} ${input.claimId}; a source cannot both support and contradict a claim.`,
      input.byClaimId ? 'input.byClaimId' : 'input.sourceId',
    );
  }
  // Sources already standing this way add nothing; a party's source that reports the claim too
  // (the article relaying both sides) is not turned against it.
  const added = rows
    .filter((r) => (stance === 'SUPPORTS' ? !backs(r) : !against(r) && !backs(r)))
    .map((r) => r.get('id') as string);
  const params = { claimId: input.claimId, byClaimId: input.byClaimId ?? null, note: input.note ?? null, by: log.by };
  if (added.length > 0) await tx.run(ADD_STANCE[stance], { ...params, sourceIds: added });
  if (input.byClaimId) await tx.run(ADD_PARTY[stance], { ...params, sourceIds: offered });
  if (added.length > 0 || input.byClaimId) {
    const statuses = await refreshStatuses(tx, [input.claimId]);
    log.record(input.claimId, {
      // A source alone is recorded as before; a party's claim, with the sources it brought.
      [stance === 'SUPPORTS' ? 'supportedBy' : 'contradictedBy']: input.byClaimId ? added : input.sourceId,
      ...(input.byClaimId
        ? { [stance === 'SUPPORTS' ? 'corroboratedByClaim' : 'disputedByClaim']: input.byClaimId }
        : {}),
      note: input.note ?? null,
      status: statuses.get(input.claimId),
    });
  }
  return input.claimId;
}

function evidenceMutation(stance: Stance) {
  return async (db: DbScope, given: ClaimEvidenceInput, writer: Writer): Promise<ClaimObject> => {
    const input = parseInput(claimEvidenceInput, given);
    return inOneTransaction(db, async (tx) => {
      const log = new AuditLog(writer, ACTION[stance]);
      const { id } = await once(
        tx,
        writer.identity,
        input.idempotencyKey,
        ACTION[stance],
        () => addEvidence(tx, input, stance, log),
        input,
      );
      await log.flush(tx);
      return readClaim(tx, id);
    });
  };
}

/** Mutation corroborateClaim: a source, or a party's claim, that supports the claim. */
export const corroborateClaim = evidenceMutation('SUPPORTS');
/** Mutation disputeClaim: a source, or a party's claim, that contradicts the claim. */
export const disputeClaim = evidenceMutation('CONTRADICTS');
