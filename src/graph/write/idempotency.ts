/**
 * Idempotency keys, as payment APIs keep them: a client-supplied key makes a retried write return
 * the first result, and the key remembers a fingerprint of the request it came with, so the same
 * key with a different request is refused (IDEMPOTENCY_KEY_REUSED, nothing written) instead of
 * answering with a result that is not this request's. The key node is MERGEd first thing in the
 * write's transaction: under its unique constraint a concurrent retry waits for the first attempt
 * to commit, then finds its result; if the first attempt rolls back, so does the key.
 */
import { createHash } from 'node:crypto';
import { appError, ErrorCode } from '../../errors.js';
import type { WriteTx } from '../core/database.js';

const CLAIM_KEY = `
  MERGE (k:IdempotencyKey {key: $key})
  ON CREATE SET k.at = datetime(), k.action = $action, k.fingerprint = $fingerprint
  RETURN k.resultId AS resultId, k.result AS result, k.action AS action, k.fingerprint AS fingerprint`;

const SETTLE_KEY = `
  MATCH (k:IdempotencyKey {key: $key})
  SET k.resultId = $resultId, k.result = $result`;

// Sorted keys, no nulls (GraphQL's null and an absent field mean the same), dates and URLs as text.
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof URL) return value.href;
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key, v]) => v !== null && v !== undefined && key !== 'idempotencyKey')
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, v]) => [key, canonical(v)]),
    );
  }
  return value;
}

/** The fingerprint of a request: a hash of its canonical JSON, its idempotency key left out. */
export function fingerprintOf(request: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(request)))
    .digest('hex');
}

const reused = (clientKey: string, message: string) =>
  appError(ErrorCode.IDEMPOTENCY_KEY_REUSED, `The idempotency key "${clientKey}" ${message}; nothing was written.`, {
    field: 'input.idempotencyKey',
    idempotencyKey: clientKey,
  });

/**
 * Runs `work` once per (identity, key): the first call does the work and remembers its result
 * (JSON) with the request's fingerprint; a later call with the same request returns that result
 * without writing, and one with another request or for another action is refused. Without a key,
 * just runs `work`.
 */
export async function onceValue<T>(
  tx: WriteTx,
  identity: string,
  clientKey: string | undefined,
  action: string,
  work: () => Promise<T>,
  request: unknown,
): Promise<{ value: T; replayed: boolean }> {
  if (clientKey === undefined) return { value: await work(), replayed: false };
  const key = `${identity}:${clientKey}`;
  const fingerprint = fingerprintOf(request);
  const [row] = await tx.run(CLAIM_KEY, { key, action, fingerprint });
  const resultId = row?.get('resultId') as string | null | undefined;
  const result = row?.get('result') as string | null | undefined;
  if (resultId || result) {
    if (row?.get('action') !== action)
      throw reused(clientKey, `was used for ${String(row?.get('action'))}; use a new key for ${action}`);
    const stored = row?.get('fingerprint') as string | null | undefined;
    // Keys stored before fingerprints were kept replay as they did.
    if (stored && stored !== fingerprint)
      throw reused(clientKey, `was used for a different ${action} request; use a new key for a new request`);
    return { value: (result ? JSON.parse(result) : resultId) as T, replayed: true };
  }
  const value = await work();
  await tx.run(SETTLE_KEY, {
    key,
    resultId: typeof value === 'string' ? value : null,
    result: JSON.stringify(value),
  });
  return { value, replayed: false };
}

/** onceValue for the writes whose result is the id of the record they wrote. */
export async function once(
  tx: WriteTx,
  identity: string,
  clientKey: string | undefined,
  action: string,
  work: () => Promise<string>,
  request?: unknown,
): Promise<{ id: string; replayed: boolean }> {
  const { value, replayed } = await onceValue(tx, identity, clientKey, action, work, request ?? null);
  return { id: value, replayed };
}
