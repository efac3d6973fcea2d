/**
 * Existence checks on the write path: every id a write refers to must exist, or the write is
 * refused with NOT_FOUND naming the field ("input.sourceIds[1]") and nothing is written.
 */
import { appError, ErrorCode } from '../errors.js';
import type { WriteTx } from './database.js';
import type { NodeLabel } from './mapping.js';

const MISSING: Record<NodeLabel, string> = {
  Actor: `UNWIND range(0, size($ids) - 1) AS i OPTIONAL MATCH (n:Actor {id: $ids[i]}) WITH i, n WHERE n IS NULL RETURN i`,
  Place: `UNWIND range(0, size($ids) - 1) AS i OPTIONAL MATCH (n:Place {id: $ids[i]}) WITH i, n WHERE n IS NULL RETURN i`,
  Event: `UNWIND range(0, size($ids) - 1) AS i OPTIONAL MATCH (n:Event {id: $ids[i]}) WITH i, n WHERE n IS NULL RETURN i`,
  Source: `UNWIND range(0, size($ids) - 1) AS i OPTIONAL MATCH (n:Source {id: $ids[i]}) WITH i, n WHERE n IS NULL RETURN i`,
  Claim: `UNWIND range(0, size($ids) - 1) AS i OPTIONAL MATCH (n:Claim {id: $ids[i]}) WITH i, n WHERE n IS NULL RETURN i`,
};

/** NOT_FOUND for an id given in `field`. */
export function notFoundAt(label: NodeLabel, id: string, field: string) {
  const what = label.toLowerCase();
  return appError(
    ErrorCode.NOT_FOUND,
    `${field}: no ${what} has the id "${id}". Check the id${label === 'Source' ? ', or add the source first with addSource' : ''}.`,
    { field, id },
  );
}

/** Refuses the first id of `ids` (given in `field`, a list) that names no node of `label`. */
export async function requireAll(tx: WriteTx, label: NodeLabel, ids: readonly string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const rows = await tx.run(MISSING[label], { ids });
  const first = rows[0];
  if (first) {
    const i = Number(first.get('i'));
    throw notFoundAt(label, ids[i]!, `${field}[${i}]`);
  }
}

/** Refuses an id (given in `field`) that names no node of `label`. */
export async function requireOne(tx: WriteTx, label: NodeLabel, id: string, field: string): Promise<void> {
  const rows = await tx.run(MISSING[label], { ids: [id] });
  if (rows.length > 0) throw notFoundAt(label, id, field);
}
