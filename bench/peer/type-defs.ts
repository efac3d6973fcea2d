/**
 * The peer's schema: @neo4j/graphql type definitions over the same property graph, for the
 * queries it can express (nested relationships, filtered lists with pagination, an actor's events
 * in time order, events near a point). It reads the same labels, properties and relationships.
 */
export const PEER_TYPE_DEFS = /* @neo4j/graphql */ `
  type Actor @node {
    id: ID!
    name: String!
    kind: String!
    aliases: [String!]
    events: [Event!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Participation")
  }

  type Participation @relationshipProperties {
    role: String!
    status: String
    claimIds: [String!]
  }

  type Place @node {
    id: ID!
    name: String!
    kind: String!
    location: Point
    parent: [Place!]! @relationship(type: "LOCATED_IN", direction: OUT)
    events: [Event!]! @relationship(type: "OCCURRED_AT", direction: IN)
  }

  type Event @node {
    id: ID!
    type: String!
    subType: String
    startTime: DateTime
    endTime: DateTime
    timePrecision: String
    timeLabel: String
    description: String!
    fatalitiesLow: Int
    fatalitiesHigh: Int
    fatalitiesBest: Int
    place: [Place!]! @relationship(type: "OCCURRED_AT", direction: OUT)
    participants: [Actor!]! @relationship(type: "PARTICIPATED_IN", direction: IN, properties: "Participation")
    claims: [Claim!]! @relationship(type: "ABOUT", direction: IN)
  }

  type Claim @node {
    id: ID!
    text: String!
    status: String!
    retracted: Boolean
    reportedIn: [Source!]! @relationship(type: "REPORTED_IN", direction: OUT)
  }

  type Source @node {
    id: ID!
    kind: String!
    title: String!
    publisher: String
  }
`;
