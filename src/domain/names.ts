/**
 * Name keys: how names and aliases are matched. "Léré", "Lere" and " LÉRÉ " are one key, so a
 * researcher's spelling finds the existing node. Keys are stored on (:Name) nodes, one per key
 * and label, e.g. "actor:fama".
 */

/** Unicode NFD, diacritics removed, lower case, white space folded to single spaces, trimmed. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

export type NamedLabel = 'Actor' | 'Place';

/** The (:Name).key of a name for a label: "actor:malian armed forces". */
export function nameKey(label: NamedLabel, name: string): string {
  return `${label.toLowerCase()}:${normaliseName(name)}`;
}

/** A readable id derived from a name: "actor:malian-armed-forces". */
export function idFromName(prefix: string, name: string): string {
  const slug = normaliseName(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${prefix}:${slug || 'unnamed'}`;
}
