/**
 * A claim sent twice is one claim. Each claim stores a fingerprint of what it says — its text and
 * quote (spacing folded), who asserts it, its sources by stance, and its statements (events,
 * relations, about, figures) as written — and a new claim with the fingerprint of a live claim is
 * refused (DUPLICATE_CLAIM) naming it, unless the request marks it a separate claim
 * (`separateClaim: true`: two witnesses can say the same words). Idempotency keys cover retries
 * in flight; this covers a report entered twice.
 */
import { createHash } from 'node:crypto';
import { appError, ErrorCode } from '../../errors.js';
import type { WriteTx } from '../core/database.js';
import type { AddClaim } from '../../inputs/claim.js';
import { fingerprintOf } from './idempotency.js';

const fold = (text: string | undefined) => (text ?? '').replace(/\s+/gu, ' ').trim();
const sorted = (ids: readonly string[] | undefined) => [...new Set(ids ?? [])].sort();

/** The fingerprint of what a claim says, with its asserter resolved to an id. */
export function claimFingerprint(input: AddClaim, assertedById: string): string {
  const {
    id: _id,
    idempotencyKey: _key,
    separateClaim: _separate,
    text,
    quote,
    assertedBy: _asserter,
    sourceIds,
    supportingSourceIds,
    contradictingSourceIds,
    ...statements
  } = input as AddClaim & { separateClaim?: boolean };
  return createHash('sha256')
    .update(
      JSON.stringify([
        fold(text),
        fold(quote),
        assertedById,
        sorted(sourceIds),
        sorted(supportingSourceIds),
        sorted(contradictingSourceIds),
        fingerprintOf(statements),
      ]),
    )
    .digest('hex');
}

const SAME_CLAIM = `
  MATCH (c:Claim {fingerprint: $fingerprint})
  WHERE NOT coalesce(c.retracted, false)
  RETURN c.id AS id ORDER BY c.createdAt LIMIT 1`;

const MARK = `MATCH (c:Claim {id: $id}) SET c.fingerprint = $fingerprint`;

/**
 * Refuses a claim identical to a live one (unless it is marked separate); returns its
 * fingerprint, to store with `markFingerprint` once the claim is written.
 */
export async function refuseDuplicate(
  tx: WriteTx,
  input: AddClaim,
  assertedById: string,
  field: string,
): Promise<string> {
  const fingerprint = claimFingerprint(input, assertedById);
  if ((input as { separateClaim?: boolean }).separateClaim) return fingerprint;
  const [row] = await tx.run(SAME_CLAIM, { fingerprint });
  const existing = row?.get('id') as string | undefined;
  if (existing) throw duplicate(field, existing);
  return fingerprint;
}

const SAME_CLAIMS = `
  UNWIND $fingerprints AS fingerprint
  CALL (fingerprint) {
    MATCH (c:Claim {fingerprint: fingerprint})
    WHERE NOT coalesce(c.retracted, false)
    RETURN c.id AS id ORDER BY c.createdAt LIMIT 1
  }
  RETURN fingerprint, id`;

/**
 * Refuses, in one query, the first of several new claims (fingerprinted, at their fields) that
 * is identical to a live claim or to one before it in the same request.
 */
export async function refuseDuplicates(
  tx: WriteTx,
  claims: readonly { fingerprint: string; field: string; separate: boolean }[],
): Promise<void> {
  const checked = claims.filter((c) => !c.separate);
  const rows = await tx.run(SAME_CLAIMS, { fingerprints: [...new Set(checked.map((c) => c.fingerprint))] });
  const existing = new Map(rows.map((r) => [r.get('fingerprint') as string, r.get('id') as string]));
  const earlier = new Map<string, string>();
  for (const { fingerprint, field } of checked) {
    const same = existing.get(fingerprint);
    if (same) throw duplicate(field, same);
    const before = earlier.get(fingerprint);
    if (before)
      throw appError(
        ErrorCode.DUPLICATE_CLAIM,
        `${field}: this request states the same claim twice, first at ${before}. Remove one, or set separateClaim: true if they are separate claims.`,
        { field, sameAs: before },
      );
    earlier.set(fingerprint, field);
  }
}

function duplicate(field: string, existing: string) {
  return appError(
    ErrorCode.DUPLICATE_CLAIM,
    `${field}: the same claim exists already: ${existing} (same text, asserter, sources and statements). Refer to it (corroborateClaim adds a source), or set separateClaim: true if this is a separate claim.`,
    { field, claimId: existing },
  );
}

export async function markFingerprint(tx: WriteTx, id: string, fingerprint: string): Promise<void> {
  await tx.run(MARK, { id, fingerprint });
}
