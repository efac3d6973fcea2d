/**
 * neighbourhood: the subgraph around a node to a depth, ready to draw, bounded on any node. The
 * nodes come from a pruning breadth-first expansion (each node reached once, nearest first) cut
 * by LIMIT inside the query, so a hub with a hundred thousand events costs `limit` nodes, not its
 * degree. The edges are those between the kept nodes; a node with more relationships than the
 * fan-out bound is not expanded but joined to each kept node by an Expand(Into), which starts
 * from the lighter end — so the edge step also stays bounded by limit × fan-out.
 */
import { badInput } from '../../errors.js';
import type { DbScope } from '../core/database.js';
import {
  checkGraphFilter,
  EDGE_PREDICATE,
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
import neo4j from 'neo4j-driver';

export const MAX_DEPTH = 3;
export const MAX_NODES = 500;
/** Above this many relationships a kept node is joined to the others pairwise, not expanded. */
export const FAN_OUT = 1_000;

export interface GraphViewObject {
  nodes: GraphNodeObject[];
  edges: GraphEdgeObject[];
  capped: boolean;
}

export interface NeighbourhoodRequest {
  id: string;
  depth?: number | null;
  limit?: number | null;
  filter?: GraphFilterInput | null;
}

/**
 * One statement per depth and kinds (depth 1 is a plain expansion: the planner makes *1..1 an
 * eager var-length expand that reads every relationship of a hub before the LIMIT). Both are validated: depth in 1..MAX_DEPTH, kinds from the
 * allow-list. `$found` is limit - 1 + 1: the neighbours that fit beside the start node, plus
 * one to tell whether the cap cut the answer.
 */
export function neighbourhoodStatement(
  kinds: readonly RelationKind[],
  depth: number,
  narrowed = true,
  nodes: NodeRead = 'whole',
): string {
  const types = relationshipTypes(kinds);
  const predicates = narrowed ? PATH_PREDICATES('p') : UNFILTERED_PATH_PREDICATES('p');
  const edgePredicate = narrowed ? EDGE_PREDICATE('r') : 'true';
  return `
    ${DOMAIN_NODE_BY_ID('id')}
    WITH n AS start
    OPTIONAL MATCH p = (start)-[${types}${depth === 1 ? '' : `*1..${depth}`}]-(m)
    WHERE ${predicates}
    WITH DISTINCT start, m LIMIT $found
    WITH start, collect(m) AS around
    WITH start, size(around) >= $found AS capped, [start] + around[0..$found - 1] AS kept
    CALL (kept) {
      UNWIND kept AS a
      WITH a, kept, COUNT { (a)-[${types}]->() } AS degree
      CALL (a, kept, degree) {
        WITH a, kept WHERE degree <= $fanOut
        MATCH (a)-[r${types}]->(b) WHERE b IN kept AND ${edgePredicate}
        RETURN r
        UNION ALL
        WITH a, kept WHERE degree > $fanOut
        UNWIND kept AS b
        MATCH (a)-[r${types}]->(b) WHERE ${edgePredicate}
        RETURN r
      }
      RETURN collect(${EDGE_PROJECTION('r')}) AS edges
    }
    RETURN ${RETURNED_NODES('kept', nodes)} AS nodes, edges, capped`;
}

export function checkNeighbourhood(depth: number | null | undefined, limit: number | null | undefined) {
  const d = depth ?? 1;
  const l = limit ?? 100;
  if (!Number.isInteger(d) || d < 1 || d > MAX_DEPTH) {
    throw badInput(`depth must be between 1 and ${MAX_DEPTH}.`, 'depth');
  }
  if (!Number.isInteger(l) || l < 1 || l > MAX_NODES) {
    throw badInput(`limit must be between 1 and ${MAX_NODES} nodes; narrow the filter to see more.`, 'limit');
  }
  return { depth: d, limit: l };
}

/** The view asked for, in one statement; `nodes`: 'drawn' when the client reads no more of a node than its id. */
export async function neighbourhood(
  db: DbScope,
  request: NeighbourhoodRequest,
  nodes: NodeRead = 'whole',
): Promise<GraphViewObject> {
  const { depth, limit } = checkNeighbourhood(request.depth, request.limit);
  const filter = checkGraphFilter(request.filter);
  const rows = await db.read(neighbourhoodStatement(filter.kinds, depth, narrows(filter), nodes), {
    id: request.id,
    found: neo4j.int(limit),
    fanOut: neo4j.int(FAN_OUT),
    ...filter.params,
  });
  const row = rows[0];
  if (!row) {
    await domainLabelOf(db, request.id, 'id');
    return { nodes: [], edges: [], capped: false };
  }
  return {
    nodes: (row.get('nodes') as ReturnedNode[]).map(toGraphNode).filter((n): n is GraphNodeObject => n !== null),
    edges: (row.get('edges') as Parameters<typeof toGraphEdge>[0][]).map(toGraphEdge),
    capped: row.get('capped') as boolean,
  };
}
