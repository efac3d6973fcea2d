/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ActorKind =
  | 'ALLIANCE'
  | 'ARMED_GROUP'
  | 'CIVILIAN_GROUP'
  | 'COALITION'
  | 'GOVERNMENT'
  | 'ORGANIZATION'
  | 'PERSON'
  | 'PRIVATE_MILITARY_COMPANY'
  | 'STATE'
  | 'STATE_FORCE';

/** Names an actor in a write: an existing id, or a name/alias to find or create. */
export type ActorRef = {
  aliases?: Array<string> | null | undefined;
  description?: string | null | undefined;
  /** An existing actor's id. */
  id?: string | number | null | undefined;
  /** Needed only when the actor is new. */
  kind?: ActorKind | null | undefined;
  /** A name or alias; an existing actor with this name or alias is reused. */
  name?: string | null | undefined;
};

/** A relation between two actors that a claim states. */
export type ActorRelationInput = {
  from: ActorRef;
  kind: ActorRelationKind;
  to: ActorRef;
};

/** How two actors relate. MEMBER_OF and PART_OF point from the member to the whole. */
export type ActorRelationKind = 'ALLIED_WITH' | 'MEMBER_OF' | 'OPPOSES' | 'PART_OF';

export type AddClaimInput = {
  /** Other nodes it concerns, besides those it links (participants, places, events, relations, figures). */
  about?: ClaimAboutInput | null | undefined;
  assertedBy: ActorRef;
  /** Sources that contradict it. */
  contradictingSourceIds?: Array<string | number> | null | undefined;
  /** Events the claim reports: created, or completed when the id exists. */
  events?: Array<EventInput> | null | undefined;
  /** Figures the claim states, each of one of its events (events[].id). */
  figures?: Array<FigureInput> | null | undefined;
  /** A stable id to give it; generated when omitted. */
  id?: string | number | null | undefined;
  idempotencyKey?: string | null | undefined;
  notIndependentlyVerified?: boolean | null | undefined;
  quote?: string | null | undefined;
  /** Relations between actors the claim states. */
  relations?: Array<ActorRelationInput> | null | undefined;
  /**
   * A claim identical to an existing one (same text, asserter, sources and statements) is refused
   * with DUPLICATE_CLAIM naming it; true says this is a separate claim that happens to read the same.
   */
  separateClaim?: boolean | null | undefined;
  /** Where the claim is reported: at least one existing source. No claim without a source. */
  sourceIds: Array<string | number>;
  /** Further sources that support it. */
  supportingSourceIds?: Array<string | number> | null | undefined;
  text: string;
};

export type AddSourceInput = {
  author?: string | null | undefined;
  /** Ids of existing sources this one cites. */
  citesIds?: Array<string | number> | null | undefined;
  /** A stable id to give it (e.g. 'source:rfi-2023-09-18'); generated when omitted. */
  id?: string | number | null | undefined;
  idempotencyKey?: string | null | undefined;
  kind: SourceKind;
  language?: string | null | undefined;
  publishedAt?: string | null | undefined;
  publisher?: string | null | undefined;
  reliability?: SourceReliability | null | undefined;
  title: string;
  url?: string | null | undefined;
};

export type ClaimAboutInput = {
  actors?: Array<ActorRef> | null | undefined;
  claimIds?: Array<string | number> | null | undefined;
  eventIds?: Array<string | number> | null | undefined;
  places?: Array<PlaceRef> | null | undefined;
};

/** Derived from the evidence, never set by hand. */
export type ClaimStatus =
  /** Independent origins agree (a relay that cites another source does not count twice). */
  | 'CORROBORATED'
  /** At least one source contradicts it. */
  | 'DISPUTED'
  /** One independent origin reports it. */
  | 'REPORTED'
  /** Reported as not independently verifiable. */
  | 'UNVERIFIED';

export type EnterReportInput = {
  actors?: Array<ReportActorInput> | null | undefined;
  /** Its claims, in order. sourceIds may name the report's own sources; refs may name its actors and places. */
  claims: Array<AddClaimInput>;
  /** A retry with the same key and the same report returns the first answer; another report with it is refused. */
  idempotencyKey?: string | null | undefined;
  places?: Array<ReportPlaceInput> | null | undefined;
  /** The report's sources; give them ids to cite them from the claims' sourceIds. */
  sources?: Array<AddSourceInput> | null | undefined;
};

