/**
 * What `confirmedOnly` means, everywhere it is asked (GraphFilter for paths, neighbourhoods,
 * timelines and events near a place; EventFilter for the events list and eventStats): only facts
 * backed by a CORROBORATED claim — a fact edge whose strongest status is CORROBORATED, a claim
 * that is CORROBORATED, an event reported by one. It narrows to that status whatever
 * `claimStatus` says, so it is the statuses a read keeps, and every read applies it as such.
 */

/** The status a confirmed fact has. */
export const CONFIRMED_STATUS = 'CORROBORATED';

/** The statuses a read keeps: CORROBORATED when confirmedOnly, else those asked for (null: any). */
export function statusesKept(
  confirmedOnly: boolean | null | undefined,
  claimStatus: readonly string[] | null | undefined,
): string[] | null {
  if (confirmedOnly) return [CONFIRMED_STATUS];
  return claimStatus ? [...new Set(claimStatus)] : null;
}
