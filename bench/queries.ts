/**
 * The benchmark's fixed query mix. Each query has parameter sets drawn from the generated graph
 * (bench/picks.ts) and, for each target, the request that asks for the same answer: our GraphQL
 * API, the floor (one hand-written Cypher statement, bench/floor/cypher.ts) and, where it can
 * express it, the peer (@neo4j/graphql, bench/peer/type-defs.ts).
 */
import type { Picks } from './picks.js';

/** `alt`: our API again, with other settings (`--alt`), for an A/B in the same run. */
export type Target = 'ours' | 'floor' | 'peer' | 'alt';

export interface BenchQuery {
  name: string;
  description: string;
  /** One JSON body per parameter set, per target (absent: the target cannot express it). */
  bodies: Partial<Record<Target, string[]>>;
}

const gql = (query: string, variables: Record<string, unknown>[]) =>
  variables.map((v) => JSON.stringify({ query, variables: v }));
const floor = (params: Record<string, unknown>[]) => params.map((p) => JSON.stringify(p));

/** The frontend's nested relationship query (the explorer's selection); `npm run load` sends it too. */
export const OURS_NESTED = /* GraphQL */ `
  query Nested($id: ID!) {
    actor(id: $id) {
      id
      name
      participations(first: 10) {
        nodes {
          role
          status
          event {
            id
            type
            time {
              start
            }
            place {
              id
              name
              parent {
                id
                name
              }
            }
            claims {
              id
              status
              reportedIn {
                id
                title
              }
            }
          }
        }
      }
    }
  }
`;

const PEER_NESTED = /* @neo4j/graphql */ `
  query Nested($id: ID!) {
    actors(where: { id: { eq: $id } }) {
      id
      name
      eventsConnection(first: 10, sort: [{ node: { startTime: ASC } }]) {
        edges {
          properties {
            role
            status
          }
          node {
            id
            type
            timeLabel
            place {
              id
              name
              parent {
                id
                name
              }
            }
            claims(where: { retracted: { eq: false } }) {
              id
              status
              reportedIn {
                id
                title
              }
            }
          }
        }
      }
    }
  }
`;

// Our queries spell their fields out, so lint checks them against the SDL; the peer's use the same.
// The peer projects DateTime values through APOC, which our Neo4j does not ship: it returns the
// time's label instead (filters and sorts on startTime need no APOC).
const PEER_EVENT_FIELDS = 'id type subType timeLabel description fatalitiesBest';