/** Defines an event a claim reports, or adds to an existing one: an existing id is reused, a new id (or none) creates it. */
export type EventInput = {
  description?: string | null | undefined;
  /**
   * Deprecated: written as a KILLED figure (group UNKNOWN) stated by the claim; use AddClaimInput.figures.
   * @deprecated Use AddClaimInput.figures
   */
  fatalities?: FatalitiesInput | null | undefined;
  /** The id of the event it follows. */
  followsId?: string | number | null | undefined;
  id?: string | number | null | undefined;
  /** The id of the larger event it is part of. */
  partOfId?: string | number | null | undefined;
  participants?: Array<ParticipantInput> | null | undefined;
  place?: PlaceRef | null | undefined;
  subType?: EventSubType | null | undefined;
  time?: TimeSpanInput | null | undefined;
  type?: EventType | null | undefined;
};

export type EventSubType =
  | 'ABDUCTION_FORCED_DISAPPEARANCE'
  | 'AGREEMENT'
  | 'AIRCRAFT_SHOT_DOWN'
  | 'AIR_DRONE_STRIKE'
  | 'ALLIANCE_FORMED'
  | 'ARMED_CLASH'
  | 'ARREST_CAPTURE'
  | 'ATTACK'
  | 'GOVERNMENT_REGAINS_TERRITORY'
  | 'LOOTING_PROPERTY_DESTRUCTION'
  | 'NON_STATE_ACTOR_OVERTAKES_TERRITORY'
  | 'OTHER'
  | 'REMOTE_EXPLOSIVE'
  | 'SEARCH_OPERATION'
  | 'SHELLING_ARTILLERY_MISSILE_ATTACK'
  | 'STATEMENT'
  | 'WITHDRAWAL';

export type EventType =
  'BATTLE' | 'EXPLOSION_REMOTE_VIOLENCE' | 'PROTEST' | 'RIOT' | 'STRATEGIC_DEVELOPMENT' | 'VIOLENCE_AGAINST_CIVILIANS';

/** Deprecated: state figures on the claim (AddClaimInput.figures). */
export type FatalitiesInput = {
  best?: number | null | undefined;
  high?: number | null | undefined;
  low?: number | null | undefined;
};

/** Whose people a figure counts, when not an actor's. */
export type FigureGroup = 'CIVILIANS' | 'UNKNOWN';

/** A figure a claim states. Unknown is not zero: leave the numbers out when none is given. */
export type FigureInput = {
  /** An approximate word kept verbatim ('dozens'); no number is invented for it. */
  approximate?: string | null | undefined;
  best?: number | null | undefined;
  /** The event counted, when the claim states several; by default the claim's only event. */
  eventId?: string | number | null | undefined;
  group?: FigureGroup | null | undefined;
  high?: number | null | undefined;
  kind: FigureKind;
  low?: number | null | undefined;
  /** The actor whose people are counted; or give `group`. Neither = UNKNOWN. */
  of?: ActorRef | null | undefined;
};

/** What a figure counts. */
export type FigureKind =
  /** Captured or held. */
  'CAPTURED' | 'INJURED' | 'KILLED' | 'MISSING';

export type GeoPointInput = {
  latitude: number;
  longitude: number;
};

/** Narrows graph queries: paths, neighbourhoods, timelines, events near a place. */
export type GraphFilter = {
  /** Fact edges and claims of these statuses only (for a timeline, the participation or the place; for eventsNear, the place). */
  claimStatus?: Array<ClaimStatus> | null | undefined;
  /** Only facts backed by a CORROBORATED claim: claimStatus [CORROBORATED], whatever claimStatus says. The same in EventFilter. */
  confirmedOnly?: boolean | null | undefined;
  /** Only events of these types. */
  eventTypes?: Array<EventType> | null | undefined;
  /** Events (on the path, in the view, in the timeline, near the point) that end at or after this instant; an unknown end is open. */
  from?: string | null | undefined;
  /** Relationship types to follow (default: all between domain nodes), e.g. [PARTICIPATED_IN, ALLIED_WITH]. */
  relationKinds?: Array<RelationKind> | null | undefined;
  /** Events that start at or before this instant; an unknown start is open. */
  to?: string | null | undefined;
};

export type NodeType = 'ACTOR' | 'CLAIM' | 'EVENT' | 'PLACE' | 'SOURCE';

export type ParticipantInput = {
  actor: ActorRef;
  role: ParticipantRole;
};

