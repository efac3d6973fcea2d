/**
 * Source reads: by id, the filtered list, and the batch reads behind the nested fields (the
 * sources it cites and that cite it, the claims it supports or contradicts). The claims reported
 * in a source are paged by claim.ts, with the other claim connections.
 */
import { foldText } from '../../domain/names.js';
import { alignRows, nodesByIds } from '../core/batches.js';
import type { DbScope } from '../core/database.js';
import { type ClaimObject, nodeProps, type SourceObject, toClaim, toSource } from '../core/mapping.js';
import {
  type Connection,
  keysetListQuery,
  type PageParams,
  pageQueryParams,
  listConnection,
} from '../core/pagination.js';

export async function sourcesByIds(db: DbScope, ids: readonly string[]): Promise<(SourceObject | null)[]> {
  return nodesByIds(db, 'Source', ids, toSource);
}

// --- citations and evidence ----------------------------------------------------------------

export interface SourceLinks {
  cites: SourceObject[];
  citedBy: SourceObject[];
  supports: ClaimObject[];
  contradicts: ClaimObject[];
}

const NO_LINKS: SourceLinks = { cites: [], citedBy: [], supports: [], contradicts: [] };

// Retracted claims stay hidden here, as in every default read.
const LINKS_OF_SOURCES = `
  UNWIND $ids AS id
  MATCH (s:Source {id: id})
  CALL (s) {
    OPTIONAL MATCH (s)-[:CITES]->(cited:Source)
    WITH cited ORDER BY cited.title, cited.id
    RETURN collect(cited) AS cites
  }
  CALL (s) {
    OPTIONAL MATCH (citing:Source)-[:CITES]->(s)
    WITH citing ORDER BY citing.title, citing.id
    RETURN collect(citing) AS citedBy
  }
  CALL (s) {
    OPTIONAL MATCH (s)-[:SUPPORTS]->(c:Claim) WHERE NOT coalesce(c.retracted, false)
    WITH c ORDER BY c.createdAt, c.id
    RETURN collect(c) AS supports
  }
  CALL (s) {
    OPTIONAL MATCH (s)-[:CONTRADICTS]->(c:Claim) WHERE NOT coalesce(c.retracted, false)
    WITH c ORDER BY c.createdAt, c.id
    RETURN collect(c) AS contradicts
  }
  RETURN id, cites, citedBy, supports, contradicts`;

/** Each source's citations both ways and the claims it supports or contradicts, in one query. */
export async function linksOfSources(db: DbScope, ids: readonly string[]): Promise<SourceLinks[]> {
  const rows = await db.read(LINKS_OF_SOURCES, { ids });
  const sources = (v: unknown) => (v as unknown[]).map((n) => toSource(nodeProps(n)));
  const claims = (v: unknown) => (v as unknown[]).map((n) => toClaim(nodeProps(n)));
  return alignRows(
    ids,
    rows,
    (row) => ({
      cites: sources(row.get('cites')),
      citedBy: sources(row.get('citedBy')),
      supports: claims(row.get('supports')),
      contradicts: claims(row.get('contradicts')),
    }),
    NO_LINKS,
  );
}

// --- the list ------------------------------------------------------------------------------

export interface SourceFilter {
  kinds?: readonly string[] | null;
  titleContains?: string | null;
}

const SOURCE_CONDITIONS = {
  kinds: 's.kind IN $kinds',
  // Folded as names are (folded-text.ts), ignoring case and accents.
  titleContains: 's.foldedTitle CONTAINS $title',
};

export const sourceOrdering = 'sources:TITLE:ASC';

/** Sources by title, filtered by kind and title text (ignoring case and accents). */
export async function listSources(
  db: DbScope,
  filter: SourceFilter,
  page: PageParams,
): Promise<Connection<SourceObject>> {
  const title = filter.titleContains ? foldText(filter.titleContains) : '';
  const conditions = [
    ...(filter.kinds ? [SOURCE_CONDITIONS.kinds] : []),
    ...(title ? [SOURCE_CONDITIONS.titleContains] : []),
  ];
  const query = keysetListQuery(
    { match: 'MATCH (s:Source)', variable: 's', conditions, key: 's.title', kind: 'string', direction: 'ASC' },
    page,
  );
  const rows = await db.read(query, { kinds: filter.kinds ?? null, title, ...pageQueryParams(page) });
  return listConnection(rows, page, (n) => toSource(nodeProps(n)));
}
