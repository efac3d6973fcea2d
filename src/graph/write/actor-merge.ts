/**
 * mergeActors (admin): two records of one actor become one. Everything of the duplicate moves to
 * the kept actor — participations and relations (their claimIds united), the claims it asserts
 * or that are about it, its names and aliases — then the duplicate is removed, in one
 * transaction. A relationship type this module does not know is refused rather than lost.
 */
import { mergeActorsInput } from '../../inputs/actor.js';
import { parseInput } from '../../inputs/fields.js';
import { readActor } from './actor.js';
import type { Writer } from './audit.js';
import type { DbScope } from '../core/database.js';
import type { ActorObject } from '../core/mapping.js';
import { inOneTransaction } from './transaction.js';
import { mergeRecords, type MergePlan } from './merged-ids.js';
import type { MergeActorsInput } from '../../generated/graphql.js';

const UNITE = `
  ON CREATE SET n.claimIds = r.claimIds, n.status = r.status, n.createdAt = r.createdAt
  ON MATCH SET n.claimIds = n.claimIds + [c IN r.claimIds WHERE NOT c IN n.claimIds]`;

const MOVE_PARTICIPATIONS = `
  MATCH (m:Actor {id: $mergeId})-[r:PARTICIPATED_IN]->(e:Event), (k:Actor {id: $keepId})
  MERGE (k)-[n:PARTICIPATED_IN {role: r.role}]->(e)
  ${UNITE}
  WITH r, r.claimIds AS claimIds DELETE r
  RETURN claimIds`;

// Relations between the two records themselves would become self-relations: they are dropped.
const RELATION_KINDS = ['MEMBER_OF', 'PART_OF', 'ALLIED_WITH', 'OPPOSES'] as const;
const MOVE_RELATIONS = RELATION_KINDS.flatMap((kind) => [
  `MATCH (m:Actor {id: $mergeId})-[r:${kind}]->(o:Actor), (k:Actor {id: $keepId}) WHERE o <> k
   MERGE (k)-[n:${kind}]->(o)
   ${UNITE}
   WITH r, r.claimIds AS claimIds DELETE r
   RETURN claimIds`,
  `MATCH (o:Actor)-[r:${kind}]->(m:Actor {id: $mergeId}), (k:Actor {id: $keepId}) WHERE o <> k
   MERGE (o)-[n:${kind}]->(k)
   ${UNITE}
   WITH r, r.claimIds AS claimIds DELETE r
   RETURN claimIds`,
]);

const MOVE_PROVENANCE = `
  MATCH (m:Actor {id: $mergeId}), (k:Actor {id: $keepId})
  CALL (m, k) {
    MATCH (c:Claim)-[r:ASSERTED_BY]->(m) MERGE (c)-[:ASSERTED_BY]->(k) DELETE r
  }
  CALL (m, k) {
    MATCH (c:Claim)-[r:ABOUT]->(m) MERGE (c)-[:ABOUT]->(k) DELETE r
  }
  CALL (m, k) {
    MATCH (n:Name)-[r:NAMES]->(m) MERGE (n)-[:NAMES]->(k) DELETE r
  }
  RETURN [(c:Claim)-[:ASSERTED_BY|ABOUT]->(k) | c.id] AS claimIds`;

const LEFT_OVER = `
  MATCH (m:Actor {id: $mergeId})-[r]-(o)
  WHERE NOT (o:Actor AND o.id = $keepId)
  RETURN collect(DISTINCT type(r)) AS types`;

const ABSORB = `
  MATCH (m:Actor {id: $mergeId}), (k:Actor {id: $keepId})
  WITH m, k, [a IN [m.name] + m.aliases + k.aliases WHERE a <> k.name] AS names
  WITH m, k, reduce(acc = [], a IN names | CASE WHEN a IN acc THEN acc ELSE acc + a END) AS aliases
  SET k.aliases = aliases, k.aliasText = reduce(t = '', a IN aliases | t + CASE WHEN t = '' THEN '' ELSE ' | ' END + a),
      k.description = coalesce(k.description, m.description), k.updatedAt = datetime()
  WITH m, m {.name, .kind, .aliases, .description} AS merged
  DETACH DELETE m
  RETURN merged`;

const PLAN: MergePlan = {
  label: 'Actor',
  action: 'mergeActors',
  moves: [MOVE_PARTICIPATIONS, ...MOVE_RELATIONS, MOVE_PROVENANCE],
  leftOver: LEFT_OVER,
  absorb: ABSORB,
};

/** Mutation mergeActors (admin): keeps `keepId`, removes `mergeId` after moving all it has. */
export async function mergeActors(db: DbScope, given: MergeActorsInput, writer: Writer): Promise<ActorObject> {
  const input = parseInput(mergeActorsInput, given);
  return inOneTransaction(db, async (tx) => {
    await mergeRecords(tx, PLAN, input, writer);
    return readActor(tx, input.keepId);
  });
}