export type ParticipantRole =
  | 'ACCUSED'
  | 'ACCUSER'
  | 'ATTACKER'
  | 'CAPTIVE'
  | 'CAPTOR'
  | 'DEFENDER'
  | 'OTHER'
  | 'SIGNATORY'
  | 'SPEAKER'
  | 'TARGET'
  | 'WITHDRAWING';

export type PlaceKind = 'AREA' | 'CIRCLE' | 'COUNTRY' | 'MILITARY_BASE' | 'REGION' | 'TOWN';

/**
 * Names a place in a write: an existing id, a gazetteer code, or a name/alias to find or create.
 * A name is looked up under its parent when one is given (`parentId` or `parent`): it matches a
 * place of that name anywhere inside the parent, never one elsewhere, and is created under the
 * parent when there is none. A bare name that names several places is refused (AMBIGUOUS_NAME)
 * with each candidate's hierarchy.
 */
export type PlaceRef = {
  aliases?: Array<string> | null | undefined;
  /** A GeoNames id: matches the place that has it, or is given to the new place. */
  geonamesId?: string | null | undefined;
  id?: string | number | null | undefined;
  kind?: PlaceKind | null | undefined;
  location?: GeoPointInput | null | undefined;
  name?: string | null | undefined;
  /** The place it lies in, itself found or created (a chain: camp → town → circle → region). */
  parent?: PlaceRef | null | undefined;
  /** The id of the place it lies in. */
  parentId?: string | number | null | undefined;
  /** An OCHA P-code: matches the place that has it, or is given to the new place. */
  pcode?: string | null | undefined;
};

/** A relationship type between domain nodes that a path or a neighbourhood may follow (docs/model.md). */
export type RelationKind =
  | 'ABOUT'
  | 'ALLIED_WITH'
  | 'ASSERTED_BY'
  | 'CITES'
  | 'CONTRADICTS'
  | 'FOLLOWED_BY'
  | 'LOCATED_IN'
  | 'MEMBER_OF'
  | 'OCCURRED_AT'
  | 'OPPOSES'
  | 'PARTICIPATED_IN'
  | 'PART_OF'
  | 'REPORTED_IN'
  | 'SUPPORTS';

/** An actor the report names: an existing one (by id or name), or a new one, which then needs its kind. */
export type ReportActorInput = {
  aliases?: Array<string> | null | undefined;
  description?: string | null | undefined;
  /** An existing actor's id, or the id to give a new one (e.g. 'actor:csp'). */
  id?: string | number | null | undefined;
  kind?: ActorKind | null | undefined;
  name?: string | null | undefined;
};

/**
 * A place the report names: an existing one (by id, gazetteer code, or name under its parent) or a
 * new one, which then needs its kind. List a new parent before the places inside it.
 */
export type ReportPlaceInput = {
  aliases?: Array<string> | null | undefined;
  geonamesId?: string | null | undefined;
  /** An existing place's id, or the id to give a new one (e.g. 'place:dioura-camp'). */
  id?: string | number | null | undefined;
  kind?: PlaceKind | null | undefined;
  location?: GeoPointInput | null | undefined;
  name?: string | null | undefined;
  /** The place it lies in: an existing place, or one listed earlier in this report. */
  parentId?: string | number | null | undefined;
  pcode?: string | null | undefined;
};

export type SourceKind =
  | 'ARTICLE'
  | 'IMAGE'
  | 'LOCAL_CIVILIAN'
  | 'OFFICIAL_STATEMENT'
  | 'OTHER'
  | 'SECURITY_SOURCE'
  | 'SPOKESPERSON'
  | 'VIDEO';

/** Admiralty-style source reliability: A completely reliable … E unreliable, F cannot be judged. */
export type SourceReliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

/** How precisely a time is known. */
export type TimePrecision =
  | 'DAY'
  | 'EXACT'
  | 'HOUR'
  | 'MINUTE'
  | 'MONTH'
  /** A part of a day: morning, afternoon, evening or night. */
  | 'PART_OF_DAY'
  | 'UNKNOWN'
  | 'WEEK'
  | 'YEAR';

/**
 * When something happened. `start: "2023-09-28"` alone is that whole day at precision DAY; `"2023-09"`
 * a month at MONTH. Without `precision`, the coarser of start and end sets it (a date-time is EXACT).
 */
