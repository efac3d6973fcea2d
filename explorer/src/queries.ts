/**
 * The GraphQL documents the explorer sends, and the shapes of their answers. Everything goes
 * through the public schema (schema/*.graphql); nothing here knows about Neo4j.
 *
 * Each document is static text read by GraphQL Code Generator (`npm run codegen`, codegen.ts): it
 * writes their result and variables types to generated/, and `graphql()` hands each document back
 * as a typed string that carries the fragments it spreads.
 */
import { graphql } from './generated/gql.js';
import { TypedDocumentString } from './generated/graphql.js';

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

// The field lists the page shares are fragments; codegen appends those a document spreads to its
// text. The API's depth limit (src/http/query-limits.ts) counts a spread as two more levels, so
// spreads nest at most two deep: a page of claims is spelled out in each document rather than made
// a third fragment around ExplorerClaimFields. Every document stays three levels under the default
// depth and within half the default cost and tokens (tests/unit/explorer-queries.test.ts).
export const SOURCE_FIELDS = graphql(/* GraphQL */ `
  fragment ExplorerSourceFields on Source {
    id
    title
    kind
    publisher
    url
  }
`);

export const CLAIM_FIELDS = graphql(/* GraphQL */ `
  fragment ExplorerClaimFields on Claim {
    id
    text
    quote
    status
    notIndependentlyVerified
    createdBy
    assertedBy {
      id
      name
    }
    reportedIn {
      ...ExplorerSourceFields
    }
    supportingSources {
      ...ExplorerSourceFields
    }
    contradictingSources {
      ...ExplorerSourceFields
    }
  }
`);

/** A party's stance on a claim: who, through which claim of theirs, with which note. */
export const STANCE = graphql(/* GraphQL */ `
  fragment ExplorerStance on ClaimStance {
    party {
      id
      name
    }
    claim {
      id
      text
    }
    note
  }
`);

/** A claim named in a list: enough to read it and to select it. */
export const BRIEF_CLAIM = graphql(/* GraphQL */ `
  fragment ExplorerBriefClaim on Claim {
    id
    text
    status
    assertedBy {
      id
      name
    }
  }
`);

/** A node as drawn: events carry their kind, time and place (for the time axis and the map); places their location. */
export const DRAWN_NODE = graphql(/* GraphQL */ `
  fragment ExplorerDrawnNode on GraphNode {
    id
    type
    label
    node {
      ... on Event {
        type
        subType
        description
        time {
          start
          end
          precision
          label
        }
        place {
          id
          name
          kind
          location {
            latitude
            longitude
          }
        }
      }
      ... on Place {
        kind
        location {
          latitude
          longitude
        }
      }
    }
  }
`);

export const DRAWN_EDGE = graphql(/* GraphQL */ `
  fragment ExplorerDrawnEdge on GraphEdge {
    id
    kind
    from
    to
    role
    status
    claims {
      id
    }
  }
`);

/** The next page of a node's claims ("Load more"). */
export const MORE_CLAIMS = {
  ABOUT: graphql(/* GraphQL */ `
    query ExplorerMoreClaims($id: ID!, $first: Int!, $after: String) {
      claims(filter: { aboutId: $id }, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...ExplorerClaimFields
        }
      }
    }
  `),
  SOURCE: graphql(/* GraphQL */ `
    query ExplorerMoreSourceClaims($id: ID!, $first: Int!, $after: String) {
      source(id: $id) {
        claims(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            ...ExplorerClaimFields
          }
        }
      }
    }
  `),
};

export const SEARCH = graphql(/* GraphQL */ `
  query ExplorerSearch($text: String!) {
    search(text: $text, first: 15) {
      type
      label
      score
      node {
        id
      }
    }
  }
`);

export const NEIGHBOURHOOD = graphql(/* GraphQL */ `
  query ExplorerNeighbourhood($id: ID!, $depth: Int!, $limit: Int!, $filter: GraphFilter) {
    neighbourhood(id: $id, depth: $depth, limit: $limit, filter: $filter) {
      capped
      nodes {
        ...ExplorerDrawnNode
      }
      edges {
        ...ExplorerDrawnEdge
      }
    }
  }
`);

