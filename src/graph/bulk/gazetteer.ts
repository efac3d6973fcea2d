/**
 * The places, held in memory for a dataset import: a row names its places as a chain of names
 * (country › admin1 › admin2 › admin3 › location), and each is matched among its parent's places
 * by name or alias (placeMatchKey: "Timbuktu" finds "Timbuktu region"), never by name alone across
 * regions. Loaded once per import (places are few beside events: thousands, not millions) and
 * kept current with the places the import creates.
 */
import type { DbScope } from '../core/database.js';
import { idFromName } from '../../domain/names.js';
import { placeMatchKey } from '../../domain/place-names.js';

const ROOT = '';

// A dataset names the same few thousand places row after row: each name's match key is worked
// out once (a bounded cache, emptied when full, so a file of ever new names cannot grow it).
const MATCH_KEYS = new Map<string, string>();
const MATCH_KEYS_MAX = 100_000;

/** placeMatchKey, cached. */
export function matchKeyOf(name: string): string {
  let key = MATCH_KEYS.get(name);
  if (key === undefined) {
    if (MATCH_KEYS.size >= MATCH_KEYS_MAX) MATCH_KEYS.clear();
    key = placeMatchKey(name);
    MATCH_KEYS.set(name, key);
  }
  return key;
}

const ALL_PLACES = `
  MATCH (p:Place)
  OPTIONAL MATCH (p)-[:LOCATED_IN]->(parent:Place)
  RETURN p.id AS id, p.name AS name, coalesce(p.aliases, []) AS aliases, parent.id AS parentId`;

export interface GazetteerPlace {
  id: string;
  name: string;
  parentId: string | null;
}

export class Gazetteer {
  private readonly places = new Map<string, GazetteerPlace>();
  /** parent id ('' for the top) → match key → the ids of its places with that name or alias. */
  private readonly byParent = new Map<string, Map<string, string[]>>();
  private readonly children = new Map<string, string[]>();

  static async load(db: DbScope): Promise<Gazetteer> {
    const gazetteer = new Gazetteer();
    for (const row of await db.read(ALL_PLACES))
      gazetteer.add({
        id: row.get('id') as string,
        name: row.get('name') as string,
        aliases: row.get('aliases') as string[],
        parentId: (row.get('parentId') as string | null) ?? null,
      });
    return gazetteer;
  }

  get size(): number {
    return this.places.size;
  }

  has(id: string): boolean {
    return this.places.has(id);
  }

  get(id: string): GazetteerPlace | undefined {
    return this.places.get(id);
  }

  add(place: GazetteerPlace & { aliases: readonly string[] }): void {
    const { id, name, parentId } = place;
    this.places.set(id, { id, name, parentId });
    const parent = parentId ?? ROOT;
    const keys = this.byParent.get(parent) ?? this.byParent.set(parent, new Map()).get(parent)!;
    for (const key of new Set([name, ...place.aliases].map(matchKeyOf))) {
      const ids = keys.get(key) ?? keys.set(key, []).get(key)!;
      if (!ids.includes(id)) ids.push(id);
    }
    (this.children.get(parent) ?? this.children.set(parent, []).get(parent)!).push(id);
  }

  /** The places directly inside `parentId` (null: the top level) that this name or alias names. */
  within(parentId: string | null, name: string): string[] {
    return this.byParent.get(parentId ?? ROOT)?.get(matchKeyOf(name)) ?? [];
  }

  /** The places anywhere inside `ancestorId` (down to `depth` levels) that this name or alias names. */
  inside(ancestorId: string, name: string, depth = 4): string[] {
    const found: string[] = [];
    const key = matchKeyOf(name);
    let level = [ancestorId];
    for (let d = 0; d < depth && level.length > 0; d++) {
      for (const id of level) found.push(...(this.byParent.get(id)?.get(key) ?? []));
      level = level.flatMap((id) => this.children.get(id) ?? []);
    }
    return [...new Set(found)];
  }

  /** A free id for a new place: its name's, else qualified by its parent's name, else numbered. */
  freeId(name: string, parentId: string | null, takenElsewhere: (id: string) => boolean = () => false): string {
    const taken = (id: string) => this.places.has(id) || takenElsewhere(id);
    const plain = idFromName('place', name);
    if (!taken(plain)) return plain;
    const parent = parentId ? this.places.get(parentId) : undefined;
    const qualified = parent ? `${plain}-${idFromName('x', parent.name).slice(2)}` : plain;
    if (!taken(qualified)) return qualified;
    for (let n = 2; ; n++) if (!taken(`${qualified}-${n}`)) return `${qualified}-${n}`;
  }
}