export type TimeSpanInput = {
  end?: string | null | undefined;
  /** A human reading, e.g. 'afternoon'; derived from start/end/precision when omitted. */
  label?: string | null | undefined;
  precision?: TimePrecision | null | undefined;
  start?: string | null | undefined;
};

export type ExplorerSourceFieldsFragment = {
  id: string;
  title: string;
  kind: SourceKind;
  publisher: string | null;
  url: string | null;
};

export type ExplorerClaimFieldsFragment = {
  id: string;
  text: string;
  quote: string | null;
  status: ClaimStatus;
  notIndependentlyVerified: boolean;
  createdBy: string;
  assertedBy: { id: string; name: string } | null;
  reportedIn: Array<{ id: string; title: string; kind: SourceKind; publisher: string | null; url: string | null }>;
  supportingSources: Array<{
    id: string;
    title: string;
    kind: SourceKind;
    publisher: string | null;
    url: string | null;
  }>;
  contradictingSources: Array<{
    id: string;
    title: string;
    kind: SourceKind;
    publisher: string | null;
    url: string | null;
  }>;
};

export type ExplorerStanceFragment = {
  note: string | null;
  party: { id: string; name: string } | null;
  claim: { id: string; text: string } | null;
};

export type ExplorerBriefClaimFragment = {
  id: string;
  text: string;
  status: ClaimStatus;
  assertedBy: { id: string; name: string } | null;
};

export type ExplorerDrawnNodeFragment = {
  id: string;
  type: NodeType;
  label: string;
  node:
    | {
        type: EventType;
        subType: EventSubType | null;
        description: string;
        time: { start: string | null; end: string | null; precision: TimePrecision; label: string };
        place: {
          id: string;
          name: string;
          kind: PlaceKind;
          location: { latitude: number; longitude: number } | null;
        } | null;
      }
    | { kind: PlaceKind; location: { latitude: number; longitude: number } | null }
    | Record<PropertyKey, never>;
};

export type ExplorerDrawnEdgeFragment = {
  id: string;
  kind: string;
  from: string;
  to: string;
  role: ParticipantRole | null;
  status: ClaimStatus | null;
  claims: Array<{ id: string }>;
};

export type ExplorerMoreClaimsQueryVariables = Exact<{
  id: string | number;
  first: number;
  after?: string | null | undefined;
}>;

export type ExplorerMoreClaimsQuery = {
  claims: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      id: string;
      text: string;
      quote: string | null;
      status: ClaimStatus;
      notIndependentlyVerified: boolean;
      createdBy: string;
      assertedBy: { id: string; name: string } | null;
      reportedIn: Array<{ id: string; title: string; kind: SourceKind; publisher: string | null; url: string | null }>;
      supportingSources: Array<{
        id: string;
        title: string;
        kind: SourceKind;
        publisher: string | null;
        url: string | null;
      }>;
      contradictingSources: Array<{
        id: string;
        title: string;
        kind: SourceKind;
        publisher: string | null;
        url: string | null;
      }>;
    }>;
  };
};

export type ExplorerMoreSourceClaimsQueryVariables = Exact<{
  id: string | number;
  first: number;
  after?: string | null | undefined;
}>;

export type ExplorerMoreSourceClaimsQuery = {
  source: {
    claims: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<{
        id: string;
        text: string;
        quote: string | null;
        status: ClaimStatus;
        notIndependentlyVerified: boolean;
        createdBy: string;
        assertedBy: { id: string; name: string } | null;
        reportedIn: Array<{
          id: string;
          title: string;
          kind: SourceKind;
          publisher: string | null;
          url: string | null;
        }>;
        supportingSources: Array<{
          id: string;
          title: string;
          kind: SourceKind;
          publisher: string | null;
          url: string | null;
        }>;
        contradictingSources: Array<{
          id: string;
          title: string;
          kind: SourceKind;
          publisher: string | null;
          url: string | null;
        }>;
      }>;
    };
  } | null;
};

export type ExplorerSearchQueryVariables = Exact<{
  text: string;
}>;

export type ExplorerSearchQuery = {
  search: Array<{
    type: NodeType;
    label: string;
    score: number;
    node: { id: string } | { id: string } | { id: string } | { id: string } | { id: string };
  }>;
};

export type ExplorerNeighbourhoodQueryVariables = Exact<{
  id: string | number;
  depth: number;
  limit: number;
  filter?: GraphFilter | null | undefined;
}>;