export const PATH_BETWEEN = graphql(/* GraphQL */ `
  query ExplorerPath($fromId: ID!, $toId: ID!, $filter: GraphFilter) {
    pathBetween(fromId: $fromId, toId: $toId, maxHops: 4, filter: $filter) {
      length
      nodes {
        ...ExplorerDrawnNode
      }
      edges {
        ...ExplorerDrawnEdge
      }
    }
  }
`);

/** The panel's view of one node, one query per type: its own fields and the claims behind it. */
export const NODE_DETAILS = {
  ACTOR: graphql(/* GraphQL */ `
    query ExplorerActor($id: ID!, $first: Int = 10, $after: String) {
      actor(id: $id) {
        id
        name
        kind
        aliases
        description
      }
      claims(filter: { aboutId: $id }, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...ExplorerClaimFields
        }
      }
    }
  `),
  PLACE: graphql(/* GraphQL */ `
    query ExplorerPlace($id: ID!, $first: Int = 10, $after: String) {
      place(id: $id) {
        id
        name
        kind
        aliases
        location {
          latitude
          longitude
        }
        ancestors {
          id
          name
        }
      }
      claims(filter: { aboutId: $id }, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...ExplorerClaimFields
        }
      }
    }
  `),
  EVENT: graphql(/* GraphQL */ `
    query ExplorerEvent($id: ID!) {
      event(id: $id) {
        id
        type
        subType
        description
        time {
          start
          end
          precision
          label
        }
        figureRange {
          claimants
          label
        }
        figuresByClaimant {
          claimant {
            id
            name
          }
          figures {
            kind
            of {
              id
              name
            }
            group
            low
            high
            best
            approximate
            claim {
              id
              status
            }
          }
        }
        place {
          id
          name
          kind
          location {
            latitude
            longitude
          }
        }
        participants {
          role
          status
          actor {
            id
            name
          }
        }
        claims {
          ...ExplorerClaimFields
        }
      }
    }
  `),
  SOURCE: graphql(/* GraphQL */ `
    query ExplorerSource($id: ID!, $first: Int = 10, $after: String) {
      source(id: $id) {
        id
        title
        kind
        publisher
        author
        url
        reliability
        publishedAt
        language
        cites {
          ...ExplorerSourceFields
        }
        citedBy {
          ...ExplorerSourceFields
        }
        claims(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            ...ExplorerClaimFields
          }
        }
        supports {
          ...ExplorerBriefClaim
        }
        contradicts {
          ...ExplorerBriefClaim
        }
      }
    }
  `),
  CLAIM: graphql(/* GraphQL */ `
    query ExplorerClaim($id: ID!) {
      claim(id: $id) {
        ...ExplorerClaimFields
        about {
          id
          __typename
        }
        disputes {
          ...ExplorerStance
        }
        corroborations {
          ...ExplorerStance
        }
      }
    }
  `),
} satisfies Record<NodeType, unknown>;

/** The claims behind an edge, by id: one aliased field per claim (at most MAX_EDGE_CLAIMS). */
export const MAX_EDGE_CLAIMS = 20;

/** Its answer: the claim under each alias, null when it no longer exists. */
export type EdgeClaims = Record<`c${number}`, ClaimDetail | null>;

/**
 * The one document built at run time: its aliases and variables depend on how many claims an
 * edge has, which codegen cannot know, so its type is written here over the generated fragment.
 */
export function edgeClaimsQuery(count: number): TypedDocumentString<EdgeClaims, Record<`c${number}`, string>> {
  const n = Math.min(count, MAX_EDGE_CLAIMS);
  const args = Array.from({ length: n }, (_, i) => `$c${i}: ID!`).join(', ');
  const fields = Array.from({ length: n }, (_, i) => `c${i}: claim(id: $c${i}) { ...ExplorerClaimFields }`).join('\n');
  return new TypedDocumentString(`query ExplorerEdgeClaims(${args}) {\n${fields}\n}\n${CLAIM_FIELDS.toString()}`);
}

/** The claim form's one request: a report of one claim (enterReport), with an idempotency key. */
export const ADD_CLAIM = graphql(/* GraphQL */ `
  mutation ExplorerAddClaim($input: EnterReportInput!) {
    enterReport(input: $input) {
      replayed
      claims {
        id
        node {
          ... on Claim {
            status
          }
        }
      }
    }
  }
`);

export interface GraphPath {
  length: number;
  nodes: DrawnNode[];
  edges: DrawnEdge[];
}

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
