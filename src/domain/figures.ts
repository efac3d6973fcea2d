/**
 * How figures add up — the one home of the rule (src/graph/README.md, "Figures"). Figures belong
 * to claims; an event's figures are never merged into one claimant's, and claimants are never
 * summed:
 *
 * - one claim's figures of a kind count different people (FAMa's 10 soldiers and 46 attackers
 *   killed), so within a claim they add up: its low adds each figure's low (or best, or high), its
 *   high each figure's high (or best, or low); a figure with only a word ("dozens") adds no
 *   number, and a claim with no number at all has neither low nor high;
 * - one claimant's claims restate or revise each other, so a claimant's range runs from the
 *   lowest of their claims' lows to the highest of their highs;
 * - the event's range runs from the lowest claimant's low to the highest claimant's high.
 *
 * Unknown is null, never 0.
 */

/** What the rule needs of a figure: its numbers, and whose claim states it. */
export interface CountedFigure {
  kind: string;
  low: number | null;
  high: number | null;
  best: number | null;
  approximate: string | null;
  claimId: string;
  /** The claim's asserting actor; null when it has none. */
  claimantId: string | null;
}

export interface Range {
  low: number | null;
  high: number | null;
}

const NO_RANGE: Range = { low: null, high: null };

const lowOf = (f: CountedFigure) => f.low ?? f.best ?? f.high;
const highOf = (f: CountedFigure) => f.high ?? f.best ?? f.low;

/** One claim's figures of one kind, added up (they count different people). */
export function claimTotal(figures: readonly CountedFigure[]): Range {
  const numbered = figures.filter((f) => lowOf(f) !== null);
  if (numbered.length === 0) return NO_RANGE;
  return {
    low: numbered.reduce((sum, f) => sum + lowOf(f)!, 0),
    high: numbered.reduce((sum, f) => sum + highOf(f)!, 0),
  };
}

/** The range across ranges (a claimant's claims, or the claimants): lowest low to highest high. */
export function rangeAcross(ranges: readonly Range[]): Range {
  const lows = ranges.map((r) => r.low).filter((n): n is number => n !== null);
  const highs = ranges.map((r) => r.high).filter((n): n is number => n !== null);
  return {
    low: lows.length > 0 ? Math.min(...lows) : null,
    high: highs.length > 0 ? Math.max(...highs) : null,
  };
}

const groupBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(item);
  }
  return groups;
};

export interface ClaimantRange extends Range {
  claimantId: string | null;
  /** The approximate words the claimant gives ("dozens"), verbatim, each once. */
  words: string[];
}

/** Each claimant's range for one kind of figure, from the figures of one event. */
export function claimantRanges(figures: readonly CountedFigure[], kind: string): ClaimantRange[] {
  const ofKind = figures.filter((f) => f.kind === kind);
  const byClaimant = groupBy(ofKind, (f) => f.claimantId ?? '');
  return [...byClaimant.values()].map((own) => {
    const claims = [...groupBy(own, (f) => f.claimId).values()];
    return {
      claimantId: own[0]!.claimantId,
      ...rangeAcross(claims.map(claimTotal)),
      words: [...new Set(own.flatMap((f) => (f.approximate ? [f.approximate] : [])))],
    };
  });
}

/** The event's range of one kind across claimants: never a sum of claimants. */
export function eventRange(figures: readonly CountedFigure[], kind: string): Range & { claimants: number } {
  const ranges = claimantRanges(figures, kind);
  return { ...rangeAcross(ranges), claimants: ranges.length };
}

const WORDS: Record<string, string> = {
  KILLED: 'killed',
  INJURED: 'injured',
  CAPTURED: 'captured or held',
  MISSING: 'missing',
};

const span = (r: Range): string | null =>
  r.low === null ? null : r.low === r.high ? `${r.low}` : `${r.low}–${r.high}`;

/**
 * The summary, labelled as a range across named claimants: "10–56 killed, range across 2
 * claimants: FAMa 56; CSP dozens".
 */
export function rangeLabel(
  figures: readonly CountedFigure[],
  kind: string,
  nameOf: (claimantId: string | null) => string,
): string {
  const ranges = claimantRanges(figures, kind);
  const word = WORDS[kind] ?? kind.toLowerCase();
  if (ranges.length === 0) return `no ${word} figures stated`;
  const total = span(rangeAcross(ranges)) ?? 'no number';
  const parts = ranges.map((r) => `${nameOf(r.claimantId)} ${[span(r), ...r.words].filter(Boolean).join(' or ')}`);
  const across = ranges.length === 1 ? 'according to 1 claimant' : `range across ${ranges.length} claimants`;
  return `${total} ${word}, ${across}: ${parts.join('; ')}`;
}
