/**
 * Evidence on an existing claim: a source that corroborates it (SUPPORTS) or disputes it
 * (CONTRADICTS), each in one transaction that re-derives the claim's status and the status of
 * every fact edge it backs. A source cannot both support and contradict one claim.
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
import { requireEvery } from './checks.js';
import { inOneTransaction } from './transaction.js';

type Stance = 'SUPPORTS' | 'CONTRADICTS';

const CURRENT_STANCE = `
  MATCH (s:Source {id: $sourceId}), (c:Claim {id: $claimId})
  RETURN EXISTS { (c)-[:REPORTED_IN]->(s) } AS reports,
         EXISTS { (s)-[:SUPPORTS]->(c) } AS supports,
         EXISTS { (s)-[:CONTRADICTS]->(c) } AS contradicts`;

const ADD_STANCE: Record<Stance, string> = {
  SUPPORTS: `
    MATCH (s:Source {id: $sourceId}), (c:Claim {id: $claimId})
    MERGE (s)-[r:SUPPORTS]->(c) ON CREATE SET r.at = datetime(), r.by = $by, r.note = $note
    SET c.updatedAt = datetime()`,
  CONTRADICTS: `
    MATCH (s:Source {id: $sourceId}), (c:Claim {id: $claimId})
    MERGE (s)-[r:CONTRADICTS]->(c) ON CREATE SET r.at = datetime(), r.by = $by, r.note = $note
    SET c.updatedAt = datetime()`,
};

const ACTION: Record<Stance, string> = { SUPPORTS: 'corroborateClaim', CONTRADICTS: 'disputeClaim' };

async function addEvidence(tx: WriteTx, input: EvidenceInput, stance: Stance, log: AuditLog): Promise<string> {
  await requireEvery(tx, [
    { label: 'Claim', id: input.claimId, field: 'input.claimId' },
    { label: 'Source', id: input.sourceId, field: 'input.sourceId' },
  ]);
  const [row] = await tx.run(CURRENT_STANCE, input);
  const opposite = stance === 'SUPPORTS' ? row?.get('contradicts') : row?.get('reports') || row?.get('supports');
  if (opposite === true) {
    throw badInput(
      `input.sourceId: ${input.sourceId} already ${stance === 'SUPPORTS' ? 'contradicts' : 'reports or supports'} ${input.claimId}; a source cannot both support and contradict a claim.`,
      'input.sourceId',
    );
  }
  const already = stance === 'SUPPORTS' ? row?.get('supports') || row?.get('reports') : row?.get('contradicts');
  if (already !== true) {
    await tx.run(ADD_STANCE[stance], { ...input, note: input.note ?? null, by: log.by });
    const statuses = await refreshStatuses(tx, [input.claimId]);
    log.record(input.claimId, {
      [stance === 'SUPPORTS' ? 'supportedBy' : 'contradictedBy']: input.sourceId,
      note: input.note ?? null,
      status: statuses.get(input.claimId),
    });
  }
  return input.claimId;
}

function evidenceMutation(stance: Stance) {
  return async (db: DbScope, raw: unknown, writer: Writer): Promise<ClaimObject> => {
    const input = parseInput(claimEvidenceInput, raw);
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

/** Mutation corroborateClaim: a source that supports the claim. */
export const corroborateClaim = evidenceMutation('SUPPORTS');
/** Mutation disputeClaim: a source that contradicts the claim. */
export const disputeClaim = evidenceMutation('CONTRADICTS');
