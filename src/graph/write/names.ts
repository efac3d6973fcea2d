/**
 * Names and aliases on the write path: (:Name {key})-[:NAMES]->(:Actor|:Place), one Name node
 * per normalised key (see names.ts). A lookup MERGEs the key's node, so two transactions that
 * name the same new actor at once serialise on the key's unique constraint: the second waits for
 * the first to commit, then finds the actor it created instead of creating another.
 *
 * Places are identified in their hierarchy: several places may share a name (the Sahel has more
 * than one Dioura), one per parent. The key stays the bare name, so a lookup by a bare name finds
 * every place of that name — one is a match, several are refused with their hierarchies — and a
 * lookup under a parent keeps those inside it. Uniqueness is per parent: a name or alias that
 * already names a place with the same parent is refused. A transaction about to create a place
 * under a name that already names others takes the key's lock first (`lockName`), so two writes
 * creating the same place under one parent serialise as new names do.
 */
import { appError, badInput, ErrorCode } from '../../errors.js';
import type { WriteTx } from '../core/database.js';
import { nameKey, type NamedLabel } from '../../domain/names.js';
import { closeness, nearDistance } from '../../domain/near-names.js';
import { normaliseName } from '../../domain/names.js';
import type { NameCandidate } from './outcomes.js';

export interface NamedNode {
  id: string;
  name: string;
}

/** A place a name names, with where it lies (its ancestors, nearest first). */
export interface NamedPlace extends NamedNode {
  parentId: string | null;
  ancestors: NamedNode[];
}

/** "Dioura › Ténenkou › Mopti › Mali". */
export const hierarchyOf = (place: NamedPlace): string => [place, ...place.ancestors].map((p) => p.name).join(' › ');

const ACTORS_NAMED = `
  MERGE (n:Name {key: $key})
  WITH n OPTIONAL MATCH (n)-[:NAMES]->(x:Actor)
  WITH collect(x) AS xs
  RETURN [x IN xs | {id: x.id, name: x.name}] AS found`;

// A place lies in at most one parent, so its LOCATED_IN paths are one chain.
const ANCESTRY = `
  CALL (x) {
    OPTIONAL MATCH path = (x)-[:LOCATED_IN*1..]->(a:Place)
    WITH a, length(path) AS depth ORDER BY depth
    RETURN collect({id: a.id, name: a.name}) AS ancestors
  }`;

const PLACES_NAMED = `
  MERGE (n:Name {key: $key})
  WITH n OPTIONAL MATCH (n)-[:NAMES]->(x:Place)
  WITH x WHERE x IS NOT NULL
  ${ANCESTRY}
  RETURN x.id AS id, x.name AS name, ancestors`;

const PLACES_BY_ID = `
  UNWIND $ids AS id
  MATCH (x:Place {id: id})
  ${ANCESTRY}
  RETURN x.id AS id, x.name AS name, ancestors`;

const toNamedPlace = (row: { get(key: string): unknown }): NamedPlace => {
  const ancestors = row.get('ancestors') as NamedNode[];
  return {
    id: row.get('id') as string,
    name: row.get('name') as string,
    parentId: ancestors[0]?.id ?? null,
    ancestors,
  };
};

/** The actors a name or alias names (none, one, or several when it is ambiguous). */
export async function nodesNamed(tx: WriteTx, label: 'Actor', name: string): Promise<NamedNode[]> {
  const [row] = await tx.run(ACTORS_NAMED, { key: nameKey(label, name) });
  return (row?.get('found') as NamedNode[] | undefined) ?? [];
}

/** Every place a name or alias names, each with its hierarchy. */
export async function placesNamed(tx: WriteTx, name: string): Promise<NamedPlace[]> {
  const rows = await tx.run(PLACES_NAMED, { key: nameKey('Place', name) });
  return rows.map(toNamedPlace);
}

/** Places by id, each with its hierarchy (ids that name no place are left out). */
export async function placesWithHierarchy(tx: WriteTx, ids: readonly string[]): Promise<NamedPlace[]> {
  if (ids.length === 0) return [];
  return (await tx.run(PLACES_BY_ID, { ids })).map(toNamedPlace);
}

