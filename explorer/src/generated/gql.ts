/* eslint-disable */
import * as types from './graphql.js';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  fragment ExplorerSourceFields on Source {\n    id\n    title\n    kind\n    publisher\n    url\n  }\n': typeof types.ExplorerSourceFieldsFragmentDoc;
  '\n  fragment ExplorerClaimFields on Claim {\n    id\n    text\n    quote\n    status\n    notIndependentlyVerified\n    createdBy\n    assertedBy {\n      id\n      name\n    }\n    reportedIn {\n      ...ExplorerSourceFields\n    }\n    supportingSources {\n      ...ExplorerSourceFields\n    }\n    contradictingSources {\n      ...ExplorerSourceFields\n    }\n  }\n': typeof types.ExplorerClaimFieldsFragmentDoc;
  '\n  fragment ExplorerStance on ClaimStance {\n    party {\n      id\n      name\n    }\n    claim {\n      id\n      text\n    }\n    note\n  }\n': typeof types.ExplorerStanceFragmentDoc;
  '\n  fragment ExplorerBriefClaim on Claim {\n    id\n    text\n    status\n    assertedBy {\n      id\n      name\n    }\n  }\n': typeof types.ExplorerBriefClaimFragmentDoc;
  '\n  fragment ExplorerDrawnNode on GraphNode {\n    id\n    type\n    label\n    node {\n      ... on Event {\n        type\n        subType\n        description\n        time {\n          start\n          end\n          precision\n          label\n        }\n        place {\n          id\n          name\n          kind\n          location {\n            latitude\n            longitude\n          }\n        }\n      }\n      ... on Place {\n        kind\n        location {\n          latitude\n          longitude\n        }\n      }\n    }\n  }\n': typeof types.ExplorerDrawnNodeFragmentDoc;
  '\n  fragment ExplorerDrawnEdge on GraphEdge {\n    id\n    kind\n    from\n    to\n    role\n    status\n    claims {\n      id\n    }\n  }\n': typeof types.ExplorerDrawnEdgeFragmentDoc;
  '\n    query ExplorerMoreClaims($id: ID!, $first: Int!, $after: String) {\n      claims(filter: { aboutId: $id }, first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          ...ExplorerClaimFields\n        }\n      }\n    }\n  ': typeof types.ExplorerMoreClaimsDocument;
  '\n    query ExplorerMoreSourceClaims($id: ID!, $first: Int!, $after: String) {\n      source(id: $id) {\n        claims(first: $first, after: $after) {\n          totalCount\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n          nodes {\n            ...ExplorerClaimFields\n          }\n        }\n      }\n    }\n  ': typeof types.ExplorerMoreSourceClaimsDocument;
  '\n  query ExplorerSearch($text: String!) {\n    search(text: $text, first: 15) {\n      type\n      label\n      score\n      node {\n        id\n      }\n    }\n  }\n': typeof types.ExplorerSearchDocument;
  '\n  query ExplorerNeighbourhood($id: ID!, $depth: Int!, $limit: Int!, $filter: GraphFilter) {\n    neighbourhood(id: $id, depth: $depth, limit: $limit, filter: $filter) {\n      capped\n      nodes {\n        ...ExplorerDrawnNode\n      }\n      edges {\n        ...ExplorerDrawnEdge\n      }\n    }\n  }\n': typeof types.ExplorerNeighbourhoodDocument;
  '\n  query ExplorerPath($fromId: ID!, $toId: ID!, $filter: GraphFilter) {\n    pathBetween(fromId: $fromId, toId: $toId, maxHops: 4, filter: $filter) {\n      length\n      nodes {\n        ...ExplorerDrawnNode\n      }\n      edges {\n        ...ExplorerDrawnEdge\n      }\n    }\n  }\n': typeof types.ExplorerPathDocument;
  '\n    query ExplorerActor($id: ID!, $first: Int = 10, $after: String) {\n      actor(id: $id) {\n        id\n        name\n        kind\n        aliases\n        description\n      }\n      claims(filter: { aboutId: $id }, first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          ...ExplorerClaimFields\n        }\n      }\n    }\n  ': typeof types.ExplorerActorDocument;
  '\n    query ExplorerPlace($id: ID!, $first: Int = 10, $after: String) {\n      place(id: $id) {\n        id\n        name\n        kind\n        aliases\n        location {\n          latitude\n          longitude\n        }\n        ancestors {\n          id\n          name\n        }\n      }\n      claims(filter: { aboutId: $id }, first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          ...ExplorerClaimFields\n        }\n      }\n    }\n  ': typeof types.ExplorerPlaceDocument;
  '\n    query ExplorerEvent($id: ID!) {\n      event(id: $id) {\n        id\n        type\n        subType\n        description\n        time {\n          start\n          end\n          precision\n          label\n        }\n        figureRange {\n          claimants\n          label\n        }\n        figuresByClaimant {\n          claimant {\n            id\n            name\n          }\n          figures {\n            kind\n            of {\n              id\n              name\n            }\n            group\n            low\n            high\n            best\n            approximate\n            claim {\n              id\n              status\n            }\n          }\n        }\n        place {\n          id\n          name\n          kind\n          location {\n            latitude\n            longitude\n          }\n        }\n        participants {\n          role\n          status\n          actor {\n            id\n            name\n          }\n        }\n        claims {\n          ...ExplorerClaimFields\n        }\n      }\n    }\n  ': typeof types.ExplorerEventDocument;
  '\n    query ExplorerSource($id: ID!, $first: Int = 10, $after: String) {\n      source(id: $id) {\n        id\n        title\n        kind\n        publisher\n        author\n        url\n        reliability\n        publishedAt\n        language\n        cites {\n          ...ExplorerSourceFields\n        }\n        citedBy {\n          ...ExplorerSourceFields\n        }\n        claims(first: $first, after: $after) {\n          totalCount\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n          nodes {\n            ...ExplorerClaimFields\n          }\n        }\n        supports {\n          ...ExplorerBriefClaim\n        }\n        contradicts {\n          ...ExplorerBriefClaim\n        }\n      }\n    }\n  ': typeof types.ExplorerSourceDocument;
  '\n    query ExplorerClaim($id: ID!) {\n      claim(id: $id) {\n        ...ExplorerClaimFields\n        about {\n          id\n          __typename\n        }\n        disputes {\n          ...ExplorerStance\n        }\n        corroborations {\n          ...ExplorerStance\n        }\n      }\n    }\n  ': typeof types.ExplorerClaimDocument;
  '\n  mutation ExplorerAddClaim($input: EnterReportInput!) {\n    enterReport(input: $input) {\n      replayed\n      claims {\n        id\n        node {\n          ... on Claim {\n            status\n          }\n        }\n      }\n    }\n  }\n': typeof types.ExplorerAddClaimDocument;
};
const documents: Documents = {
  '\n  fragment ExplorerSourceFields on Source {\n    id\n    title\n    kind\n    publisher\n    url\n  }\n':
    types.ExplorerSourceFieldsFragmentDoc,
  '\n  fragment ExplorerClaimFields on Claim {\n    id\n    text\n    quote\n    status\n    notIndependentlyVerified\n    createdBy\n    assertedBy {\n      id\n      name\n    }\n    reportedIn {\n      ...ExplorerSourceFields\n    }\n    supportingSources {\n      ...ExplorerSourceFields\n    }\n    contradictingSources {\n      ...ExplorerSourceFields\n    }\n  }\n':
    types.ExplorerClaimFieldsFragmentDoc,
  '\n  fragment ExplorerStance on ClaimStance {\n    party {\n      id\n      name\n    }\n    claim {\n      id\n      text\n    }\n    note\n  }\n':
    types.ExplorerStanceFragmentDoc,
  '\n  fragment ExplorerBriefClaim on Claim {\n    id\n    text\n    status\n    assertedBy {\n      id\n      name\n    }\n  }\n':
    types.ExplorerBriefClaimFragmentDoc,
  '\n  fragment ExplorerDrawnNode on GraphNode {\n    id\n    type\n    label\n    node {\n      ... on Event {\n        type\n        subType\n        description\n        time {\n          start\n          end\n          precision\n          label\n        }\n        place {\n          id\n          name\n          kind\n          location {\n            latitude\n            longitude\n          }\n        }\n      }\n      ... on Place {\n        kind\n        location {\n          latitude\n          longitude\n        }\n      }\n    }\n  }\n':
    types.ExplorerDrawnNodeFragmentDoc,
  '\n  fragment ExplorerDrawnEdge on GraphEdge {\n    id\n    kind\n    from\n    to\n    role\n    status\n    claims {\n      id\n    }\n  }\n':
    types.ExplorerDrawnEdgeFragmentDoc,
  '\n    query ExplorerMoreClaims($id: ID!, $first: Int!, $after: String) {\n      claims(filter: { aboutId: $id }, first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          ...ExplorerClaimFields\n        }\n      }\n    }\n  ':
    types.ExplorerMoreClaimsDocument,
  '\n    query ExplorerMoreSourceClaims($id: ID!, $first: Int!, $after: String) {\n      source(id: $id) {\n        claims(first: $first, after: $after) {\n          totalCount\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n          nodes {\n            ...ExplorerClaimFields\n          }\n        }\n      }\n    }\n  ':
    types.ExplorerMoreSourceClaimsDocument,
  '\n  query ExplorerSearch($text: String!) {\n    search(text: $text, first: 15) {\n      type\n      label\n      score\n      node {\n        id\n      }\n    }\n  }\n':
    types.ExplorerSearchDocument,
  '\n  query ExplorerNeighbourhood($id: ID!, $depth: Int!, $limit: Int!, $filter: GraphFilter) {\n    neighbourhood(id: $id, depth: $depth, limit: $limit, filter: $filter) {\n      capped\n      nodes {\n        ...ExplorerDrawnNode\n      }\n      edges {\n        ...ExplorerDrawnEdge\n      }\n    }\n  }\n':
    types.ExplorerNeighbourhoodDocument,
  '\n  query ExplorerPath($fromId: ID!, $toId: ID!, $filter: GraphFilter) {\n    pathBetween(fromId: $fromId, toId: $toId, maxHops: 4, filter: $filter) {\n      length\n      nodes {\n        ...ExplorerDrawnNode\n      }\n      edges {\n        ...ExplorerDrawnEdge\n      }\n    }\n  }\n':
    types.ExplorerPathDocument,
  '\n    query ExplorerActor($id: ID!, $first: Int = 10, $after: String) {\n      actor(id: $id) {\n        id\n        name\n        kind\n        aliases\n        description\n      }\n      claims(filter: { aboutId: $id }, first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          ...ExplorerClaimFields\n        }\n      }\n    }\n  ':
    types.ExplorerActorDocument,
  '\n    query ExplorerPlace($id: ID!, $first: Int = 10, $after: String) {\n      place(id: $id) {\n        id\n        name\n        kind\n        aliases\n        location {\n          latitude\n          longitude\n        }\n        ancestors {\n          id\n          name\n        }\n      }\n      claims(filter: { aboutId: $id }, first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          ...ExplorerClaimFields\n        }\n      }\n    }\n  ':
    types.ExplorerPlaceDocument,
  '\n    query ExplorerEvent($id: ID!) {\n      event(id: $id) {\n        id\n        type\n        subType\n        description\n        time {\n          start\n          end\n          precision\n          label\n        }\n        figureRange {\n          claimants\n          label\n        }\n        figuresByClaimant {\n          claimant {\n            id\n            name\n          }\n          figures {\n            kind\n            of {\n              id\n              name\n            }\n            group\n            low\n            high\n            best\n            approximate\n            claim {\n              id\n              status\n            }\n          }\n        }\n        place {\n          id\n          name\n          kind\n          location {\n            latitude\n            longitude\n          }\n        }\n        participants {\n          role\n          status\n          actor {\n            id\n            name\n          }\n        }\n        claims {\n          ...ExplorerClaimFields\n        }\n      }\n    }\n  ':
    types.ExplorerEventDocument,
  '\n    query ExplorerSource($id: ID!, $first: Int = 10, $after: String) {\n      source(id: $id) {\n        id\n        title\n        kind\n        publisher\n        author\n        url\n        reliability\n        publishedAt\n        language\n        cites {\n          ...ExplorerSourceFields\n        }\n        citedBy {\n          ...ExplorerSourceFields\n        }\n        claims(first: $first, after: $after) {\n          totalCount\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n          nodes {\n            ...ExplorerClaimFields\n          }\n        }\n        supports {\n          ...ExplorerBriefClaim\n        }\n        contradicts {\n          ...ExplorerBriefClaim\n        }\n      }\n    }\n  ':
    types.ExplorerSourceDocument,
  '\n    query ExplorerClaim($id: ID!) {\n      claim(id: $id) {\n        ...ExplorerClaimFields\n        about {\n          id\n          __typename\n        }\n        disputes {\n          ...ExplorerStance\n        }\n        corroborations {\n          ...ExplorerStance\n        }\n      }\n    }\n  ':
    types.ExplorerClaimDocument,
  '\n  mutation ExplorerAddClaim($input: EnterReportInput!) {\n    enterReport(input: $input) {\n      replayed\n      claims {\n        id\n        node {\n          ... on Claim {\n            status\n          }\n        }\n      }\n    }\n  }\n':
    types.ExplorerAddClaimDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ExplorerSourceFields on Source {\n    id\n    title\n    kind\n    publisher\n    url\n  }\n',
): typeof import('./graphql.js').ExplorerSourceFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ExplorerClaimFields on Claim {\n    id\n    text\n    quote\n    status\n    notIndependentlyVerified\n    createdBy\n    assertedBy {\n      id\n      name\n    }\n    reportedIn {\n      ...ExplorerSourceFields\n    }\n    supportingSources {\n      ...ExplorerSourceFields\n    }\n    contradictingSources {\n      ...ExplorerSourceFields\n    }\n  }\n',
): typeof import('./graphql.js').ExplorerClaimFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ExplorerStance on ClaimStance {\n    party {\n      id\n      name\n    }\n    claim {\n      id\n      text\n    }\n    note\n  }\n',
): typeof import('./graphql.js').ExplorerStanceFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ExplorerBriefClaim on Claim {\n    id\n    text\n    status\n    assertedBy {\n      id\n      name\n    }\n  }\n',
): typeof import('./graphql.js').ExplorerBriefClaimFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ExplorerDrawnNode on GraphNode {\n    id\n    type\n    label\n    node {\n      ... on Event {\n        type\n        subType\n        description\n        time {\n          start\n          end\n          precision\n          label\n        }\n        place {\n          id\n          name\n          kind\n          location {\n            latitude\n            longitude\n          }\n        }\n      }\n      ... on Place {\n        kind\n        location {\n          latitude\n          longitude\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql.js').ExplorerDrawnNodeFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ExplorerDrawnEdge on GraphEdge {\n    id\n    kind\n    from\n    to\n    role\n    status\n    claims {\n      id\n    }\n  }\n',
): typeof import('./graphql.js').ExplorerDrawnEdgeFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n    query ExplorerMoreClaims($id: ID!, $first: Int!, $after: String) {\n      claims(filter: { aboutId: $id }, first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          ...ExplorerClaimFields\n        }\n      }\n    }\n  ',
): typeof import('./graphql.js').ExplorerMoreClaimsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n    query ExplorerMoreSourceClaims($id: ID!, $first: Int!, $after: String) {\n      source(id: $id) {\n        claims(first: $first, after: $after) {\n          totalCount\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n          nodes {\n            ...ExplorerClaimFields\n          }\n        }\n      }\n    }\n  ',
): typeof import('./graphql.js').ExplorerMoreSourceClaimsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ExplorerSearch($text: String!) {\n    search(text: $text, first: 15) {\n      type\n      label\n      score\n      node {\n        id\n      }\n    }\n  }\n',
): typeof import('./graphql.js').ExplorerSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ExplorerNeighbourhood($id: ID!, $depth: Int!, $limit: Int!, $filter: GraphFilter) {\n    neighbourhood(id: $id, depth: $depth, limit: $limit, filter: $filter) {\n      capped\n      nodes {\n        ...ExplorerDrawnNode\n      }\n      edges {\n        ...ExplorerDrawnEdge\n      }\n    }\n  }\n',
): typeof import('./graphql.js').ExplorerNeighbourhoodDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ExplorerPath($fromId: ID!, $toId: ID!, $filter: GraphFilter) {\n    pathBetween(fromId: $fromId, toId: $toId, maxHops: 4, filter: $filter) {\n      length\n      nodes {\n        ...ExplorerDrawnNode\n      }\n      edges {\n        ...ExplorerDrawnEdge\n      }\n    }\n  }\n',
): typeof import('./graphql.js').ExplorerPathDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n    query ExplorerActor($id: ID!, $first: Int = 10, $after: String) {\n      actor(id: $id) {\n        id\n        name\n        kind\n        aliases\n        description\n      }\n      claims(filter: { aboutId: $id }, first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          ...ExplorerClaimFields\n        }\n      }\n    }\n  ',
): typeof import('./graphql.js').ExplorerActorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n    query ExplorerPlace($id: ID!, $first: Int = 10, $after: String) {\n      place(id: $id) {\n        id\n        name\n        kind\n        aliases\n        location {\n          latitude\n          longitude\n        }\n        ancestors {\n          id\n          name\n        }\n      }\n      claims(filter: { aboutId: $id }, first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          ...ExplorerClaimFields\n        }\n      }\n    }\n  ',
): typeof import('./graphql.js').ExplorerPlaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n    query ExplorerEvent($id: ID!) {\n      event(id: $id) {\n        id\n        type\n        subType\n        description\n        time {\n          start\n          end\n          precision\n          label\n        }\n        figureRange {\n          claimants\n          label\n        }\n        figuresByClaimant {\n          claimant {\n            id\n            name\n          }\n          figures {\n            kind\n            of {\n              id\n              name\n            }\n            group\n            low\n            high\n            best\n            approximate\n            claim {\n              id\n              status\n            }\n          }\n        }\n        place {\n          id\n          name\n          kind\n          location {\n            latitude\n            longitude\n          }\n        }\n        participants {\n          role\n          status\n          actor {\n            id\n            name\n          }\n        }\n        claims {\n          ...ExplorerClaimFields\n        }\n      }\n    }\n  ',
): typeof import('./graphql.js').ExplorerEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n    query ExplorerSource($id: ID!, $first: Int = 10, $after: String) {\n      source(id: $id) {\n        id\n        title\n        kind\n        publisher\n        author\n        url\n        reliability\n        publishedAt\n        language\n        cites {\n          ...ExplorerSourceFields\n        }\n        citedBy {\n          ...ExplorerSourceFields\n        }\n        claims(first: $first, after: $after) {\n          totalCount\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n          nodes {\n            ...ExplorerClaimFields\n          }\n        }\n        supports {\n          ...ExplorerBriefClaim\n        }\n        contradicts {\n          ...ExplorerBriefClaim\n        }\n      }\n    }\n  ',
): typeof import('./graphql.js').ExplorerSourceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n    query ExplorerClaim($id: ID!) {\n      claim(id: $id) {\n        ...ExplorerClaimFields\n        about {\n          id\n          __typename\n        }\n        disputes {\n          ...ExplorerStance\n        }\n        corroborations {\n          ...ExplorerStance\n        }\n      }\n    }\n  ',
): typeof import('./graphql.js').ExplorerClaimDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ExplorerAddClaim($input: EnterReportInput!) {\n    enterReport(input: $input) {\n      replayed\n      claims {\n        id\n        node {\n          ... on Claim {\n            status\n          }\n        }\n      }\n    }\n  }\n',
): typeof import('./graphql.js').ExplorerAddClaimDocument;

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
