/**
 * Ids of merged records keep resolving: a merge leaves (:MergedId {id, label, into}) behind, so
 * `place(id)` and `actor(id)` answer a removed id with the kept record, `history` follows it, and a
 * write naming it is refused with the id to use instead (checks.ts). Merging a record that others
 * were merged into carries them along.
 */
import type { DbScope, WriteTx } from '../core/database.js';
import type { NodeLabel } from '../core/mapping.js';

const MERGED_INTO = `MATCH (m:MergedId {id: $id}) WHERE m.label = $label RETURN m.into AS into`;

const RECORD_MERGE = `
  MERGE (m:MergedId {id: $mergeId})
  SET m.label = $label, m.into = $keepId, m.at = datetime()
  WITH m
  OPTIONAL MATCH (earlier:MergedId {into: $mergeId})
  SET earlier.into = $keepId`;

/** The id a merged record was merged into, or null (a live id, or an unknown one). */
export async function mergedInto(db: DbScope, label: NodeLabel, id: string): Promise<string | null> {
  const rows = await db.read(MERGED_INTO, { id, label });
  return (rows[0]?.get('into') as string | undefined) ?? null;
}

/** Remembers that `mergeId` now resolves to `keepId`. */
export async function recordMerge(tx: WriteTx, label: NodeLabel, keepId: string, mergeId: string): Promise<void> {
  await tx.run(RECORD_MERGE, { label, keepId, mergeId });
}
