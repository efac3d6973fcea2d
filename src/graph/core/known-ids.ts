/**
 * Unknown ids. Every id argument and id filter answers NOT_FOUND for an id that names nothing,
 * naming it (and the field it came in), and suggests the id that differs from it only by case or
 * accents ("actor:CSP" → actor:csp; ids are written folded, as idFromName makes them). The check
 * is one round trip for every id at once, and also says which id a merged one now resolves to
 * (merged-ids.ts). Reads run it only when they found nothing: a list
 * filtered by an id that exists but matches nothing costs one more round trip, a list that found
 * something none.
 */
import { appError, ErrorCode, notFound } from '../../errors.js';
import { normaliseName } from '../../domain/names.js';
import type { DbScope } from './database.js';
import { NODE_LABELS, type NodeLabel } from './mapping.js';

export interface IdReference {
  id: string;
  /** The labels the id may name (a filter by place: Place; `node(id)`: any of them). */
  labels: readonly NodeLabel[];
  /** Where the id was given ('filter.placeId', 'subjectId' …). */
  field: string;
}

/** The id an unknown id was probably meant to be: the same, folded as names are (normaliseName). */
export const foldedId = (id: string): string => normaliseName(id);

// One index seek per label and candidate (the id, and its folded form), and one for a merged id.
const FIND_IDS = `
  UNWIND $refs AS ref
  CALL (ref) {
    CALL (ref) {
      ${NODE_LABELS.map(
        (label) => `MATCH (n:${label}) WHERE n.id IN ref.candidates AND '${label}' IN ref.labels RETURN n.id AS found`,
      ).join('\n      UNION ')}
    }
    RETURN collect(found) AS found
  }
  OPTIONAL MATCH (m:MergedId {id: ref.id}) WHERE m.label IN ref.labels
  RETURN ref.i AS i, found, m.into AS mergedInto`;

export interface UnknownId extends IdReference {
  /** An id of the right kind that differs only by case or accents, when there is one. */
  suggestion: string | null;
  /** The id of the record this one was merged into (merged-ids.ts), when it was. */
  mergedInto?: string | null;
}

/** Per reference, in order: null when it names a node of its labels, else what is unknown; one round trip. */
export async function checkIds(db: DbScope, refs: readonly IdReference[]): Promise<(UnknownId | null)[]> {
  if (refs.length === 0) return [];
  const rows = await db.read(FIND_IDS, {
    refs: refs.map((ref, i) => ({
      i,
      id: ref.id,
      labels: ref.labels,
      candidates: [...new Set([ref.id, foldedId(ref.id)])],
    })),
  });
  const byRef = new Map(rows.map((row) => [Number(row.get('i')), row]));
  return refs.map((ref, i) => {
    const row = byRef.get(i);
    const ids = (row?.get('found') as string[] | undefined) ?? [];
    if (ids.includes(ref.id)) return null;
    const mergedInto = (row?.get('mergedInto') as string | null | undefined) ?? null;
    return { ...ref, suggestion: mergedInto ?? ids[0] ?? null, mergedInto };
  });
}

const WHAT: Record<NodeLabel, string> = {
  Actor: 'actor',
  Place: 'place',
  Event: 'event',
  Source: 'source',
  Claim: 'claim',
};

/** NOT_FOUND for an unknown id: what it should have named, the id, the field, and the suggestion. */
export function unknownIdError(unknown: UnknownId) {
  const what =
    unknown.labels.length === NODE_LABELS.length
      ? 'actor, place, event, source or claim'
      : unknown.labels.map((l) => WHAT[l]).join(' or ');
  if (unknown.mergedInto)
    return appError(
      ErrorCode.NOT_FOUND,
      `${unknown.field}: "${unknown.id}" was merged into "${unknown.mergedInto}"; refer to "${unknown.mergedInto}".`,
      { field: unknown.field, id: unknown.id, mergedInto: unknown.mergedInto },
    );
  return notFound(what, unknown.id, { field: unknown.field, suggestion: unknown.suggestion });
}

/** Refuses the first reference that names nothing with NOT_FOUND; one round trip for them all. */
export async function requireKnownIds(db: DbScope, refs: readonly IdReference[]): Promise<void> {
  const first = (await checkIds(db, refs)).find((unknown) => unknown !== null);
  if (first) throw unknownIdError(first);
}

/**
 * For a list filtered by ids: when it found nothing, refuses an id in the filter that names
 * nothing. Every id filter is a condition all results meet, so a list that found something was
 * given ids that exist, and costs no check. `refs` leaves out the filters not given (null ids).
 */
export async function requireKnownIdsWhenEmpty(
  db: DbScope,
  found: number,
  refs: readonly (Omit<IdReference, 'id'> & { id: string | null | undefined })[],
): Promise<void> {
  if (found > 0) return;
  const given = refs.filter((ref): ref is IdReference => typeof ref.id === 'string');
  if (given.length > 0) await requireKnownIds(db, given);
}
