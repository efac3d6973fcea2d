/**
 * The GraphQL documents the explorer sends, and the shapes of their answers. Everything goes
 * through the public schema (schema/*.graphql); nothing here knows about Neo4j.
 */

export type NodeType = 'ACTOR' | 'PLACE' | 'EVENT' | 'SOURCE' | 'CLAIM';
export type ClaimStatus = 'CORROBORATED' | 'REPORTED' | 'DISPUTED' | 'UNVERIFIED';

export interface TimeSpan {
  start: string | null;
  end: string | null;
  precision: string;
  label: string;
}

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface PlaceSummary {
  id: string;
  name: string;
  kind: string;
  location: GeoPoint | null;
}

export interface DrawnNode {
  id: string;
  type: NodeType;
  label: string;
  /** Events carry their kind, time and place (for the time axis and the map); places their location. */
  node: {
    type?: string;
    subType?: string | null;
    time?: TimeSpan;
    description?: string;
    place?: PlaceSummary | null;
    kind?: string;
    location?: GeoPoint | null;
  };
}

export interface DrawnEdge {
  id: string;
  kind: string;
  from: string;
  to: string;
  role: string | null;
  status: ClaimStatus | null;
  claims: { id: string }[];
}

export interface GraphView {
  nodes: DrawnNode[];
  edges: DrawnEdge[];
  capped: boolean;
}

export interface SearchHit {
  type: NodeType;
  label: string;
  score: number;
  node: { id: string };
}

export interface SourceSummary {
  id: string;
  title: string;
  kind: string;
  publisher: string | null;
  url: string | null;
}

export interface ClaimDetail {
  id: string;
  text: string;
  quote: string | null;
  status: ClaimStatus;
  notIndependentlyVerified: boolean;
  createdBy: string;
  assertedBy: { id: string; name: string } | null;
  reportedIn: SourceSummary[];
  supportingSources: SourceSummary[];
  contradictingSources: SourceSummary[];
}

// Field lists, spliced in rather than sent as fragments: the API's cost limit (QUERY_MAX_COST)
// weighs a fragment spread as one more level of depth, and `first:` multiplies the cost. Every
// document here stays well under the default limits (tests/unit/explorer-queries.test.ts).
const SOURCE_FIELDS = 'id title kind publisher url';

const CLAIM_FIELDS = `
  id text quote status notIndependentlyVerified createdBy
  assertedBy { id name }
  reportedIn { ${SOURCE_FIELDS} }
  supportingSources { ${SOURCE_FIELDS} }
  contradictingSources { ${SOURCE_FIELDS} }`;

const CLAIM_PAGE = `totalCount pageInfo { hasNextPage endCursor } nodes { ${CLAIM_FIELDS} }`;

/** A party's stance on a claim: who, through which claim of theirs, with which note. */
const STANCE_FIELDS = 'party { id name } claim { id text } note';

/** A claim named in a list: enough to read it and to select it. */
const BRIEF_CLAIM = 'id text status assertedBy { id name }';

/** The next page of a node's claims ("Load more"). */
export const MORE_CLAIMS: Record<'ABOUT' | 'SOURCE', string> = {
  ABOUT: `
    query ExplorerMoreClaims($id: ID!, $first: Int!, $after: String) {
      claims(filter: { aboutId: $id }, first: $first, after: $after) { ${CLAIM_PAGE} }
    }`,
  SOURCE: `
    query ExplorerMoreSourceClaims($id: ID!, $first: Int!, $after: String) {
      source(id: $id) { claims(first: $first, after: $after) { ${CLAIM_PAGE} } }
    }`,
};

export const SEARCH = `
  query ExplorerSearch($text: String!) {
    search(text: $text, first: 15) { type label score node { id } }
  }`;

const DRAWN_FIELDS = `
  nodes {
    id type label
    node {
      ... on Event {
        type subType description
        time { start end precision label }
        place { id name kind location { latitude longitude } }
      }
      ... on Place { kind location { latitude longitude } }
    }
  }
  edges { id kind from to role status claims { id } }`;

export const NEIGHBOURHOOD = `
  query ExplorerNeighbourhood($id: ID!, $depth: Int!, $limit: Int!, $filter: GraphFilter) {
    neighbourhood(id: $id, depth: $depth, limit: $limit, filter: $filter) {
      capped
      ${DRAWN_FIELDS}
    }
  }`;

export const PATH_BETWEEN = `
  query ExplorerPath($fromId: ID!, $toId: ID!, $filter: GraphFilter) {
    pathBetween(fromId: $fromId, toId: $toId, maxHops: 4, filter: $filter) {
      length
      ${DRAWN_FIELDS}
    }
  }`;

export interface GraphPath {
  length: number;
  nodes: DrawnNode[];
  edges: DrawnEdge[];
}

