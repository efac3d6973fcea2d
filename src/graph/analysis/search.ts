/**
 * search: one ranked full-text search over actor names and aliases, place names and aliases,
 * event descriptions, claim text, and source titles, publishers and authors, through two indexes
 * (core/migrations.ts): `search_text` folds accents ("Lere" finds Léré, "fama" finds FAMa) over all
 * of it, and `search_stemmed` stems the prose ("denounce" finds denounced, "airstrike" finds
 * airstrikes). A node's score
 * is the better of the two. An actor or place whose name or alias is the text itself (its Name key,
 * as names are matched everywhere) comes first, found through the Name index even when the text
 * would rank it low. User text is never Lucene syntax: each word is escaped and lower-cased (so
 * AND/OR/NOT are words, not operators), and the words are OR-ed, so the index's score ranks the
 * nodes that match more of them first.
 */
import neo4j from 'neo4j-driver';
import { badInput } from '../../errors.js';
import { nameKey, normaliseName } from '../../domain/names.js';
import type { DbScope } from '../core/database.js';
import { displayLabel, domainLabel, toDomain, type DomainObject } from '../core/mapping.js';
import { NODE_TYPE, type NodeRead, type NodeType, RETURNED_NODE, type ReturnedNode } from './view.js';

export const MAX_SEARCH_TEXT = 200;
export const MAX_SEARCH_RESULTS = 100;

export interface SearchHitObject {
  type: NodeType;
  node: DomainObject;
  label: string;
  score: number;
}

const LABEL_OF_TYPE: Record<NodeType, string> = {
  ACTOR: 'Actor',
  PLACE: 'Place',
  EVENT: 'Event',
  SOURCE: 'Source',
  CLAIM: 'Claim',
};

// Each index gives its best `$candidates` hits; with a type filter every hit, so that a rare type
// (a source among claims) is not cut before it is filtered. The best `first` by the better of a
// node's two scores are always among the best `first` of each index (a node ranked below `first`
// others in the index its score comes from has `first` nodes above it), so `first` candidates
// per index suffice, and a few more stand in for retracted claims filtered out. The actors and
// places the text names exactly are found once, through the Name index, and come first; then
// score, then id, so equal scores keep a stable order.
const searchStatement = (nodes: NodeRead, limited: boolean): string => {
  const options = limited ? ', {limit: $candidates}' : '';
  return `
  OPTIONAL MATCH (key:Name)-[:NAMES]->(named) WHERE key.key IN $nameKeys
  WITH collect(DISTINCT named) AS exact
  CALL (exact) {
    CALL db.index.fulltext.queryNodes('search_text', $query${options}) YIELD node, score
    RETURN node, score
    UNION ALL
    CALL db.index.fulltext.queryNodes('search_stemmed', $query${options}) YIELD node, score
    RETURN node, score
    UNION ALL
    UNWIND exact AS node
    RETURN node, 0.0 AS score
  }
  WITH exact, node, max(score) AS score
  WHERE ($labels IS NULL OR any(l IN labels(node) WHERE l IN $labels))
    AND NOT (node:Claim AND coalesce(node.retracted, false))
  WITH node, score, node IN exact AS isExact
  ORDER BY isExact DESC, score DESC, node.id
  LIMIT $first
  RETURN ${RETURNED_NODE('node', nodes)} AS node, score`;
};

export const SEARCH = searchStatement('whole', true);
const STATEMENTS = {
  whole: { limited: SEARCH, all: searchStatement('whole', false) },
  drawn: { limited: searchStatement('drawn', true), all: searchStatement('drawn', false) },
};
/** Hits read from each index beyond the `first` asked for: room for retracted claims left out. */
const SPARE_CANDIDATES = 5;

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** User text as a Lucene query of escaped, lower-cased words; null when no word is left. */
export function luceneQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/\s+/u)
    .map((word) => word.replace(LUCENE_SPECIAL, (c) => `\\${c}`))
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
  return words.length > 0 ? words.join(' ') : null;
}

export interface SearchRequest {
  text: string;
  types?: readonly NodeType[] | null;
  first?: number | null;
}

/** The hits, best first, in one statement; `nodes`: 'drawn' when the client reads no more of a node than its id. */
export async function search(
  db: DbScope,
  request: SearchRequest,
  nodes: NodeRead = 'whole',
): Promise<SearchHitObject[]> {
  if (request.text.length > MAX_SEARCH_TEXT) {
    throw badInput(`The search text is longer than ${MAX_SEARCH_TEXT} characters; use a few words.`, 'text');
  }
  const first = request.first ?? 20;
  if (!Number.isInteger(first) || first < 0 || first > MAX_SEARCH_RESULTS) {
    throw badInput(`first must be between 0 and ${MAX_SEARCH_RESULTS}.`, 'first');
  }
  const query = luceneQuery(request.text);
  if (query === null) throw badInput('Give at least one word (letters or digits) to search for.', 'text');
  const labels = request.types && request.types.length > 0 ? request.types.map((t) => LABEL_OF_TYPE[t]) : null;
  const folded = normaliseName(request.text);
  const rows = await db.read(STATEMENTS[nodes][labels ? 'all' : 'limited'], {
    query,
    labels,
    nameKeys: [nameKey('Actor', folded), nameKey('Place', folded)],
    candidates: neo4j.int(first + SPARE_CANDIDATES),
    first: neo4j.int(first),
  });
  const hits: SearchHitObject[] = [];
  for (const row of rows) {
    const node = row.get('node') as ReturnedNode;
    const domain = toDomain(node);
    const label = domainLabel(node.labels);
    if (domain && label)
      hits.push({
        type: NODE_TYPE[label],
        node: domain,
        label: displayLabel(domain),
        score: row.get('score') as number,
      });
  }
  return hits;
}
