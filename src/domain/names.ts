/**
 * Name keys: how names and aliases are matched. "Léré", "Lere" and " LÉRÉ " are one key, so a
 * researcher's spelling finds the existing node. Keys are stored on (:Name) nodes, one per key
 * and label, e.g. "actor:fama".
 */

// Printable ASCII (most names and texts of a dataset) has nothing to decompose and no white space
// but the space: only its case and its runs of spaces fold, without NFD's copy of the text.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Unicode NFD, diacritics removed, lower case, white space folded to single spaces, trimmed. */
export function normaliseName(name: string): string {
  if (PRINTABLE_ASCII.test(name)) {
    const lower = name.toLowerCase();
    return (lower.includes('  ') ? lower.replace(/ +/g, ' ') : lower).trim();
  }
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Text as the text filters match it (claims' textContains, sources' titleContains), folded as
 * names are: each part normalised, the parts joined by " | " so a match never spans two of them.
 * Stored beside the text by the write path (graph/core/folded-text.ts), so a filter compares with
 * CONTAINS on an index instead of folding every row.
 */
export function foldText(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .map(normaliseName)
    .join(' | ');
}

export type NamedLabel = 'Actor' | 'Place';

// A dataset import asks for the keys of the same few thousand names row after row: each is worked
// out once (a bounded cache, emptied when full, so a file of ever new names cannot grow it).
const NAME_KEYS: Record<NamedLabel, Map<string, string>> = { Actor: new Map(), Place: new Map() };
const NAME_KEYS_MAX = 100_000;

/** The (:Name).key of a name for a label: "actor:malian armed forces". */
export function nameKey(label: NamedLabel, name: string): string {
  const keys = NAME_KEYS[label];
  let key = keys.get(name);
  if (key === undefined) {
    if (keys.size >= NAME_KEYS_MAX) keys.clear();
    key = `${label.toLowerCase()}:${normaliseName(name)}`;
    keys.set(name, key);
  }
  return key;
}

// Ids are asked for the same names again (a new place's, qualified by its parent's): each name's
// slug is worked out once, bounded as the keys are.
const SLUGS = new Map<string, string>();

/** A readable id derived from a name: "actor:malian-armed-forces". */
export function idFromName(prefix: string, name: string): string {
  let slug = SLUGS.get(name);
  if (slug === undefined) {
    if (SLUGS.size >= NAME_KEYS_MAX) SLUGS.clear();
    slug = normaliseName(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    SLUGS.set(name, slug);
  }
  return `${prefix}:${slug || 'unnamed'}`;
}