export type ExplorerNeighbourhoodQuery = {
  neighbourhood: {
    capped: boolean;
    nodes: Array<{
      id: string;
      type: NodeType;
      label: string;
      node:
        | {
            type: EventType;
            subType: EventSubType | null;
            description: string;
            time: { start: string | null; end: string | null; precision: TimePrecision; label: string };
            place: {
              id: string;
              name: string;
              kind: PlaceKind;
              location: { latitude: number; longitude: number } | null;
            } | null;
          }
        | { kind: PlaceKind; location: { latitude: number; longitude: number } | null }
        | Record<PropertyKey, never>;
    }>;
    edges: Array<{
      id: string;
      kind: string;
      from: string;
      to: string;
      role: ParticipantRole | null;
      status: ClaimStatus | null;
      claims: Array<{ id: string }>;
    }>;
  };
};

export type ExplorerPathQueryVariables = Exact<{
  fromId: string | number;
  toId: string | number;
  filter?: GraphFilter | null | undefined;
}>;

export type ExplorerPathQuery = {
  pathBetween: Array<{
    length: number;
    nodes: Array<{
      id: string;
      type: NodeType;
      label: string;
      node:
        | {
            type: EventType;
            subType: EventSubType | null;
            description: string;
            time: { start: string | null; end: string | null; precision: TimePrecision; label: string };
            place: {
              id: string;
              name: string;
              kind: PlaceKind;
              location: { latitude: number; longitude: number } | null;
            } | null;
          }
        | { kind: PlaceKind; location: { latitude: number; longitude: number } | null }
        | Record<PropertyKey, never>;
    }>;
    edges: Array<{
      id: string;
      kind: string;
      from: string;
      to: string;
      role: ParticipantRole | null;
      status: ClaimStatus | null;
      claims: Array<{ id: string }>;
    }>;
  }>;
};

export type ExplorerActorQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type ExplorerActorQuery = {
  actor: { id: string; name: string; kind: ActorKind; aliases: Array<string>; description: string | null } | null;
  claims: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      id: string;
      text: string;
      quote: string | null;
      status: ClaimStatus;
      notIndependentlyVerified: boolean;
      createdBy: string;
      assertedBy: { id: string; name: string } | null;
      reportedIn: Array<{ id: string; title: string; kind: SourceKind; publisher: string | null; url: string | null }>;
      supportingSources: Array<{
        id: string;
        title: string;
        kind: SourceKind;
        publisher: string | null;
        url: string | null;
      }>;
      contradictingSources: Array<{
        id: string;
        title: string;
        kind: SourceKind;
        publisher: string | null;
        url: string | null;
      }>;
    }>;
  };
};

export type ExplorerPlaceQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type ExplorerPlaceQuery = {
  place: {
    id: string;
    name: string;
    kind: PlaceKind;
    aliases: Array<string>;
    location: { latitude: number; longitude: number } | null;
    ancestors: Array<{ id: string; name: string }>;
  } | null;
  claims: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{
      id: string;
      text: string;
      quote: string | null;
      status: ClaimStatus;
      notIndependentlyVerified: boolean;
      createdBy: string;
      assertedBy: { id: string; name: string } | null;
      reportedIn: Array<{ id: string; title: string; kind: SourceKind; publisher: string | null; url: string | null }>;
      supportingSources: Array<{
        id: string;
        title: string;
        kind: SourceKind;
        publisher: string | null;
        url: string | null;
      }>;
      contradictingSources: Array<{
        id: string;
        title: string;
        kind: SourceKind;
        publisher: string | null;
        url: string | null;
      }>;
    }>;
  };
};

export type ExplorerEventQueryVariables = Exact<{
  id: string | number;
}>;

