/**
 * pathBetween: the shortest path (or all shortest paths) between two domain nodes, within a hop
 * limit, over the relationship kinds and claim statuses the filter allows. Cypher's
 * shortestPath/allShortestPaths run a bidirectional breadth-first search; the filter is written
 * as universal predicates so the search checks them at each step (no exhaustive fallback — a
 * test pins the plan).
 */
import { badInput, notFound } from '../../errors.js';
import type { DbScope } from '../core/database.js';
import {
  checkGraphFilter,
  narrows,
  PATH_PREDICATES,
  UNFILTERED_PATH_PREDICATES,
  relationshipTypes,
  type GraphFilterInput,
  type RelationKind,
} from './filter.js';
import {
  domainLabelOf,
  EDGE_PROJECTION,
  type NodeRead,
  RETURNED_NODES,
  type ReturnedNode,
  toGraphEdge,
  toGraphNode,
  type GraphEdgeObject,
  type GraphNodeObject,
} from './view.js';
import { DOMAIN_NODE_BY_ID } from '../read/node.js';

export const DEFAULT_MAX_HOPS = 4;
export const MAX_HOPS = 6;
/** allShortestPaths can fan out on hubs: at most this many paths come back. */
export const MAX_PATHS = 25;

export interface GraphPathObject {
  length: number;
  nodes: GraphNodeObject[];
  edges: GraphEdgeObject[];
}

export interface PathRequest {
  fromId: string;
  toId: string;
  maxHops?: number | null;
  all?: boolean | null;
  filter?: GraphFilterInput | null;
}

/**
 * The statement for one hop limit, kinds and mode. Only validated values reach the text: the
 * hop limit is an integer in 1..MAX_HOPS and the kinds come from RELATION_KINDS. One row per
 * path, or one row with a null path when both ends exist but nothing joins them; no row when an
 * end does not exist.
 */
export function pathStatement(
  kinds: readonly RelationKind[],
  maxHops: number,
  all: boolean,
  narrowed = true,
  nodes: NodeRead = 'whole',
): string {
  const search = all ? 'allShortestPaths' : 'shortestPath';
  const predicates = narrowed ? PATH_PREDICATES('p') : UNFILTERED_PATH_PREDICATES('p');
  return `
    ${DOMAIN_NODE_BY_ID('fromId')}
    WITH n AS a
    ${DOMAIN_NODE_BY_ID('toId')}
    WITH a, n AS b
    OPTIONAL MATCH p = ${search}((a)-[${relationshipTypes(kinds)}*1..${maxHops}]-(b))
    WHERE a <> b AND ${predicates}
    WITH p LIMIT ${MAX_PATHS}
    RETURN ${RETURNED_NODES('nodes(p)', nodes)} AS nodes, [r IN relationships(p) | ${EDGE_PROJECTION('r')}] AS edges`;
}

export function checkHops(maxHops: number | null | undefined): number {
  const hops = maxHops ?? DEFAULT_MAX_HOPS;
  if (!Number.isInteger(hops) || hops < 1 || hops > MAX_HOPS) {
    throw badInput(`maxHops must be between 1 and ${MAX_HOPS}; a longer chain says little about a link.`, 'maxHops');
  }
  return hops;
}

/** The paths asked for, in one statement; `nodes`: 'drawn' when the client reads no more of a node than its id. */
export async function pathBetween(
  db: DbScope,
  request: PathRequest,
  nodes: NodeRead = 'whole',
): Promise<GraphPathObject[]> {
  const hops = checkHops(request.maxHops);
  const filter = checkGraphFilter(request.filter);
  if (request.fromId === request.toId) {
    throw badInput('fromId and toId are the same node: a path joins two different nodes.', 'toId');
  }
  const rows = await db.read(pathStatement(filter.kinds, hops, request.all === true, narrows(filter), nodes), {
    fromId: request.fromId,
    toId: request.toId,
    ...filter.params,
  });
  if (rows.length === 0) {
    // An end is missing: say which one (more round trips, only on this error path).
    await domainLabelOf(db, request.fromId, 'fromId');
    await domainLabelOf(db, request.toId, 'toId');
    throw notFound('actor, place, event, source or claim', request.fromId);
  }
  const paths: GraphPathObject[] = [];
  for (const row of rows) {
    const found = row.get('nodes') as ReturnedNode[] | null;
    if (!found) continue;
    const edges = (row.get('edges') as Parameters<typeof toGraphEdge>[0][]).map(toGraphEdge);
    paths.push({
      length: edges.length,
      nodes: found.map(toGraphNode).filter((n): n is GraphNodeObject => n !== null),
      edges,
    });
  }
  return paths;
}
