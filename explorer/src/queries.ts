/**
 * The GraphQL documents the explorer sends, and the shapes of their answers. Everything goes
 * through the public schema (schema/*.graphql); nothing here knows about Neo4j.
 *
 * The documents are static text that GraphQL Code Generator reads (`npm run codegen`, codegen.ts):
 * it writes their result and variables types to generated/, and `graphql()` hands each one back as
 * a typed string carrying the fragments it spreads. The types below name parts of those answers,
 * so a schema change that breaks the page breaks `npm run typecheck`.
 */
import { graphql } from './generated/gql.js';
import {
  TypedDocumentString,
  type ExplorerBriefClaimFragment,
  type ExplorerClaimFieldsFragment,
  type ExplorerDrawnEdgeFragment,
  type ExplorerDrawnNodeFragment,
  type ExplorerEventQuery,
  type ExplorerMoreClaimsQuery,
  type ExplorerNeighbourhoodQuery,
  type ExplorerPathQuery,
  type ExplorerSearchQuery,
  type ExplorerSourceFieldsFragment,
  type ExplorerStanceFragment,
  type NodeType,
} from './generated/graphql.js';

export type { ClaimStatus, NodeType } from './generated/graphql.js';

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

// Names for parts of the answers, as the rest of the page reads them.

export type SourceSummary = ExplorerSourceFieldsFragment;
export type ClaimDetail = ExplorerClaimFieldsFragment;
/** A page of claims about a node (the details and "Load more" ask for the same fields). */
export type ClaimPage = ExplorerMoreClaimsQuery['claims'];
export type BriefClaim = ExplorerBriefClaimFragment;
/** Claim.disputes / Claim.corroborations: the party, their own claim, a note. */
export type ClaimStance = ExplorerStanceFragment;
export type SearchHit = ExplorerSearchQuery['search'][number];

type NodeFields = ExplorerDrawnNodeFragment['node'];
type DrawnEventFields = Extract<NodeFields, { time: unknown }>;
type DrawnPlaceFields = Extract<NodeFields, { location: unknown }>;

/**
 * A node as drawn. The canvas, the map and the axis read an event's or a place's fields without
 * asking its type first, so `node` holds both kinds' fields, each optional.
 */
export type DrawnNode = Omit<ExplorerDrawnNodeFragment, 'node'> & {
  node: Partial<DrawnEventFields & DrawnPlaceFields>;
};
export type DrawnEdge = ExplorerDrawnEdgeFragment;
export type GraphView = Omit<ExplorerNeighbourhoodQuery['neighbourhood'], 'nodes'> & { nodes: DrawnNode[] };
export type GraphPath = Omit<ExplorerPathQuery['pathBetween'][number], 'nodes'> & { nodes: DrawnNode[] };
export type PlaceSummary = NonNullable<DrawnNode['node']['place']>;
export type GeoPoint = NonNullable<PlaceSummary['location']>;

/**
 * A time as time.ts reads it: an event's span, with any precision code (the pure rules never
 * branch on it, and their tests pass plain strings).
 */
export type TimeSpan = Omit<DrawnEventFields['time'], 'precision'> & { precision: string };

type EventFields = NonNullable<ExplorerEventQuery['event']>;
/** A claimant's figures for an event (Event.figuresByClaimant), as figures.ts shows them. */
export type ClaimantFigures = EventFields['figuresByClaimant'][number];
export type FigureDetail = ClaimantFigures['figures'][number];
