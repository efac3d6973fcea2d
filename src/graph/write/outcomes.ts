/**
 * What a write did with each record it named — created it or matched an existing one — and the
 * near-duplicate names it created, noted per open transaction (like checks.ts's known ids) by the
 * functions that resolve and create records, so enterReport can answer with all of it by id
 * without threading a collector through every signature. A retried transaction is a new tx
 * object and starts empty.
 */
import type { WriteTx } from '../core/database.js';

export type RecordKind = 'sources' | 'actors' | 'places' | 'events' | 'claims';
export type Outcome = 'CREATED' | 'MATCHED';

export interface RecordOutcome {
  /** Where the input names it, e.g. input.claims[0].assertedBy. */
  field: string;
  id: string;
  name: string | null;
  outcome: Outcome;
}

export interface NameCandidate {
  id: string;
  name: string;
  closeName: string;
  distance: number;
  hierarchy: string | null;
}

export interface NearDuplicate {
  field: string;
  id: string;
  name: string;
  candidates: NameCandidate[];
}

export interface WriteOutcomes {
  records: Record<RecordKind, RecordOutcome[]>;
  nearDuplicates: NearDuplicate[];
}

const byTx = new WeakMap<WriteTx, WriteOutcomes>();

export function outcomesOf(tx: WriteTx): WriteOutcomes {
  let outcomes = byTx.get(tx);
  if (!outcomes) {
    outcomes = {
      records: { sources: [], actors: [], places: [], events: [], claims: [] },
      nearDuplicates: [],
    };
    byTx.set(tx, outcomes);
  }
  return outcomes;
}

export function noteOutcome(tx: WriteTx, kind: RecordKind, record: RecordOutcome): void {
  outcomesOf(tx).records[kind].push(record);
}

export function noteNearDuplicate(tx: WriteTx, near: NearDuplicate): void {
  outcomesOf(tx).nearDuplicates.push(near);
}