const OURS_EVENTS = /* GraphQL */ `
  query Events($types: [EventType!], $from: DateTime, $to: DateTime) {
    events(filter: { types: $types, from: $from, to: $to }, first: 20) {
      totalCount
      # The peer answers its stored number: the deprecated field keeps the payloads alike.
      # eslint-disable-next-line @graphql-eslint/no-deprecated
      nodes { id type subType time { start label } description fatalities { best } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

const PEER_EVENTS = /* @neo4j/graphql */ `
  query Events($types: [String!], $from: DateTime, $to: DateTime) {
    eventsConnection(
      where: { type: { in: $types }, startTime: { lte: $to }, endTime: { gte: $from } }
      first: 20
      sort: [{ startTime: ASC }]
    ) {
      totalCount
      edges { node { ${PEER_EVENT_FIELDS} } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

const OURS_TIMELINE = /* GraphQL */ `
  query Timeline($id: ID!) {
    timeline(subjectId: $id, first: 50) {
      # The peer answers its stored number: the deprecated field keeps the payloads alike.
      # eslint-disable-next-line @graphql-eslint/no-deprecated
      nodes { id type subType time { start label } description fatalities { best } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

const PEER_TIMELINE = /* @neo4j/graphql */ `
  query Timeline($id: ID!) {
    actors(where: { id: { eq: $id } }) {
      eventsConnection(first: 50, sort: [{ node: { startTime: ASC } }]) {
        edges { node { ${PEER_EVENT_FIELDS} } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`;

const OURS_PATH = /* GraphQL */ `
  query Path($fromId: ID!, $toId: ID!) {
    pathBetween(fromId: $fromId, toId: $toId, maxHops: 4) { length nodes { id type label } edges { id kind from to role status } }
  }`;

const OURS_NEIGHBOURHOOD = /* GraphQL */ `
  query Neighbourhood($id: ID!) {
    neighbourhood(id: $id, depth: 1, limit: 100) { capped nodes { id type label } edges { id kind from to role status } }
  }`;

const OURS_SEARCH = /* GraphQL */ `
  query Search($text: String!) {
    search(text: $text, first: 20) {
      type
      label
      score
      node {
        id
      }
    }
  }
`;

const OURS_NEAR = /* GraphQL */ `
  query Near($latitude: Latitude!, $longitude: Longitude!, $radiusKm: Float!) {
    eventsNear(point: { latitude: $latitude, longitude: $longitude }, radiusKm: $radiusKm, first: 50) {
      distanceKm
      # The peer answers its stored number: the deprecated field keeps the payloads alike.
      # eslint-disable-next-line @graphql-eslint/no-deprecated
      event { id type subType time { start label } description fatalities { best } }
    }
  }`;

const PEER_NEAR = /* @neo4j/graphql */ `
  query Near($latitude: Float!, $longitude: Float!, $metres: Float!) {
    events(
      where: { place: { some: { location: { distance: { from: { latitude: $latitude, longitude: $longitude }, lte: $metres } } } } }
      limit: 50
    ) { ${PEER_EVENT_FIELDS} }
  }`;

export function benchQueries(picks: Picks): BenchQuery[] {
  const windows = picks.eventWindows;
  const near = picks.points.map((p) => ({ ...p, radiusKm: 50 }));
  return [
    {
      name: 'nested',
      description: 'actor → participations(10) → event → place → parent; event → claims → sources',
      bodies: {
        ours: gql(
          OURS_NESTED,
          picks.actors.map((id) => ({ id })),
        ),
        floor: floor(picks.actors.map((id) => ({ id }))),
        peer: gql(
          PEER_NESTED,
          picks.actors.map((id) => ({ id })),
        ),
      },
    },
    {
      name: 'events',
      description: 'events filtered by type and time window, first 20, with totalCount',
      bodies: { ours: gql(OURS_EVENTS, windows), floor: floor(windows), peer: gql(PEER_EVENTS, windows) },
    },
    {
      name: 'timeline',
      description: "an actor's events in time order, first 50",
      bodies: {
        ours: gql(
          OURS_TIMELINE,
          picks.timelineActors.map((id) => ({ id })),
        ),
        floor: floor(picks.timelineActors.map((id) => ({ id }))),
        peer: gql(
          PEER_TIMELINE,
          picks.timelineActors.map((id) => ({ id })),
        ),
      },
    },
    {
      name: 'path',
      description: 'shortest path between two actors, at most 4 hops',
      bodies: { ours: gql(OURS_PATH, picks.actorPairs), floor: floor(picks.actorPairs) },
    },
    {
      name: 'neighbourhood',
      description: "an event's neighbourhood, depth 1, at most 100 nodes",
      bodies: {
        ours: gql(
          OURS_NEIGHBOURHOOD,
          picks.events.map((id) => ({ id })),
        ),
        floor: floor(picks.events.map((id) => ({ id, limit: 100 }))),
      },
    },
    {
      name: 'search',
      description: 'full-text search (accent-folding index), first 20',
      bodies: {
        ours: gql(
          OURS_SEARCH,
          picks.searchTerms.map((text) => ({ text })),
        ),
        floor: floor(picks.searchTerms.map((text) => ({ text }))),
      },
    },
    {
      name: 'eventsNear',
      description: 'events within 50 km of a point, nearest first, first 50 (peer: unordered)',
      bodies: {
        ours: gql(OURS_NEAR, near),
        floor: floor(near),
        peer: gql(
          PEER_NEAR,
          near.map(({ latitude, longitude, radiusKm }) => ({ latitude, longitude, metres: radiusKm * 1000 })),
        ),
      },
    },
  ];
}
