/**
 * The audit trail. Each write collects what it changed in an `AuditLog` and writes it in the same
 * transaction (one UNWIND at the end), so there is no change without its entry and no entry for
 * a change that rolled back. `history(id)` reads a node's entries, oldest first.
 */
import { requireKnownIdsWhenEmpty } from '../core/known-ids.js';
import { randomUUID } from 'node:crypto';
import type { DbScope, WriteTx } from '../core/database.js';
import { NODE_LABELS, toIso } from '../core/mapping.js';

/** Who writes: the API key's identity (or "seed" for the seed loader). */
export interface Writer {
  identity: string;
}

export interface AuditEntryObject {
  id: string;
  at: string;
  by: string;
  action: string;
  targetId: string;
  changes: unknown;
}

interface PendingEntry {
  targetId: string;
  changes: Record<string, unknown>;
}

const WRITE_ENTRIES = `
  UNWIND $entries AS entry
  CREATE (:AuditEntry {
    id: entry.id, at: datetime(), by: $by, action: $action,
    targetId: entry.targetId, changes: entry.changes, mergedId: entry.mergedId
  })`;

export class AuditLog {
  private readonly pending: PendingEntry[] = [];

  constructor(
    readonly writer: Writer,
    /** The mutation, e.g. addClaim. */
    readonly action: string,
  ) {}

  get by(): string {
    return this.writer.identity;
  }

  /** Notes a change to one node; several changes to one node in one write become one entry. */
  record(targetId: string, changes: Record<string, unknown>): void {
    const existing = this.pending.find((e) => e.targetId === targetId);
    if (existing) Object.assign(existing.changes, changes);
    else this.pending.push({ targetId, changes: { ...changes } });
  }

  /** The entries as stored (less `at`, `by` and `action`), and the log emptied: for flush and a first load's files. */
  take(): { id: string; targetId: string; changes: string; mergedId: string | null }[] {
    const entries = this.pending.map((e) => ({
      id: `audit:${randomUUID()}`,
      targetId: e.targetId,
      changes: JSON.stringify(e.changes),
      mergedId: typeof e.changes.mergedId === 'string' ? e.changes.mergedId : null,
    }));
    this.pending.length = 0;
    return entries;
  }

  /** Writes the entries in the write's transaction. */
  async flush(tx: WriteTx): Promise<void> {
    if (this.pending.length === 0) return;
    await tx.run(WRITE_ENTRIES, { entries: this.take(), by: this.by, action: this.action });
  }
}

// Entries of one write share `at`; the id breaks the tie so the order is stable. mergeActors and
// mergePlaces leave an entry on the kept record naming the removed one, so its history follows.
const HISTORY = `
  OPTIONAL MATCH (m:AuditEntry {targetId: $id}) WHERE m.action IN ['mergeActors', 'mergePlaces']
  WITH [$id] + collect(m.mergedId) AS ids
  MATCH (e:AuditEntry) WHERE e.targetId IN ids
  RETURN e ORDER BY e.at ASC, e.id ASC`;

/** The history of a node (and of the records merged into it), oldest first. */
export async function history(db: DbScope, id: string): Promise<AuditEntryObject[]> {
  const rows = await db.read(HISTORY, { id });
  // Seeded records have no entries, and a merged actor keeps its entries though gone: only an id
  // with neither is unknown.
  await requireKnownIdsWhenEmpty(db, rows.length, [{ id, labels: NODE_LABELS, field: 'id' }]);
  return rows.map((row) => {
    const p = (row.get('e') as { properties: Record<string, unknown> }).properties;
    return {
      id: String(p.id),
      at: toIso(p.at) ?? '',
      by: String(p.by),
      action: String(p.action),
      targetId: String(p.targetId),
      changes: typeof p.changes === 'string' ? (JSON.parse(p.changes) as unknown) : null,
    };
  });
}

/** {field: {from, to}} for each field whose value changes. */
export function changesOf(before: object, fields: Record<string, unknown>): Record<string, unknown> {
  const was = before as Record<string, unknown>;
  const changed: Record<string, unknown> = {};
  for (const [key, to] of Object.entries(fields)) {
    if (key === 'aliasText') continue;
    const from = was[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changed[key] = { from, to };
  }
  return changed;
}
