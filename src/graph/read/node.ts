/** Any domain node by id, whatever its label: `node(id)` of the Node interface. */
import type { Node as Neo4jNode } from 'neo4j-driver';
import type { DbScope } from '../core/database.js';
import { type DomainObject, toDomain } from '../core/mapping.js';

// One index seek per label (a label-less MATCH would scan every node).
const NODE_BY_ID = `
  CALL () {
    MATCH (n:Actor {id: $id}) RETURN n
    UNION MATCH (n:Place {id: $id}) RETURN n
    UNION MATCH (n:Event {id: $id}) RETURN n
    UNION MATCH (n:Source {id: $id}) RETURN n
    UNION MATCH (n:Claim {id: $id}) RETURN n
  }
  RETURN n LIMIT 1`;

export async function nodeById(db: DbScope, id: string): Promise<DomainObject | null> {
  const rows = await db.read(NODE_BY_ID, { id });
  const node = rows[0]?.get('n') as Neo4jNode | undefined;
  return node ? toDomain(node) : null;
}
