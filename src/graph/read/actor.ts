/**
 * Actor reads: by id, the filtered and ordered list, and the batch reads behind the nested
 * fields (relations to other actors; participations live in actor-participations.ts). Every
 * batch answers many actors with one query; the loaders in src/request/loaders.ts call them.
 */
import { alignRows, nodesByIds } from '../core/batches.js';
import type { DbScope } from '../core/database.js';
import { type ActorObject, type ActorRelationObject, toActor, toFactEdge, nodeProps } from '../core/mapping.js';
import { strongestStatus } from '../../domain/claim-status.js';
import { normaliseName } from '../../domain/names.js';
import {
  type Connection,
  type PageParams,
  pageQueryParams,
  keysetListQuery,
  type SortDirection,
  type SortValueKind,
  listConnection,
} from '../core/pagination.js';

export async function actorsByIds(db: DbScope, ids: readonly string[]): Promise<(ActorObject | null)[]> {
  return nodesByIds(db, 'Actor', ids, toActor);
}

// --- the list ------------------------------------------------------------------------------

export type ActorOrderField = 'NAME' | 'CREATED_AT';

export interface ActorFilter {
  kinds?: readonly string[] | null;
  nameContains?: string | null;
}

// Name and alias text goes through the Name nodes' normalised keys ('actor:<key>'), so 'fama'
// finds FAMa and 'forces armees' finds "Forces armées maliennes", whatever the case and accents.
const ACTOR_CONDITIONS = {
  kinds: 'a.kind IN $kinds',
  nameContains: `EXISTS {
    MATCH (n:Name)-[:NAMES]->(a) WHERE n.key STARTS WITH 'actor:' AND substring(n.key, 6) CONTAINS $needle
  }`,
};

const ACTOR_SORT_KEYS: Record<ActorOrderField, { key: string; kind: SortValueKind }> = {
  NAME: { key: 'a.name', kind: 'string' },
  CREATED_AT: { key: 'a.createdAt', kind: 'datetime' },
};

/** The ordering's name, as cursors carry it. */
export const actorOrdering = (field: ActorOrderField, direction: SortDirection) => `actors:${field}:${direction}`;

export async function listActors(
  db: DbScope,
  filter: ActorFilter,
  field: ActorOrderField,
  direction: SortDirection,
  page: PageParams,
): Promise<Connection<ActorObject>> {
  const needle = filter.nameContains ? normaliseName(filter.nameContains) : '';
  const conditions = [
    ...(filter.kinds ? [ACTOR_CONDITIONS.kinds] : []),
    ...(needle ? [ACTOR_CONDITIONS.nameContains] : []),
  ];
  const query = keysetListQuery(
    { match: 'MATCH (a:Actor)', variable: 'a', conditions, ...ACTOR_SORT_KEYS[field], direction },
    page,
  );
  const rows = await db.read(query, { kinds: filter.kinds ?? null, needle, ...pageQueryParams(page) });
  return listConnection(rows, page, (n) => toActor(nodeProps(n)));
}

// --- relations between actors ----------------------------------------------------------------

export interface ActorRelations {
  memberOf: ActorRelationObject[];
  members: ActorRelationObject[];
  allies: ActorRelationObject[];
  opponents: ActorRelationObject[];
}

const NO_RELATIONS: ActorRelations = { memberOf: [], members: [], allies: [], opponents: [] };

// All four kinds in one pass; the direction decides member vs whole, and ALLIED_WITH / OPPOSES
// are symmetric, so they are matched both ways and merged per other actor.
const RELATIONS_OF_ACTORS = `
  UNWIND $ids AS id
  MATCH (a:Actor {id: id})
  CALL (a) {
    MATCH (a)-[r:MEMBER_OF|PART_OF|ALLIED_WITH|OPPOSES]-(other:Actor)
    WHERE other <> a
    RETURN collect({kind: type(r), outgoing: startNode(r) = a, edge: properties(r), other: other}) AS relations
  }
  RETURN id, relations`;

interface RelationRow {
  kind: string;
  outgoing: boolean;
  edge: Record<string, unknown>;
  other: unknown;
}

/** One list per side, merged per (kind, other actor), ordered by the other actor's name. */
function sortRelations(rows: RelationRow[]): ActorRelationObject[] {
  const merged = new Map<string, ActorRelationObject>();
  for (const row of rows) {
    const actor = toActor(nodeProps(row.other));
    const edge = toFactEdge(row.edge);
    const key = `${row.kind}|${actor.id}`;
    const seen = merged.get(key);
    if (seen) {
      seen.claimIds = [...new Set([...seen.claimIds, ...edge.claimIds])];
      seen.status = strongestStatus([seen.status, edge.status]);
    } else {
      merged.set(key, { __typename: 'ActorRelation', kind: row.kind, actor, ...edge });
    }
  }
  return [...merged.values()].sort(
    (x, y) =>
      x.actor.name.localeCompare(y.actor.name) || x.kind.localeCompare(y.kind) || x.actor.id.localeCompare(y.actor.id),
  );
}

export async function relationsOfActors(db: DbScope, ids: readonly string[]): Promise<ActorRelations[]> {
  const rows = await db.read(RELATIONS_OF_ACTORS, { ids });
  return alignRows(
    ids,
    rows,
    (row) => {
      const relations = row.get('relations') as RelationRow[];
      const nest = (r: RelationRow) => r.kind === 'MEMBER_OF' || r.kind === 'PART_OF';
      return {
        memberOf: sortRelations(relations.filter((r) => nest(r) && r.outgoing)),
        members: sortRelations(relations.filter((r) => nest(r) && !r.outgoing)),
        allies: sortRelations(relations.filter((r) => r.kind === 'ALLIED_WITH')),
        opponents: sortRelations(relations.filter((r) => r.kind === 'OPPOSES')),
      };
    },
    NO_RELATIONS,
  );
}
