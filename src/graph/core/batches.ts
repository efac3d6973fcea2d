/**
 * The shape DataLoader asks of a batch function: one result per key, in the keys' order. Graph
 * modules answer a whole batch with one query (UNWIND $ids) and align its rows here.
 */
import type { DbScope, Row } from './database.js';
import { nodeProps, type Props } from './mapping.js';

/** One value per id, in the ids' order; `missing` where no row had that id. */
export function alignToIds<T>(ids: readonly string[], entries: Iterable<readonly [string, T]>, missing: T): T[] {
  const byId = new Map(entries);
  return ids.map((id) => (byId.has(id) ? (byId.get(id) as T) : missing));
}

/** Rows of `RETURN id, <column>` aligned to the ids; `missing` where a parent had no row. */
export function alignRows<T>(
  ids: readonly string[],
  rows: readonly Row[],
  read: (row: Row) => T,
  missing: T,
  idColumn = 'id',
): T[] {
  return alignToIds(
    ids,
    rows.map((row) => [row.get(idColumn) as string, read(row)] as const),
    missing,
  );
}

/**
 * Groups the keys of an argument-carrying loader by their arguments (every key but `id`), so a
 * list of parents asking the same page of the same relationship costs one query, and answers
 * each group with `load`, keeping the keys' order.
 */
export async function byArguments<K extends { id: string }, T>(
  keys: readonly K[],
  load: (ids: string[], args: Omit<K, 'id'>) => Promise<T[]>,
): Promise<T[]> {
  const groups = new Map<string, { args: Omit<K, 'id'>; indexes: number[] }>();
  keys.forEach((key, index) => {
    const { id: _id, ...args } = key;
    const signature = argumentKey(args);
    const group = groups.get(signature) ?? { args, indexes: [] };
    group.indexes.push(index);
    groups.set(signature, group);
  });
  const results = new Array<T>(keys.length);
  await Promise.all(
    [...groups.values()].map(async ({ args, indexes }) => {
      const answers = await load(
        indexes.map((i) => (keys[i] as K).id),
        args,
      );
      indexes.forEach((keyIndex, n) => {
        results[keyIndex] = answers[n] as T;
      });
    }),
  );
  return results;
}

/** The cache key of an argument-carrying loader key: stable whatever the property order. */
export function argumentKey(key: unknown): string {
  return JSON.stringify(canonical(key));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value ?? null;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
}

/** Nodes of one label by id, mapped, in the ids' order; null where no node has that id. */
export async function nodesByIds<T>(
  db: DbScope,
  label: 'Actor' | 'Event' | 'Source' | 'Claim',
  ids: readonly string[],
  map: (props: Props) => T,
): Promise<(T | null)[]> {
  const rows = await db.read(`UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN id, n`, { ids });
  return alignRows(ids, rows, (row) => map(nodeProps(row.get('n'))), null);
}
