/**
 * Near-duplicate names: "Cadre Strategique Permanant" is probably "Cadre stratégique permanent".
 * Names are compared normalised (names.ts: accents, case and spacing folded), by Levenshtein edit
 * distance. Short names are held to a tighter bound, or "Mali" and "Bali", "Gao" and "Gap" would
 * all be reported as one another's typos.
 */
import { distance } from 'fastest-levenshtein';
import { normaliseName } from './names.js';

/** The largest edit distance at which two normalised names of this length are reported as close. */
export function nearDistance(normalised: string): number {
  if (normalised.length <= 3) return 0;
  if (normalised.length <= 6) return 1;
  return 2;
}

/**
 * The edit distance between two names when they are close but not the same (after normalising),
 * else null.
 */
export function closeness(name: string, other: string): number | null {
  const a = normaliseName(name);
  const b = normaliseName(other);
  if (a === b) return null;
  const bound = nearDistance(a.length < b.length ? a : b);
  if (bound === 0 || Math.abs(a.length - b.length) > bound) return null;
  const d = distance(a, b);
  return d <= bound ? d : null;
}