export type ExplorerEventQuery = {
  event: {
    id: string;
    type: EventType;
    subType: EventSubType | null;
    description: string;
    time: { start: string | null; end: string | null; precision: TimePrecision; label: string };
    figureRange: { claimants: number; label: string };
    figuresByClaimant: Array<{
      claimant: { id: string; name: string } | null;
      figures: Array<{
        kind: FigureKind;
        group: FigureGroup | null;
        low: number | null;
        high: number | null;
        best: number | null;
        approximate: string | null;
        of: { id: string; name: string } | null;
        claim: { id: string; status: ClaimStatus };
      }>;
    }>;
    place: {
      id: string;
      name: string;
      kind: PlaceKind;
      location: { latitude: number; longitude: number } | null;
    } | null;
    participants: Array<{ role: ParticipantRole; status: ClaimStatus; actor: { id: string; name: string } }>;
    claims: Array<{
      id: string;
      text: string;
      quote: string | null;
      status: ClaimStatus;
      notIndependentlyVerified: boolean;
      createdBy: string;
      assertedBy: { id: string; name: string } | null;
      reportedIn: Array<{ id: string; title: string; kind: SourceKind; publisher: string | null; url: string | null }>;
      supportingSources: Array<{
        id: string;
        title: string;
        kind: SourceKind;
        publisher: string | null;
        url: string | null;
      }>;
      contradictingSources: Array<{
        id: string;
        title: string;
        kind: SourceKind;
        publisher: string | null;
        url: string | null;
      }>;
    }>;
  } | null;
};

export type ExplorerSourceQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type ExplorerSourceQuery = {
  source: {
    id: string;
    title: string;
    kind: SourceKind;
    publisher: string | null;
    author: string | null;
    url: string | null;
    reliability: SourceReliability;
    publishedAt: string | null;
    language: string | null;
    cites: Array<{ id: string; title: string; kind: SourceKind; publisher: string | null; url: string | null }>;
    citedBy: Array<{ id: string; title: string; kind: SourceKind; publisher: string | null; url: string | null }>;
    claims: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<{
        id: string;
        text: string;
        quote: string | null;
        status: ClaimStatus;
        notIndependentlyVerified: boolean;
        createdBy: string;
        assertedBy: { id: string; name: string } | null;
        reportedIn: Array<{
          id: string;
          title: string;
          kind: SourceKind;
          publisher: string | null;
          url: string | null;
        }>;
        supportingSources: Array<{
          id: string;
          title: string;
          kind: SourceKind;
          publisher: string | null;
          url: string | null;
        }>;
        contradictingSources: Array<{
          id: string;
          title: string;
          kind: SourceKind;
          publisher: string | null;
          url: string | null;
        }>;
      }>;
    };
    supports: Array<{ id: string; text: string; status: ClaimStatus; assertedBy: { id: string; name: string } | null }>;
    contradicts: Array<{
      id: string;
      text: string;
      status: ClaimStatus;
      assertedBy: { id: string; name: string } | null;
    }>;
  } | null;
};

export type ExplorerClaimQueryVariables = Exact<{
  id: string | number;
}>;

export type ExplorerClaimQuery = {
  claim: {
    id: string;
    text: string;
    quote: string | null;
    status: ClaimStatus;
    notIndependentlyVerified: boolean;
    createdBy: string;
    about: Array<
      | { __typename: 'Actor'; id: string }
      | { __typename: 'Claim'; id: string }
      | { __typename: 'Event'; id: string }
      | { __typename: 'Place'; id: string }
      | { __typename: 'Source'; id: string }
    >;
    disputes: Array<{
      note: string | null;
      party: { id: string; name: string } | null;
      claim: { id: string; text: string } | null;
    }>;
    corroborations: Array<{
      note: string | null;
      party: { id: string; name: string } | null;
      claim: { id: string; text: string } | null;
    }>;
    assertedBy: { id: string; name: string } | null;
    reportedIn: Array<{ id: string; title: string; kind: SourceKind; publisher: string | null; url: string | null }>;
    supportingSources: Array<{
      id: string;
      title: string;
      kind: SourceKind;
      publisher: string | null;
      url: string | null;
    }>;
    contradictingSources: Array<{
      id: string;
      title: string;
      kind: SourceKind;
      publisher: string | null;
      url: string | null;
    }>;
  } | null;
};

export type ExplorerAddClaimMutationVariables = Exact<{
  input: EnterReportInput;
}>;