// Writing a property takes the node's write lock until the transaction ends; nothing is kept.
const LOCK_NAMES = `
  UNWIND $keys AS key
  MERGE (n:Name {key: key})
  SET n.locked = true
  REMOVE n.locked`;

/** Holds names' keys until the transaction ends, so one creation under them runs at a time. */
export async function lockName(tx: WriteTx, label: NamedLabel, names: readonly string[]): Promise<void> {
  await tx.run(LOCK_NAMES, { keys: keysOf(label, names).sort() });
}

/** Refuses an ambiguous name, listing the candidates (a place with its hierarchy) to pick one by id. */
export function ambiguous(label: NamedLabel, name: string, candidates: (NamedNode | NamedPlace)[], field: string) {
  const described = candidates.map((c) => ({
    id: c.id,
    name: c.name,
    ...('ancestors' in c ? { hierarchy: hierarchyOf(c) } : {}),
  }));
  const list = described.map((c) => `${c.id} (${c.hierarchy ?? c.name})`).join(', ');
  const how =
    label === 'Place'
      ? 'Refer to the one you mean by id, or give its parent (parentId or parent).'
      : 'Refer to the one you mean by id.';
  return appError(
    ErrorCode.AMBIGUOUS_NAME,
    `${field}: "${name}" names ${candidates.length} ${label === 'Actor' ? 'actors' : 'places'}: ${list}. ${how}`,
    { field, candidates: described },
  );
}

// Links each key to the node and reports who else the key already names (a place's owners with
// their parent: place names are unique per parent only).
const LINK: Record<NamedLabel, string> = {
  Actor: `
    MATCH (x:Actor {id: $id})
    UNWIND $keys AS key
    MERGE (n:Name {key: key})
    WITH x, key, n
    OPTIONAL MATCH (n)-[:NAMES]->(other:Actor) WHERE other <> x
    WITH x, key, n, collect(other) AS others
    MERGE (n)-[:NAMES]->(x)
    RETURN key, [o IN others | {id: o.id, name: o.name, parentId: null}] AS owners`,
  Place: `
    MATCH (x:Place {id: $id})
    UNWIND $keys AS key
    MERGE (n:Name {key: key})
    WITH x, key, n
    OPTIONAL MATCH (n)-[:NAMES]->(other:Place) WHERE other <> x
    WITH x, key, n, collect(other) AS others
    MERGE (n)-[:NAMES]->(x)
    RETURN key, [o IN others | {id: o.id, name: o.name, parentId: head([(o)-[:LOCATED_IN]->(q:Place) | q.id])}] AS owners`,
};

const UNLINK: Record<NamedLabel, string> = {
  Actor: `
    MATCH (n:Name)-[r:NAMES]->(x:Actor {id: $id}) WHERE NOT n.key IN $keys
    DELETE r
    WITH n WHERE NOT EXISTS { (n)-[:NAMES]->() } DELETE n`,
  Place: `
    MATCH (n:Name)-[r:NAMES]->(x:Place {id: $id}) WHERE NOT n.key IN $keys
    DELETE r
    WITH n WHERE NOT EXISTS { (n)-[:NAMES]->() } DELETE n`,
};

/** The distinct keys of a name and its aliases. */
export function keysOf(label: NamedLabel, names: readonly string[]): string[] {
  return [...new Set(names.map((n) => nameKey(label, n)))];
}

/**
 * Gives a node its names: links a Name node per key (and, with `replace`, unlinks the keys it no
 * longer has). With `exclusive`, a key that already names another actor — or another place with
 * the same parent (`parentId`) — is refused (CONFLICT) rather than shared; the refusal rolls the
 * links back with the rest of the transaction.
 */
