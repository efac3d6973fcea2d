/**
 * Claim reads: by id, the filtered list, and the batch reads behind the nested fields (who
 * asserts it, where it is reported, what supports or contradicts it, what it is about) and the
 * claim pages of other nodes (asserted by an actor, about a node, reported in a source).
 * Retracted claims are kept in the graph but hidden from every read unless asked for.
 */
import { foldText } from '../../domain/names.js';
import { requireKnownIdsWhenEmpty } from '../core/known-ids.js';
import { NODE_LABELS } from '../core/mapping.js';
import { alignRows, nodesByIds } from '../core/batches.js';
import type { DbScope } from '../core/database.js';
import {
  type ClaimObject,
  type ClaimProvenance,
  type DomainObject,
  nodeProps,
  PROJECTED_MAP,
  toActor,
  toClaim,
  toDomain,
  toSource,
} from '../core/mapping.js';
export type { ClaimProvenance };
import neo4j, { type Node as Neo4jNode } from 'neo4j-driver';
import {
  afterCursor,
  type Connection,
  keysetListQuery,
  type PageParams,
  pageQueryParams,
  listConnection,
  connectionsOfParents,
} from '../core/pagination.js';

/** Claims by id, retracted or not: an id names a claim for good. */
export async function claimsByIds(db: DbScope, ids: readonly string[]): Promise<(ClaimObject | null)[]> {
  return nodesByIds(db, 'Claim', ids, toClaim);
}

// --- provenance and evidence ---------------------------------------------------------------

const NO_EVIDENCE: ClaimProvenance = {
  assertedBy: null,
  reportedIn: [],
  supportingSources: [],
  contradictingSources: [],
};

export type EvidencePart = keyof ClaimProvenance;
export const EVIDENCE_PARTS: readonly EvidencePart[] = [
  'assertedBy',
  'reportedIn',
  'supportingSources',
  'contradictingSources',
];

/** The properties of each part's nodes to read (see propertiesFor); a part not named: whole nodes. */
export type EvidenceProperties = Partial<Record<EvidencePart, readonly string[] | null>>;

// One `CALL` per part over a claim `c`, binding the part's name; nodes as NODE_MAP returns them,
// or only the properties asked for.
const EVIDENCE_PART_OF_CLAIM: Record<EvidencePart, (properties: readonly string[] | null) => string> = {
  assertedBy: (properties) => `
  CALL (c) {
    OPTIONAL MATCH (c)-[:ASSERTED_BY]->(a:Actor)
    WITH a ORDER BY a.id
    RETURN collect(${PROJECTED_MAP('a', 'Actor', properties)})[0] AS assertedBy
  }`,
  reportedIn: (properties) => `
  CALL (c) {
    OPTIONAL MATCH (c)-[:REPORTED_IN]->(s:Source)
    WITH s ORDER BY s.title, s.id
    RETURN collect(${PROJECTED_MAP('s', 'Source', properties)}) AS reportedIn
  }`,
  supportingSources: (properties) => `
  CALL (c) {
    CALL (c) {
      MATCH (c)-[:REPORTED_IN]->(s:Source) RETURN s
      UNION
      MATCH (s:Source)-[:SUPPORTS]->(c) RETURN s
    }
    WITH s ORDER BY s.title, s.id
    RETURN collect(${PROJECTED_MAP('s', 'Source', properties)}) AS supportingSources
  }`,
  contradictingSources: (properties) => `
  CALL (c) {
    OPTIONAL MATCH (s:Source)-[:CONTRADICTS]->(c)
    WITH s ORDER BY s.title, s.id
    RETURN collect(${PROJECTED_MAP('s', 'Source', properties)}) AS contradictingSources
  }`,
};

/**
 * Cypher reading some parts of a claim `c`'s evidence: `calls`, the subqueries, and `map`, the
 * map of what they bound (toEvidenceParts reads it). Shared with statements that read claims
 * along a nested selection, which ask only for the parts selected.
 */
export function evidenceOfClaim(
  parts: readonly EvidencePart[],
  properties: EvidenceProperties = {},
): { calls: string; map: string } {
  return {
    calls: parts.map((part) => EVIDENCE_PART_OF_CLAIM[part](properties[part] ?? null)).join(''),
    map: `{${parts.map((part) => `${part}: ${part}`).join(', ')}}`,
  };
}

