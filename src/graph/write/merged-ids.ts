/**
 * Merges, and ids of merged records that keep resolving. `mergeRecords` is the one merge of
 * mergeActors and mergePlaces: each gives its plan (what it moves, how the kept record takes in
 * the other). A merge leaves (:MergedId {id, label, into}) behind, so `place(id)` and `actor(id)`
 * answer a removed id with the kept record (the id check of known-ids.ts finds it), `history`
 * follows it, and a write naming it is refused with the id to use instead (checks.ts). Merging a
 * record that others were merged into carries them along.
 */
import { appError, ErrorCode } from '../../errors.js';
import type { WriteTx } from '../core/database.js';
import type { NodeLabel } from '../core/mapping.js';
import { AuditLog, type Writer } from './audit.js';
import { requireEvery } from './checks.js';
import { refreshStatuses } from './claim-status.js';

const RECORD_MERGE = `
  MERGE (m:MergedId {id: $mergeId})
  SET m.label = $label, m.into = $keepId, m.at = datetime()
  WITH m
  OPTIONAL MATCH (earlier:MergedId {into: $mergeId})
  SET earlier.into = $keepId`;

/** Remembers that `mergeId` now resolves to `keepId`. */
async function recordMerge(tx: WriteTx, label: NodeLabel, keepId: string, mergeId: string): Promise<void> {
  await tx.run(RECORD_MERGE, { label, keepId, mergeId });
}

/** What one kind of merge moves, and how the kept record takes in the removed one. */
export interface MergePlan {
  label: 'Actor' | 'Place';
  action: 'mergeActors' | 'mergePlaces';
  /** Statements (params keepId, mergeId) that move relationships, each returning `claimIds`. */
  moves: readonly string[];
  /** Returns `types`: the relationships of the removed record that no statement moved. */
  leftOver: string;
  /** Takes in the removed record's names and properties, deletes it, returns it as `merged`. */
  absorb: string;
}

/**
 * Merges `mergeId` into `keepId` in `tx`: moves every relationship, refuses (CONFLICT, nothing
 * merged) one the plan does not know rather than lose it, removes the duplicate, remembers its
 * id, recomputes the statuses of the claims the united edges rank, and records both in history.
 */
export async function mergeRecords(
  tx: WriteTx,
  plan: MergePlan,
  input: { keepId: string; mergeId: string },
  writer: Writer,
): Promise<void> {
  const { keepId, mergeId } = input;
  await requireEvery(tx, [
    { label: plan.label, id: keepId, field: 'input.keepId' },
    { label: plan.label, id: mergeId, field: 'input.mergeId' },
  ]);
  const log = new AuditLog(writer, plan.action);
  const params = { keepId, mergeId };
  const claimIds = new Set<string>();
  for (const statement of plan.moves)
    for (const row of await tx.run(statement, params))
      for (const id of row.get('claimIds') as string[]) claimIds.add(id);
  const [left] = await tx.run(plan.leftOver, params);
  const types = (left?.get('types') as string[] | undefined) ?? [];
  if (types.length > 0)
    throw appError(
      ErrorCode.CONFLICT,
      `${mergeId} has relationships ${plan.action} cannot move (${types.join(', ')}); nothing was merged. Report this so the merge learns them.`,
    );
  const [row] = await tx.run(plan.absorb, params);
  await recordMerge(tx, plan.label, keepId, mergeId);
  // United edges rank the claims of both records.
  await refreshStatuses(tx, [...claimIds]);
  log.record(keepId, { mergedId: mergeId, merged: row?.get('merged') as unknown, claimIds: [...claimIds] });
  log.record(mergeId, { mergedInto: keepId });
  await log.flush(tx);
}
