/** Any domain node by id, whatever its label: `node(id)` of the Node interface. */
import type { Node as Neo4jNode } from 'neo4j-driver';
import type { DbScope } from '../core/database.js';
import { type DomainObject, toDomain } from '../core/mapping.js';

/**
 * `CALL` fragment binding `n` to the domain node whose id is `$<param>`: one unique-index seek
 * per domain label (a label-less MATCH would scan every node, and would find Name nodes).
 */
export const DOMAIN_NODE_BY_ID = (param: string): string => `
  CALL () {
    MATCH (n:Actor {id: $${param}}) RETURN n
    UNION MATCH (n:Place {id: $${param}}) RETURN n
    UNION MATCH (n:Event {id: $${param}}) RETURN n
    UNION MATCH (n:Source {id: $${param}}) RETURN n
    UNION MATCH (n:Claim {id: $${param}}) RETURN n
  }`;

const NODE_BY_ID = `${DOMAIN_NODE_BY_ID('id')} RETURN n LIMIT 1`;

export async function nodeById(db: DbScope, id: string): Promise<DomainObject | null> {
  const rows = await db.read(NODE_BY_ID, { id });
  const node = rows[0]?.get('n') as Neo4jNode | undefined;
  return node ? toDomain(node) : null;
}
