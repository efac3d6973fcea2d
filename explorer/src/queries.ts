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

export interface DrawnNode {
  id: string;
  type: NodeType;
  label: string;
  /** Only events carry their time, for the timeline. */
  node: { time?: TimeSpan; description?: string };
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

export const SEARCH = `
  query ExplorerSearch($text: String!) {
    search(text: $text, first: 15) { type label score node { id } }
  }`;

export const NEIGHBOURHOOD = `
  query ExplorerNeighbourhood($id: ID!, $depth: Int!, $limit: Int!, $filter: GraphFilter) {
    neighbourhood(id: $id, depth: $depth, limit: $limit, filter: $filter) {
      capped
      nodes {
        id type label
        node { ... on Event { description time { start end precision label } } }
      }
      edges { id kind from to role status claims { id } }
    }
  }`;

/** The panel's view of one node, one query per type: its own fields and the claims behind it. */
export const NODE_DETAILS: Record<NodeType, string> = {
  ACTOR: `
    query ExplorerActor($id: ID!) {
      actor(id: $id) { id name kind aliases description }
      claims(filter: { aboutId: $id }, first: 20) { totalCount nodes { ${CLAIM_FIELDS} } }
    }`,
  PLACE: `
    query ExplorerPlace($id: ID!) {
      place(id: $id) {
        id name kind aliases
        location { latitude longitude }
        ancestors { id name }
      }
      claims(filter: { aboutId: $id }, first: 20) { totalCount nodes { ${CLAIM_FIELDS} } }
    }`,
  EVENT: `
    query ExplorerEvent($id: ID!) {
      event(id: $id) {
        id type subType description
        time { start end precision label }
        fatalities { known low high best }
        place { id name }
        participants { role status actor { id name } }
        claims { ${CLAIM_FIELDS} }
      }
    }`,
  SOURCE: `
    query ExplorerSource($id: ID!) {
      source(id: $id) {
        id title kind publisher author url reliability publishedAt language
        cites { ${SOURCE_FIELDS} }
      }
      claims(filter: { reportedInId: $id }, first: 20) { totalCount nodes { ${CLAIM_FIELDS} } }
    }`,
  CLAIM: `
    query ExplorerClaim($id: ID!) {
      claim(id: $id) { ${CLAIM_FIELDS} about { id } }
    }`,
};

export interface ClaimPage {
  totalCount: number;
  nodes: ClaimDetail[];
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
    fatalities: { known: boolean; low: number | null; high: number | null; best: number | null };
    place: { id: string; name: string } | null;
    participants: { role: string; status: ClaimStatus; actor: { id: string; name: string } }[];
    claims: ClaimDetail[];
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
      })
    | null;
  claims: ClaimPage;
}

export interface ClaimDetails {
  claim: (ClaimDetail & { about: { id: string }[] }) | null;
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
