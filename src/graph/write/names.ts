/**
 * Names and aliases on the write path: (:Name {key})-[:NAMES]->(:Actor|:Place), one Name node
 * per normalised key (see names.ts). A lookup MERGEs the key's node, so two transactions that
 * name the same new actor at once serialise on the key's unique constraint: the second waits for
 * the first to commit, then finds the actor it created instead of creating another.
 */
import { appError, ErrorCode } from '../../errors.js';
import type { WriteTx } from '../core/database.js';
import { nameKey, type NamedLabel } from '../../domain/names.js';

export interface NamedNode {
  id: string;
  name: string;
}

// One statement per label: labels cannot be parameters, and a labelled pattern uses the indexes.
const LOOKUP: Record<NamedLabel, string> = {
  Actor: `
    MERGE (n:Name {key: $key})
    WITH n OPTIONAL MATCH (n)-[:NAMES]->(x:Actor)
    WITH collect(x) AS xs
    RETURN [x IN xs | {id: x.id, name: x.name}] AS found`,
  Place: `
    MERGE (n:Name {key: $key})
    WITH n OPTIONAL MATCH (n)-[:NAMES]->(x:Place)
    WITH collect(x) AS xs
    RETURN [x IN xs | {id: x.id, name: x.name}] AS found`,
};

/** The nodes a name or alias names (none, one, or several when it is ambiguous). */
export async function nodesNamed(tx: WriteTx, label: NamedLabel, name: string): Promise<NamedNode[]> {
  const [row] = await tx.run(LOOKUP[label], { key: nameKey(label, name) });
  return (row?.get('found') as NamedNode[] | undefined) ?? [];
}

/** Refuses an ambiguous name, listing the candidates so the researcher can pick one by id. */
export function ambiguous(label: NamedLabel, name: string, candidates: NamedNode[], field: string) {
  const list = candidates.map((c) => `${c.id} (${c.name})`).join(', ');
  return appError(
    ErrorCode.AMBIGUOUS_NAME,
    `${field}: "${name}" names ${candidates.length} ${label === 'Actor' ? 'actors' : 'places'}: ${list}. Refer to the one you mean by id.`,
    { field, candidates },
  );
}

// Links each key to the node and reports who else the key already names.
const LINK: Record<NamedLabel, string> = {
  Actor: `
    MATCH (x:Actor {id: $id})
    UNWIND $keys AS key
    MERGE (n:Name {key: key})
    WITH x, key, n
    OPTIONAL MATCH (n)-[:NAMES]->(other:Actor) WHERE other <> x
    WITH x, key, n, collect(other) AS others
    MERGE (n)-[:NAMES]->(x)
    RETURN key, [o IN others | {id: o.id, name: o.name}] AS owners`,
  Place: `
    MATCH (x:Place {id: $id})
    UNWIND $keys AS key
    MERGE (n:Name {key: key})
    WITH x, key, n
    OPTIONAL MATCH (n)-[:NAMES]->(other:Place) WHERE other <> x
    WITH x, key, n, collect(other) AS others
    MERGE (n)-[:NAMES]->(x)
    RETURN key, [o IN others | {id: o.id, name: o.name}] AS owners`,
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
 * longer has). With `exclusive`, a key that already names another node is refused (CONFLICT)
 * rather than shared; the refusal rolls the links back with the rest of the transaction.
 */
export async function setNames(
  tx: WriteTx,
  label: NamedLabel,
  id: string,
  names: readonly string[],
  options: { exclusive: boolean; replace?: boolean; field: string },
): Promise<void> {
  const keys = keysOf(label, names);
  if (options.replace) await tx.run(UNLINK[label], { id, keys });
  const rows = await tx.run(LINK[label], { id, keys });
  if (!options.exclusive) return;
  const taken = rows.flatMap((r) =>
    (r.get('owners') as NamedNode[]).map((o) => ({ key: r.get('key') as string, ...o })),
  );
  if (taken.length > 0) {
    const list = taken.map((t) => `"${t.key.slice(t.key.indexOf(':') + 1)}" already names ${t.id} (${t.name})`);
    throw appError(
      ErrorCode.CONFLICT,
      `${options.field}: ${list.join('; ')}. It is probably the same ${label.toLowerCase()}: refer to it by id instead of adding it again.`,
      { field: options.field, candidates: taken.map(({ id: cid, name }) => ({ id: cid, name })) },
    );
  }
}