export type ExplorerAddClaimMutation = {
  enterReport: {
    replayed: boolean;
    claims: Array<{ id: string; node: { status: ClaimStatus } | Record<PropertyKey, never> | null }>;
  };
};

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ExplorerSourceFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment ExplorerSourceFields on Source {
  id
  title
  kind
  publisher
  url
}
    `,
  { fragmentName: 'ExplorerSourceFields' },
) as unknown as TypedDocumentString<ExplorerSourceFieldsFragment, unknown>;
export const ExplorerClaimFieldsFragmentDoc = new TypedDocumentString(
  `
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
    fragment ExplorerSourceFields on Source {
  id
  title
  kind
  publisher
  url
}`,
  { fragmentName: 'ExplorerClaimFields' },
) as unknown as TypedDocumentString<ExplorerClaimFieldsFragment, unknown>;
export const ExplorerStanceFragmentDoc = new TypedDocumentString(
  `
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
    `,
  { fragmentName: 'ExplorerStance' },
) as unknown as TypedDocumentString<ExplorerStanceFragment, unknown>;
export const ExplorerBriefClaimFragmentDoc = new TypedDocumentString(
  `
    fragment ExplorerBriefClaim on Claim {
  id
  text
  status
  assertedBy {
    id
    name
  }
}
    `,
  { fragmentName: 'ExplorerBriefClaim' },
) as unknown as TypedDocumentString<ExplorerBriefClaimFragment, unknown>;
export const ExplorerDrawnNodeFragmentDoc = new TypedDocumentString(
  `
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
    `,
  { fragmentName: 'ExplorerDrawnNode' },
) as unknown as TypedDocumentString<ExplorerDrawnNodeFragment, unknown>;
export const ExplorerDrawnEdgeFragmentDoc = new TypedDocumentString(
  `
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
    `,
  { fragmentName: 'ExplorerDrawnEdge' },
) as unknown as TypedDocumentString<ExplorerDrawnEdgeFragment, unknown>;
export const ExplorerMoreClaimsDocument = new TypedDocumentString(`
    query ExplorerMoreClaims($id: ID!, $first: Int!, $after: String) {
  claims(filter: {aboutId: $id}, first: $first, after: $after) {
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
    fragment ExplorerSourceFields on Source {
  id
  title
  kind
  publisher
  url
}
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
}`) as unknown as TypedDocumentString<ExplorerMoreClaimsQuery, ExplorerMoreClaimsQueryVariables>;
export const ExplorerMoreSourceClaimsDocument = new TypedDocumentString(`
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
    fragment ExplorerSourceFields on Source {
  id
  title
  kind
  publisher
  url
}
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
}`) as unknown as TypedDocumentString<ExplorerMoreSourceClaimsQuery, ExplorerMoreSourceClaimsQueryVariables>;
export const ExplorerSearchDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ExplorerSearchQuery, ExplorerSearchQueryVariables>;
export const ExplorerNeighbourhoodDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<ExplorerNeighbourhoodQuery, ExplorerNeighbourhoodQueryVariables>;
export const ExplorerPathDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<ExplorerPathQuery, ExplorerPathQueryVariables>;
export const ExplorerActorDocument = new TypedDocumentString(`
    query ExplorerActor($id: ID!, $first: Int = 10, $after: String) {
  actor(id: $id) {
    id
    name
    kind
    aliases
    description
  }
  claims(filter: {aboutId: $id}, first: $first, after: $after) {
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
    fragment ExplorerSourceFields on Source {
  id
  title
  kind
  publisher
  url
}
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
}`) as unknown as TypedDocumentString<ExplorerActorQuery, ExplorerActorQueryVariables>;
export const ExplorerPlaceDocument = new TypedDocumentString(`
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
  claims(filter: {aboutId: $id}, first: $first, after: $after) {
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
    fragment ExplorerSourceFields on Source {
  id
  title
  kind
  publisher
  url
}
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
}`) as unknown as TypedDocumentString<ExplorerPlaceQuery, ExplorerPlaceQueryVariables>;
export const ExplorerEventDocument = new TypedDocumentString(`
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
    fragment ExplorerSourceFields on Source {
  id
  title
  kind
  publisher
  url
}
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
}`) as unknown as TypedDocumentString<ExplorerEventQuery, ExplorerEventQueryVariables>;
export const ExplorerSourceDocument = new TypedDocumentString(`
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
    fragment ExplorerSourceFields on Source {
  id
  title
  kind
  publisher
  url
}
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
fragment ExplorerBriefClaim on Claim {
  id
  text
  status
  assertedBy {
    id
    name
  }
}`) as unknown as TypedDocumentString<ExplorerSourceQuery, ExplorerSourceQueryVariables>;
export const ExplorerClaimDocument = new TypedDocumentString(`
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
    fragment ExplorerSourceFields on Source {
  id
  title
  kind
  publisher
  url
}
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
}`) as unknown as TypedDocumentString<ExplorerClaimQuery, ExplorerClaimQueryVariables>;
export const ExplorerAddClaimDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ExplorerAddClaimMutation, ExplorerAddClaimMutationVariables>;
