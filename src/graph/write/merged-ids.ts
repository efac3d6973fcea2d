/**
 * Ids of merged records keep resolving: a merge leaves (:MergedId {id, label, into}) behind, so
 * `place(id)` and `actor(id)` answer a removed id with the kept record (the id check of
 * known-ids.ts finds it), `history` follows it, and a
 * write naming it is refused with the id to use instead (checks.ts). Merging a record that others
 * were merged into carries them along.
 */
import type { WriteTx } from '../core/database.js';
import type { NodeLabel } from '../core/mapping.js';

const RECORD_MERGE = `
  MERGE (m:MergedId {id: $mergeId})
  SET m.label = $label, m.into = $keepId, m.at = datetime()
  WITH m
  OPTIONAL MATCH (earlier:MergedId {into: $mergeId})
  SET earlier.into = $keepId`;

/** Remembers that `mergeId` now resolves to `keepId`. */
export async function recordMerge(tx: WriteTx, label: NodeLabel, keepId: string, mergeId: string): Promise<void> {
  await tx.run(RECORD_MERGE, { label, keepId, mergeId });
}
