/**
 * Existence checks on the write path: every id a write refers to must exist, or the write is
 * refused with NOT_FOUND naming the field ("input.sourceIds[1]") and nothing is written.
 * A write checks all the ids it names in one round trip up front (`requireEvery`); ids found are
 * remembered for the rest of that transaction, so later checks of them cost nothing.
 */
import { appError, ErrorCode } from '../../errors.js';
import type { WriteTx } from '../core/database.js';
import type { NodeLabel } from '../core/mapping.js';

export interface Reference {
  label: NodeLabel;
  id: string;
  /** Where the id was given, e.g. input.sourceIds[1]. */
  field: string;
}

// One index seek per reference: the label test on the parameter prunes all branches but one.
const MISSING = `
  UNWIND range(0, size($refs) - 1) AS i
  WITH i, $refs[i] AS ref
  CALL (ref) {
    OPTIONAL MATCH (n:Actor {id: ref.id}) WHERE ref.label = 'Actor' RETURN n
    UNION OPTIONAL MATCH (n:Place {id: ref.id}) WHERE ref.label = 'Place' RETURN n
    UNION OPTIONAL MATCH (n:Event {id: ref.id}) WHERE ref.label = 'Event' RETURN n
    UNION OPTIONAL MATCH (n:Source {id: ref.id}) WHERE ref.label = 'Source' RETURN n
    UNION OPTIONAL MATCH (n:Claim {id: ref.id}) WHERE ref.label = 'Claim' RETURN n
  }
  WITH i, collect(n) AS found
  WHERE size(found) = 0
  RETURN i ORDER BY i`;

const MERGED_INTO = `MATCH (m:MergedId {id: $id}) WHERE m.label = $label RETURN m.into AS into`;

/** Ids known to exist, per open transaction (a retried transaction gets a new tx object). */
const known = new WeakMap<WriteTx, Set<string>>();
const knownIn = (tx: WriteTx) => known.get(tx) ?? known.set(tx, new Set()).get(tx)!;
const token = (label: NodeLabel, id: string) => `${label}\u0000${id}`;

/** NOT_FOUND for an id given in `field`. */
export function notFoundAt(label: NodeLabel, id: string, field: string) {
  const what = label.toLowerCase();
  return appError(
    ErrorCode.NOT_FOUND,
    `${field}: no ${what} has the id "${id}". Check the id${label === 'Source' ? ', or add the source first with addSource' : ''}.`,
    { field, id },
  );
}

/** Refuses the first reference (in the order given) that names no node; one round trip. */
export async function requireEvery(tx: WriteTx, refs: readonly Reference[]): Promise<void> {
  const seen = knownIn(tx);
  const unknown = refs.filter((r) => !seen.has(token(r.label, r.id)));
  if (unknown.length === 0) return;
  const rows = await tx.run(MISSING, { refs: unknown.map(({ label, id }) => ({ label, id })) });
  const first = rows[0];
  if (first) {
    const ref = unknown[Number(first.get('i'))]!;
    const [merged] = await tx.run(MERGED_INTO, { id: ref.id, label: ref.label });
    const into = merged?.get('into') as string | undefined;
    if (into) {
      // Reads follow a merged id; a write names the record it now states facts about.
      throw appError(ErrorCode.NOT_FOUND, `${ref.field}: "${ref.id}" was merged into "${into}"; refer to "${into}".`, {
        field: ref.field,
        id: ref.id,
        mergedInto: into,
      });
    }
    throw notFoundAt(ref.label, ref.id, ref.field);
  }
  for (const r of unknown) seen.add(token(r.label, r.id));
}

/** Refuses the first id of `ids` (given in `field`, a list) that names no node of `label`. */
export function requireAll(tx: WriteTx, label: NodeLabel, ids: readonly string[], field: string): Promise<void> {
  return requireEvery(
    tx,
    ids.map((id, i) => ({ label, id, field: `${field}[${i}]` })),
  );
}

/** Refuses an id (given in `field`) that names no node of `label`. */
export function requireOne(tx: WriteTx, label: NodeLabel, id: string, field: string): Promise<void> {
  return requireEvery(tx, [{ label, id, field }]);
}

/** Notes that a node was created in this transaction, so references to it need no check. */
export function created(tx: WriteTx, label: NodeLabel, id: string): void {
  knownIn(tx).add(token(label, id));
}
