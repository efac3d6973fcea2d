/**
 * The GraphQL documents of the load's mix: the reads the explorer and analysts send, and the
 * researchers' writes.
 */

export const PICKS = /* GraphQL */ `
  query Picks {
    actors(first: 100) {
      nodes {
        id
        name
      }
    }
    places(first: 100) {
      nodes {
        id
        name
        location {
          latitude
          longitude
        }
      }
    }
    events(first: 100) {
      nodes {
        id
      }
    }
  }
`;

// The explorer's nested selection, the one `npm run bench` measures.
export { OURS_NESTED as NESTED } from '../../bench/queries.js';

const EVENT_FIELDS = 'id type time { start label } description fatalities { best }';
export const EVENTS = `query Events($after: String) {
  events(first: 20, after: $after) { totalCount nodes { ${EVENT_FIELDS} } pageInfo { hasNextPage endCursor } }
}`;
export const TIMELINE = `query Timeline($id: ID!) {
  timeline(subjectId: $id, first: 50) { nodes { ${EVENT_FIELDS} } pageInfo { hasNextPage endCursor } }
}`;
export const NEIGHBOURHOOD = /* GraphQL */ `query Neighbourhood($id: ID!) {
  neighbourhood(id: $id, depth: 1, limit: 100) { capped nodes { id type label } edges { id kind from to role status } }
}`;
export const SEARCH = /* GraphQL */ `query Search($text: String!) { search(text: $text, first: 20) { type label score node { id } } }`;
export const NEAR = `query Near($placeId: ID!) {
  eventsNear(placeId: $placeId, radiusKm: 100, first: 50) { distanceKm event { ${EVENT_FIELDS} } }
}`;
export const ADD_SOURCE = /* GraphQL */ `mutation AddSource($input: AddSourceInput!) { addSource(input: $input) { id } }`;
export const ADD_CLAIM = /* GraphQL */ `mutation AddClaim($input: AddClaimInput!) { addClaim(input: $input) { id status } }`;
export const CORROBORATE = /* GraphQL */ `mutation Corroborate($input: ClaimEvidenceInput!) { corroborateClaim(input: $input) { id status } }`;
export const DISPUTE = /* GraphQL */ `mutation Dispute($input: ClaimEvidenceInput!) { disputeClaim(input: $input) { id status } }`;