export async function setNames(
  tx: WriteTx,
  label: NamedLabel,
  id: string,
  names: readonly string[],
  options: { exclusive: boolean; replace?: boolean; field: string; parentId?: string | null },
): Promise<void> {
  const keys = keysOf(label, names);
  if (options.replace) await tx.run(UNLINK[label], { id, keys });
  const rows = await tx.run(LINK[label], { id, keys });
  if (!options.exclusive) return;
  const taken = rows.flatMap((r) =>
    (r.get('owners') as (NamedNode & { parentId: string | null })[])
      .filter((o) => label === 'Actor' || o.parentId === (options.parentId ?? null))
      .map((o) => ({ key: r.get('key') as string, ...o })),
  );
  if (taken.length > 0) {
    const where = label === 'Place' ? (options.parentId ? ` in ${options.parentId}` : ' (with no parent)') : '';
    const list = taken.map((t) => `"${t.key.slice(t.key.indexOf(':') + 1)}" already names ${t.id} (${t.name})${where}`);
    throw appError(
      ErrorCode.CONFLICT,
      `${options.field}: ${list.join('; ')}. It is probably the same ${label.toLowerCase()}: refer to it by id instead of adding it again.`,
      { field: options.field, candidates: taken.map(({ id: cid, name }) => ({ id: cid, name })) },
    );
  }
}

// Keys of the label whose length allows them to be close: the key index's range scan, no decoding
// of the nodes but the few that qualify (one per new actor or place, not per claim).
const NAMES_OF_LENGTH = `
  MATCH (n:Name)-[:NAMES]->(x)
  WHERE n.key STARTS WITH $prefix AND size(n.key) >= $shortest AND size(n.key) <= $longest
    AND x.id <> $id AND $label IN labels(x)
  RETURN n.key AS key, x.id AS id, x.name AS name`;

/**
 * Existing actors or places with a name or alias close to one of `names` (near-names.ts), the
 * closest first, each once. Exact matches are not near duplicates: they were matched or refused.
 */
export async function nearDuplicates(
  tx: WriteTx,
  label: NamedLabel,
  id: string,
  names: readonly string[],
): Promise<NameCandidate[]> {
  const prefix = `${label.toLowerCase()}:`;
  const normalised = [...new Set(names.map(normaliseName))].filter((n) => nearDistance(n) > 0);
  if (normalised.length === 0) return [];
  const lengths = normalised.map((n) => n.length);
  const rows = await tx.run(NAMES_OF_LENGTH, {
    prefix,
    shortest: prefix.length + Math.min(...lengths) - 2,
    longest: prefix.length + Math.max(...lengths) + 2,
    id,
    label,
  });
  const best = new Map<string, NameCandidate>();
  for (const row of rows) {
    const closeName = (row.get('key') as string).slice(prefix.length);
    for (const name of normalised) {
      const distance = closeness(name, closeName);
      if (distance === null) continue;
      const candidateId = row.get('id') as string;
      const seen = best.get(candidateId);
      if (!seen || distance < seen.distance)
        best.set(candidateId, {
          id: candidateId,
          name: row.get('name') as string,
          closeName,
          distance,
          hierarchy: null,
        });
    }
  }
  const candidates = [...best.values()].sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id));
  if (label === 'Place') {
    const places = new Map(
      (
        await placesWithHierarchy(
          tx,
          candidates.map((c) => c.id),
        )
      ).map((p) => [p.id, p]),
    );
    for (const c of candidates) {
      const place = places.get(c.id);
      if (place) c.hierarchy = hierarchyOf(place);
    }
  }
  return candidates;
}

/**
 * The alias list after adding or removing one (null: nothing to change). Removing an alias the
 * record does not have, or its name, is refused.
 */
export function nextAliases(
  current: { name: string; aliases: string[] },
  alias: string,
  change: 'add' | 'remove',
): string[] | null {
  const key = normaliseName;
  const has = current.aliases.find((a) => key(a) === key(alias));
  if (change === 'add') {
    if (has || key(current.name) === key(alias)) return null;
    return [...current.aliases, alias];
  }
  if (key(current.name) === key(alias))
    throw badInput(`input.alias: "${alias}" is the name, not an alias; rename it with update instead.`, 'input.alias');
  if (!has)
    throw badInput(
      `input.alias: "${alias}" is not one of its aliases (${current.aliases.join(', ') || 'none'}).`,
      'input.alias',
    );
  return current.aliases.filter((a) => key(a) !== key(alias));
}