/** The parts of a claim's evidence that `evidenceOfClaim(parts).map` holds. */
export function toEvidenceParts(evidence: unknown): Partial<ClaimProvenance> {
  type Props = Record<string, unknown>;
  const read = evidence as Partial<Record<EvidencePart, unknown>>;
  const sources = (v: unknown) => (v as Props[]).map(toSource);
  return {
    ...('assertedBy' in read ? { assertedBy: read.assertedBy ? toActor(read.assertedBy as Props) : null } : {}),
    ...('reportedIn' in read ? { reportedIn: sources(read.reportedIn) } : {}),
    ...('supportingSources' in read ? { supportingSources: sources(read.supportingSources) } : {}),
    ...('contradictingSources' in read ? { contradictingSources: sources(read.contradictingSources) } : {}),
  };
}

const WHOLE_EVIDENCE = evidenceOfClaim(EVIDENCE_PARTS);
const EVIDENCE_OF_CLAIMS = `
  UNWIND $ids AS id
  MATCH (c:Claim {id: id})
  ${WHOLE_EVIDENCE.calls}
  RETURN id, ${WHOLE_EVIDENCE.map} AS evidence`;

/** Each claim's asserting actor, its sources, and the sources for and against it, in one query. */
export async function evidenceOfClaims(db: DbScope, ids: readonly string[]): Promise<ClaimProvenance[]> {
  const rows = await db.read(EVIDENCE_OF_CLAIMS, { ids });
  return alignRows(ids, rows, (row) => ({ ...NO_EVIDENCE, ...toEvidenceParts(row.get('evidence')) }), NO_EVIDENCE);
}

const ABOUT_OF_CLAIMS = `
  UNWIND $ids AS id
  MATCH (c:Claim {id: id})
  CALL (c) {
    OPTIONAL MATCH (c)-[:ABOUT]->(n)
    WITH n ORDER BY n.id
    RETURN collect(n) AS about
  }
  RETURN id, about`;

/** The actors, places, events, sources and claims each claim is about. */
export async function aboutOfClaims(db: DbScope, ids: readonly string[]): Promise<DomainObject[][]> {
  const rows = await db.read(ABOUT_OF_CLAIMS, { ids });
  return alignRows(
    ids,
    rows,
    (row) => (row.get('about') as Neo4jNode[]).map((n) => toDomain(n)).filter((o): o is DomainObject => o !== null),
    [],
  );
}

// --- claim pages of other nodes -------------------------------------------------------------

/** The relationship from a claim to the parent whose claims are paged (ABOUT: an actor). */
export type ClaimParentLink = 'ASSERTED_BY' | 'ABOUT' | 'REPORTED_IN';

const PARENT_PATTERN: Record<ClaimParentLink, string> = {
  ASSERTED_BY: '(c:Claim)-[:ASSERTED_BY]->(:Actor {id: id})',
  ABOUT: '(c:Claim)-[:ABOUT]->(:Actor {id: id})',
  REPORTED_IN: '(c:Claim)-[:REPORTED_IN]->(:Source {id: id})',
};

// In the order they were added (createdAt, then id).
function claimsOfParentsQuery(link: ClaimParentLink): string {
  const visible = '($includeRetracted OR NOT coalesce(c.retracted, false))';
  const match = `MATCH ${PARENT_PATTERN[link]}`;
  return `
    UNWIND $ids AS id
    CALL (id) {
      ${match} WHERE ${visible}
      RETURN count(c) AS total
    }
    CALL (id) {
      ${match} WHERE ${visible} AND ${afterCursor('c.createdAt', 'c.id', 'ASC', 'datetime')}
      WITH c ORDER BY c.createdAt ASC, c.id ASC LIMIT $limit
      RETURN collect({node: c, sortValue: toString(c.createdAt), cursorId: c.id}) AS page
    }
    RETURN id, total, page`;
}

const CLAIMS_OF_PARENTS: Record<ClaimParentLink, string> = {
  ASSERTED_BY: claimsOfParentsQuery('ASSERTED_BY'),
  ABOUT: claimsOfParentsQuery('ABOUT'),
  REPORTED_IN: claimsOfParentsQuery('REPORTED_IN'),
};

