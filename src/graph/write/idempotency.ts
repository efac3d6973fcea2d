/**
 * Idempotency keys: a client-supplied key makes a retried add return the first result. The key
 * node is MERGEd first thing in the write's transaction: under its unique constraint a concurrent
 * retry waits for the first attempt to commit, then finds its result; if the first attempt rolls
 * back, so does the key.
 */
import { appError, ErrorCode } from '../../errors.js';
import type { WriteTx } from '../core/database.js';

const CLAIM_KEY = `
  MERGE (k:IdempotencyKey {key: $key})
  ON CREATE SET k.at = datetime(), k.action = $action
  RETURN k.resultId AS resultId, k.action AS action`;

const SETTLE_KEY = `
  MATCH (k:IdempotencyKey {key: $key})
  SET k.resultId = $resultId`;

/**
 * Runs `work` once per (identity, key): the first call does the work and remembers the id it
 * returns; later calls return that id without writing. Without a key, just runs `work`.
 */
export async function once(
  tx: WriteTx,
  identity: string,
  clientKey: string | undefined,
  action: string,
  work: () => Promise<string>,
): Promise<{ id: string; replayed: boolean }> {
  if (clientKey === undefined) return { id: await work(), replayed: false };
  const key = `${identity}:${clientKey}`;
  const [row] = await tx.run(CLAIM_KEY, { key, action });
  const resultId = row?.get('resultId') as string | null | undefined;
  if (resultId) {
    if (row?.get('action') !== action) {
      throw appError(
        ErrorCode.BAD_USER_INPUT,
        `The idempotency key "${clientKey}" was already used for ${String(row?.get('action'))}; use a new key for ${action}.`,
        { field: 'input.idempotencyKey' },
      );
    }
    return { id: resultId, replayed: true };
  }
  const id = await work();
  await tx.run(SETTLE_KEY, { key, resultId: id });
  return { id, replayed: false };
}
