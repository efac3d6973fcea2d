/**
 * Who stands for or against a claim, one query per batch: each party's claim that corroborates or
 * disputes it (CORROBORATES / DISPUTES, the party being that claim's asserting actor, with the
 * sources it brought), then each source that supports or contradicts it on its own, with no party
 * behind it (party and claim null). Retracted party claims stand for nothing and are left out.
 */
import { alignRows } from '../core/batches.js';
import type { DbScope } from '../core/database.js';
import {
  type ActorObject,
  type ClaimObject,
  NODE_MAP,
  type Props,
  type SourceObject,
  toActor,
  toClaim,
  toSource,
} from '../core/mapping.js';

export interface ClaimStanceObject {
  party: ActorObject | null;
  claim: ClaimObject | null;
  sources: SourceObject[];
  note: string | null;
}

export interface ClaimStances {
  disputes: ClaimStanceObject[];
  corroborations: ClaimStanceObject[];
}

const NO_STANCES: ClaimStances = { disputes: [], corroborations: [] };

// Party stances of type `party` (the sources they brought: those of the party's claim named on the
// edge), then the sources of type `source` that no party brought; each in the order it was added.
const STANCES = (party: 'DISPUTES' | 'CORROBORATES', source: 'CONTRADICTS' | 'SUPPORTS') => `
  COLLECT {
    MATCH (k:Claim)-[r:${party}]->(c) WHERE NOT coalesce(k.retracted, false)
    WITH k, r ORDER BY r.at, k.id
    RETURN {
      party: [(k)-[:ASSERTED_BY]->(a:Actor) | ${NODE_MAP('a', 'Actor')}][0],
      claim: ${NODE_MAP('k', 'Claim')},
      sources: [(k)-[:REPORTED_IN]->(s:Source) WHERE s.id IN r.sourceIds | ${NODE_MAP('s', 'Source')}]
        + [(s:Source)-[:SUPPORTS]->(k) WHERE s.id IN r.sourceIds | ${NODE_MAP('s', 'Source')}],
      note: r.note
    } AS stance
  } + COLLECT {
    MATCH (s:Source)-[r:${source}]->(c) WHERE r.byClaimId IS NULL
    WITH s, r ORDER BY r.at, s.id
    RETURN {party: null, claim: null, sources: [${NODE_MAP('s', 'Source')}], note: r.note} AS stance
  }`;

const STANCES_OF_CLAIMS = `
  UNWIND $ids AS id
  MATCH (c:Claim {id: id})
  RETURN id, ${STANCES('DISPUTES', 'CONTRADICTS')} AS disputes, ${STANCES('CORROBORATES', 'SUPPORTS')} AS corroborations`;

interface StanceRow {
  party: Props | null;
  claim: Props | null;
  sources: Props[];
  note: string | null;
}

const toStance = (row: StanceRow): ClaimStanceObject => ({
  party: row.party ? toActor(row.party) : null,
  claim: row.claim ? toClaim(row.claim) : null,
  sources: row.sources.map(toSource),
  note: row.note ?? null,
});

/** Each claim's disputes and corroborations, by party first, then by source alone. */
export async function stancesOfClaims(db: DbScope, ids: readonly string[]): Promise<ClaimStances[]> {
  const rows = await db.read(STANCES_OF_CLAIMS, { ids });
  return alignRows(
    ids,
    rows,
    (row) => ({
      disputes: (row.get('disputes') as StanceRow[]).map(toStance),
      corroborations: (row.get('corroborations') as StanceRow[]).map(toStance),
    }),
    NO_STANCES,
  );
}