/** The panel's view of one node, one query per type: its own fields and the claims behind it. */
export const NODE_DETAILS: Record<NodeType, string> = {
  ACTOR: `
    query ExplorerActor($id: ID!, $first: Int = 10, $after: String) {
      actor(id: $id) { id name kind aliases description }
      claims(filter: { aboutId: $id }, first: $first, after: $after) { ${CLAIM_PAGE} }
    }`,
  PLACE: `
    query ExplorerPlace($id: ID!, $first: Int = 10, $after: String) {
      place(id: $id) {
        id name kind aliases
        location { latitude longitude }
        ancestors { id name }
      }
      claims(filter: { aboutId: $id }, first: $first, after: $after) { ${CLAIM_PAGE} }
    }`,
  EVENT: `
    query ExplorerEvent($id: ID!) {
      event(id: $id) {
        id type subType description
        time { start end precision label }
        figureRange { claimants label }
        figuresByClaimant {
          claimant { id name }
          figures { kind of { id name } group low high best approximate claim { id status } }
        }
        place { id name kind location { latitude longitude } }
        participants { role status actor { id name } }
        claims { ${CLAIM_FIELDS} }
      }
    }`,
  SOURCE: `
    query ExplorerSource($id: ID!, $first: Int = 10, $after: String) {
      source(id: $id) {
        id title kind publisher author url reliability publishedAt language
        cites { ${SOURCE_FIELDS} }
        citedBy { ${SOURCE_FIELDS} }
        claims(first: $first, after: $after) { ${CLAIM_PAGE} }
        supports { ${BRIEF_CLAIM} }
        contradicts { ${BRIEF_CLAIM} }
      }
    }`,
  CLAIM: `
    query ExplorerClaim($id: ID!) {
      claim(id: $id) {
        ${CLAIM_FIELDS}
        about { id __typename }
        disputes { ${STANCE_FIELDS} }
        corroborations { ${STANCE_FIELDS} }
      }
    }`,
};

export interface ClaimPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: ClaimDetail[];
}

export interface BriefClaim {
  id: string;
  text: string;
  status: ClaimStatus;
  assertedBy: { id: string; name: string } | null;
}

export interface ActorDetails {
  actor: {
    id: string;
    name: string;
    kind: string;
    aliases: string[];
    description: string | null;
  } | null;
  claims: ClaimPage;
}

export interface PlaceDetails {
  place: {
    id: string;
    name: string;
    kind: string;
    aliases: string[];
    location: { latitude: number; longitude: number } | null;
    ancestors: { id: string; name: string }[];
  } | null;
  claims: ClaimPage;
}

export interface EventDetails {
  event: {
    id: string;
    type: string;
    subType: string | null;
    description: string;
    time: TimeSpan;
    /** The killed figures' range across claimants, labelled as such (never a sum). */
    figureRange: { claimants: number; label: string };
    place: PlaceSummary | null;
    participants: { role: string; status: ClaimStatus; actor: { id: string; name: string } }[];
    claims: ClaimDetail[];
    /** Each claimant's own figures (figures.ts). */
    figuresByClaimant: ClaimantFigures[];
  } | null;
}

export interface SourceDetails {
  source:
    | (SourceSummary & {
        author: string | null;
        language: string | null;
        reliability: string;
        publishedAt: string | null;
        cites: SourceSummary[];
        citedBy: SourceSummary[];
        claims: ClaimPage;
        supports: BriefClaim[];
        contradicts: BriefClaim[];
      })
    | null;
}

export interface ClaimDetails {
  claim:
    | (ClaimDetail & {
        about: { id: string; __typename: string }[];
        disputes: ClaimStance[];
        corroborations: ClaimStance[];
      })
    | null;
}

/** Claim.disputes / Claim.corroborations: the party, their own claim, a note. */
export interface ClaimStance {
  party: { id: string; name: string } | null;
  claim: { id: string; text: string } | null;
  note: string | null;
}

/** The claims behind an edge, by id: one aliased field per claim (at most MAX_EDGE_CLAIMS). */
export const MAX_EDGE_CLAIMS = 20;
export function edgeClaimsQuery(count: number): string {
  const n = Math.min(count, MAX_EDGE_CLAIMS);
  const args = Array.from({ length: n }, (_, i) => `$c${i}: ID!`).join(', ');
  const fields = Array.from({ length: n }, (_, i) => `c${i}: claim(id: $c${i}) { ${CLAIM_FIELDS} }`).join('\n');
  return `query ExplorerEdgeClaims(${args}) {\n${fields}\n}`;
}

/** The claim form's one request: a report of one claim (enterReport), with an idempotency key. */
export const ADD_CLAIM = `
  mutation ExplorerAddClaim($input: EnterReportInput!) {
    enterReport(input: $input) {
      replayed
      claims { id node { ... on Claim { status } } }
    }
  }`;

/** A claimant's figures for an event (Event.figuresByClaimant), as figures.ts shows them. */
export interface FigureDetail {
  kind: string;
  of: { id: string; name: string } | null;
  group: string | null;
  low: number | null;
  high: number | null;
  best: number | null;
  approximate: string | null;
  claim: { id: string; status: ClaimStatus };
}

export interface ClaimantFigures {
  claimant: { id: string; name: string } | null;
  figures: FigureDetail[];
}
