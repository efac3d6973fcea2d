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
