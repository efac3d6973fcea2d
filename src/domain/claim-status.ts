/**
 * The claim-status rule, pure (docs: "Claim status"): how evidence makes a claim REPORTED,
 * CORROBORATED, DISPUTED or UNVERIFIED, how independent origins are counted, and how statuses rank
 * when several claims back one fact edge. The write path, the bulk path, the reads and the seed
 * checker all import it from here.
 */
import { normaliseName } from './names.js';

export type ClaimStatus = 'REPORTED' | 'CORROBORATED' | 'DISPUTED' | 'UNVERIFIED';

export interface EvidenceSource {
  id: string;
  publisher: string | null;
  /** Ids of the sources it cites. */
  citesIds: string[];
}

export interface StatusEvidence {
  /** REPORTED_IN and SUPPORTS sources, each once. */
  evidence: EvidenceSource[];
  contradicted: boolean;
  notIndependentlyVerified: boolean;
}

/**
 * Independent origins: a source that cites another evidence source is a relay and does not
 * count; the rest count once per publisher when they have one, else once each.
 */
export function independentOrigins(evidence: readonly EvidenceSource[]): number {
  const ids = new Set(evidence.map((s) => s.id));
  const origins = new Set<string>();
  for (const source of evidence) {
    const relay = source.citesIds.some((cited) => cited !== source.id && ids.has(cited));
    if (!relay) origins.add(source.publisher ? `publisher:${normaliseName(source.publisher)}` : `source:${source.id}`);
  }
  return origins.size;
}

export function deriveClaimStatus(claim: StatusEvidence): ClaimStatus {
  if (claim.contradicted) return 'DISPUTED';
  const origins = independentOrigins(claim.evidence);
  if (claim.notIndependentlyVerified && origins < 2) return 'UNVERIFIED';
  return origins >= 2 ? 'CORROBORATED' : 'REPORTED';
}

/** Strongest first: a fact edge shows the strongest status among its live claims. */
export const STATUS_STRENGTH: readonly ClaimStatus[] = ['CORROBORATED', 'REPORTED', 'UNVERIFIED', 'DISPUTED'];

/** Rank of each status, strongest highest (for Cypher, which compares numbers). */
export const STATUS_RANK: Readonly<Record<ClaimStatus, number>> = Object.fromEntries(
  STATUS_STRENGTH.map((status, i) => [status, STATUS_STRENGTH.length - i]),
) as Record<ClaimStatus, number>;

const isStatus = (s: unknown): s is ClaimStatus => typeof s === 'string' && s in STATUS_RANK;

/**
 * The strongest of some statuses; values that are not statuses are ignored, and with none left
 * the answer is REPORTED, the status a fact edge is created with.
 */
export function strongestStatus(statuses: Iterable<string | null | undefined>): ClaimStatus {
  let best: ClaimStatus | null = null;
  for (const s of statuses) if (isStatus(s) && (best === null || STATUS_RANK[s] > STATUS_RANK[best])) best = s;
  return best ?? 'REPORTED';
}
