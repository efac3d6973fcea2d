/**
 * Graph-shaped answers (GraphNode, GraphEdge): how a Neo4j node or relationship found by a path
 * or a neighbourhood is drawn — id, type, label, kind, direction — plus the lookup of any domain
 * node by id, which every analysis query starts from.
 */
import type { Node as Neo4jNode } from 'neo4j-driver';
import { notFound } from '../../errors.js';
import { requireKnownIds } from '../core/known-ids.js';
import type { DbScope } from '../core/database.js';
import {
  displayLabel,
  domainLabel,
  NODE_LABELS,
  NODE_MAP,
  toDomain,
  type DomainObject,
  type NodeLabel,
} from '../core/mapping.js';
import { DOMAIN_NODE_BY_ID } from '../read/node.js';

export type NodeType = 'ACTOR' | 'PLACE' | 'EVENT' | 'SOURCE' | 'CLAIM';

export const NODE_TYPE: Record<NodeLabel, NodeType> = {
  Actor: 'ACTOR',
  Place: 'PLACE',
  Event: 'EVENT',
  Source: 'SOURCE',
  Claim: 'CLAIM',
};

export interface GraphNodeObject {
  id: string;
  type: NodeType;
  label: string;
  node: DomainObject;
}

export interface GraphEdgeObject {
  id: string;
  kind: string;
  from: string;
  to: string;
  role: string | null;
  /** Resolved to Claim objects by the resolver's loader. */
  claimIds: string[];
  /** The strongest status among its claims; null for an edge that states no fact. */
  status: string | null;
}

/**
 * How a traversal returns its nodes: whole, or only what drawing them reads (labels, id and the
 * properties displayLabel makes the label of) when the client asks no more of them than their
 * ids. A drawn node maps to a domain object whose other fields are defaults: it is answered as is
 * and never primed into a loader.
 */
export type NodeRead = 'whole' | 'drawn';

const DRAWN_NODE = (n: string): string =>
  `{labels: labels(${n}), properties: ${n} {.id, .name, .title, .type, .subType, .timeLabel, .text}}`;

// Whole: every property, DateTimes as epoch milliseconds (NODE_MAP).
const WHOLE_NODE = (n: string): string => `{labels: labels(${n}), properties: ${NODE_MAP(n)}}`;

/** The Cypher of one node `n` as `read` returns it. */
export const RETURNED_NODE = (n: string, read: NodeRead): string => (read === 'whole' ? WHOLE_NODE(n) : DRAWN_NODE(n));

/** The Cypher of a list of nodes `list` as `read` returns them. */
export const RETURNED_NODES = (list: string, read: NodeRead): string => `[x IN ${list} | ${RETURNED_NODE('x', read)}]`;

/** A node as RETURNED_NODE(S) returns it: its labels and (some of) its properties. */
export type ReturnedNode = Pick<Neo4jNode, 'labels' | 'properties'>;

/** A domain node to what is drawn; null for anything else (Name, AuditEntry …). */
export function toGraphNode(node: ReturnedNode): GraphNodeObject | null {
  const domain = toDomain(node);
  const label = domainLabel(node.labels);
  if (!domain || !label) return null;
  return { id: domain.id, type: NODE_TYPE[label], label: displayLabel(domain), node: domain };
}

/** How queries return a relationship `r`: its kind, its ends' ids and what it carries. */
export const EDGE_PROJECTION = (r: string): string =>
  `{kind: type(${r}), from: startNode(${r}).id, to: endNode(${r}).id, role: ${r}.role,
    claimIds: ${r}.claimIds, status: ${r}.status}`;

interface EdgeRow {
  kind: string;
  from: string;
  to: string;
  role: string | null;
  claimIds: string[] | null;
  status: string | null;
}

/**
 * Edge ids are stable and readable: ends, kind and role (an actor can take part in one event in
 * two roles, as two edges), e.g. "actor:csp-PARTICIPATED_IN(ATTACKER)->event:lere-camp-attack".
 */
export function toGraphEdge(row: EdgeRow): GraphEdgeObject {
  const role = row.role ?? null;
  return {
    id: `${row.from}-${row.kind}${role ? `(${role})` : ''}->${row.to}`,
    kind: row.kind,
    from: row.from,
    to: row.to,
    role,
    claimIds: row.claimIds ?? [],
    status: row.claimIds ? (row.status ?? null) : null,
  };
}

const LABELS_OF = `${DOMAIN_NODE_BY_ID('id')} RETURN labels(n) AS labels LIMIT 1`;

/**
 * The domain label of the node with this id (given in `field`); NOT_FOUND when there is none,
 * with the id it differs from only by case or accents (known-ids.ts).
 */
export async function domainLabelOf(db: DbScope, id: string, field: string): Promise<NodeLabel> {
  const rows = await db.read(LABELS_OF, { id });
  const label = rows[0] ? domainLabel(rows[0].get('labels') as string[]) : null;
  if (!label) {
    await requireKnownIds(db, [{ id, labels: NODE_LABELS, field }]);
    throw notFound('actor, place, event, source or claim', id, { field });
  }
  return label;
}