export const claimOrdering = 'claims:CREATED_AT:ASC';

/** One page of claims per parent: asserted by an actor, about a node, or reported in a source. */
export async function claimsOfParents(
  db: DbScope,
  link: ClaimParentLink,
  ids: readonly string[],
  includeRetracted: boolean,
  page: PageParams,
): Promise<Connection<ClaimObject>[]> {
  const rows = await db.read(CLAIMS_OF_PARENTS[link], { ids, includeRetracted, ...pageQueryParams(page) });
  return connectionsOfParents(ids, rows, page, (n) => toClaim(nodeProps(n)));
}

// --- the list ------------------------------------------------------------------------------

export interface ClaimFilter {
  statuses?: readonly string[] | null;
  assertedById?: string | null;
  aboutId?: string | null;
  reportedInId?: string | null;
  textContains?: string | null;
  minIndependentOrigins?: number | null;
  maxIndependentOrigins?: number | null;
  includeRetracted?: boolean | null;
}

const CLAIM_CONDITIONS = {
  statuses: 'c.status IN $statuses',
  visible: 'NOT coalesce(c.retracted, false)',
  assertedById: 'EXISTS { MATCH (c)-[:ASSERTED_BY]->(:Actor {id: $assertedById}) }',
  aboutId: 'EXISTS { MATCH (c)-[:ABOUT]->(n) WHERE n.id = $aboutId }',
  reportedInId: 'EXISTS { MATCH (c)-[:REPORTED_IN]->(:Source {id: $reportedInId}) }',
  // Folded as names are (folded-text.ts): "Lere" finds what "Léré" finds.
  textContains: 'c.foldedText CONTAINS $text',
  minIndependentOrigins: 'c.independentOrigins >= $minOrigins',
  maxIndependentOrigins: 'c.independentOrigins <= $maxOrigins',
};

/** Claims in the order they were added, filtered; retracted ones only when asked for. */
export async function listClaims(db: DbScope, filter: ClaimFilter, page: PageParams): Promise<Connection<ClaimObject>> {
  const text = filter.textContains ? foldText(filter.textContains) : '';
  const conditions = [
    ...(filter.statuses ? [CLAIM_CONDITIONS.statuses] : []),
    ...(filter.includeRetracted ? [] : [CLAIM_CONDITIONS.visible]),
    ...(filter.assertedById ? [CLAIM_CONDITIONS.assertedById] : []),
    ...(filter.aboutId ? [CLAIM_CONDITIONS.aboutId] : []),
    ...(filter.reportedInId ? [CLAIM_CONDITIONS.reportedInId] : []),
    ...(text ? [CLAIM_CONDITIONS.textContains] : []),
    ...(filter.minIndependentOrigins != null ? [CLAIM_CONDITIONS.minIndependentOrigins] : []),
    ...(filter.maxIndependentOrigins != null ? [CLAIM_CONDITIONS.maxIndependentOrigins] : []),
  ];
  const query = keysetListQuery(
    { match: 'MATCH (c:Claim)', variable: 'c', conditions, key: 'c.createdAt', kind: 'datetime', direction: 'ASC' },
    page,
  );
  const rows = await db.read(query, {
    statuses: filter.statuses ?? null,
    assertedById: filter.assertedById ?? null,
    aboutId: filter.aboutId ?? null,
    reportedInId: filter.reportedInId ?? null,
    text,
    minOrigins: neo4j.int(filter.minIndependentOrigins ?? 0),
    maxOrigins: neo4j.int(filter.maxIndependentOrigins ?? 0),
    ...pageQueryParams(page),
  });
  const connection = listConnection(rows, page, (n) => toClaim(nodeProps(n)));
  await requireKnownIdsWhenEmpty(db, connection.totalCount, [
    { id: filter.assertedById, labels: ['Actor'], field: 'filter.assertedById' },
    { id: filter.aboutId, labels: NODE_LABELS, field: 'filter.aboutId' },
    { id: filter.reportedInId, labels: ['Source'], field: 'filter.reportedInId' },
  ]);
  return connection;
}
