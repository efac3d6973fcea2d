/**
 * Records to domain objects: one mapping per label, used by every graph module, so an Actor
 * read by a list, a path or a search is the same object. Domain objects carry `__typename`
 * and the scalar fields of their GraphQL type; relationships are resolved by loaders.
 */
import neo4j, { type Node as Neo4jNode } from 'neo4j-driver';

export type NodeLabel = 'Actor' | 'Place' | 'Event' | 'Source' | 'Claim';
export const NODE_LABELS: readonly NodeLabel[] = ['Actor', 'Place', 'Event', 'Source', 'Claim'];

export type Props = Record<string, unknown>;

/**
 * How one label maps: the properties its reads return (NODE_MAP: these, not whole nodes, so
 * properties kept for indexes only, such as aliasText or an event's span, never travel) and which
 * of them are DateTimes; the properties behind each field (and sub-field, as 'time.start') of its
 * GraphQL type, for reads that return only what the client selected (see propertiesFor: a field
 * resolved from the object's id through loaders reads no property, an empty list); and the
 * record-to-object function.
 */
interface LabelMapping {
  plain: readonly string[];
  dateTimes: readonly string[];
  fields: Readonly<Record<string, readonly string[]>>;
  toObject: (p: Props) => DomainObject;
}

/** Neo4j temporal values (or ISO strings) to ISO 8601 UTC strings; null stays null. */
export function toIso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  // Epoch milliseconds, as NODE_MAP returns DateTimes.
  if (typeof value === 'number') return new Date(value).toISOString();
  if (neo4j.isDateTime(value as never) || neo4j.isDate(value as never) || neo4j.isLocalDateTime(value as never)) {
    return new Date((value as { toString(): string }).toString()).toISOString();
  }
  return String(value);
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

function base(p: Props) {
  return { id: String(p.id), createdAt: toIso(p.createdAt) ?? '', updatedAt: toIso(p.updatedAt) ?? '' };
}

/**
 * What a nested read found ahead for an object (the participations page reads its events'
 * places, parents, claims and evidence in its own statement), kept on the object itself rather
 * than primed into loaders: the object and what hangs from it may be partial (only the
 * properties selected along that path, see propertiesFor), so they answer only the path that
 * read them. Resolvers look here before asking a loader.
 */
export const AHEAD = Symbol('read ahead');

/** Keeps `ahead` on `object` under AHEAD, not enumerable: copies and comparisons of the object ignore it. */
export function keepAhead<T extends { [AHEAD]?: unknown }>(object: T, ahead: NonNullable<T[typeof AHEAD]>): T {
  Object.defineProperty(object, AHEAD, { value: ahead, enumerable: false, configurable: true });
  return object;
}

// Actor

export interface ActorObject extends ReturnType<typeof base> {
  __typename: 'Actor';
  name: string;
  kind: string;
  aliases: string[];
  description: string | null;
}

export function toActor(p: Props): ActorObject {
  return {
    __typename: 'Actor',
    ...base(p),
    name: String(p.name),
    kind: String(p.kind),
    aliases: list(p.aliases),
    description: str(p.description),
  };
}

const ACTOR: LabelMapping = {
  plain: ['id', 'name', 'kind', 'aliases', 'description'],
  dateTimes: ['createdAt', 'updatedAt'],
  fields: {
    id: ['id'],
    name: ['name'],
    kind: ['kind'],
    aliases: ['aliases'],
    description: ['description'],
    createdAt: ['createdAt'],
    updatedAt: ['updatedAt'],
    participations: [],
    memberOf: [],
    members: [],
    allies: [],
    opponents: [],
    claimsAsserted: [],
    claimsAbout: [],
  },
  toObject: toActor,
};

// Place

export interface PlaceObject extends ReturnType<typeof base> {
  __typename: 'Place';
  name: string;
  kind: string;
  aliases: string[];
  location: { latitude: number; longitude: number } | null;
  geonamesId: string | null;
  pcode: string | null;
  parentId?: string | null;
  /** The parent read ahead (null: none). */
  [AHEAD]?: { parent: PlaceObject | null };
}

export function toPlace(p: Props): PlaceObject {
  const loc = p.location as { x: number; y: number } | null | undefined;
  return {
    __typename: 'Place',
    ...base(p),
    name: String(p.name),
    kind: String(p.kind),
    aliases: list(p.aliases),
    // WGS-84 points store x = longitude, y = latitude.
    location: loc ? { latitude: Number(loc.y), longitude: Number(loc.x) } : null,
    geonamesId: str(p.geonamesId),
    pcode: str(p.pcode),
  };
}

const PLACE: LabelMapping = {
  plain: ['id', 'name', 'kind', 'aliases', 'location', 'geonamesId', 'pcode'],
  dateTimes: ['createdAt', 'updatedAt'],
  fields: {
    id: ['id'],
    name: ['name'],
    kind: ['kind'],
    aliases: ['aliases'],
    location: ['location'],
    geonamesId: ['geonamesId'],
    pcode: ['pcode'],
    createdAt: ['createdAt'],
    updatedAt: ['updatedAt'],
    parent: [],
    hierarchy: [],
    ancestors: [],
    children: [],
    events: [],
  },
  toObject: toPlace,
};

// Event

export interface EventObject extends ReturnType<typeof base> {
  __typename: 'Event';
  type: string;
  subType: string | null;
  time: { start: string | null; end: string | null; precision: string; label: string };
  description: string;
  fatalities: { known: boolean; low: number | null; high: number | null; best: number | null };
  /**
   * The place read ahead (null: none) and whether it is the larger event's (event-place.ts), and
   * the claims read ahead with the filter they were read for (`args`, argumentKey of it).
   */
  [AHEAD]?: {
    place?: PlaceObject | null;
    placeInherited?: boolean;
    claims?: { args: string; value: ClaimObject[] };
  };
}

export function toEvent(p: Props): EventObject {
  const low = num(p.fatalitiesLow);
  const high = num(p.fatalitiesHigh);
  const best = num(p.fatalitiesBest);
  return {
    __typename: 'Event',
    ...base(p),
    type: String(p.type),
    subType: str(p.subType),
    time: {
      start: toIso(p.startTime),
      end: toIso(p.endTime),
      precision: str(p.timePrecision) ?? 'UNKNOWN',
      label: str(p.timeLabel) ?? 'unknown time',
    },
    description: String(p.description ?? ''),
    fatalities: { known: low !== null || high !== null || best !== null, low, high, best },
  };
}

const EVENT: LabelMapping = {
  plain: [
    'id',
    'type',
    'subType',
    'timePrecision',
    'timeLabel',
    'description',
    'fatalitiesLow',
    'fatalitiesHigh',
    'fatalitiesBest',
  ],
  dateTimes: ['createdAt', 'updatedAt', 'startTime', 'endTime'],
  fields: {
    id: ['id'],
    type: ['type'],
    subType: ['subType'],
    'time.start': ['startTime'],
    'time.end': ['endTime'],
    'time.precision': ['timePrecision'],
    'time.label': ['timeLabel'],
    description: ['description'],
    'fatalities.known': ['fatalitiesLow', 'fatalitiesHigh', 'fatalitiesBest'],
    'fatalities.low': ['fatalitiesLow'],
    'fatalities.high': ['fatalitiesHigh'],
    'fatalities.best': ['fatalitiesBest'],
    createdAt: ['createdAt'],
    updatedAt: ['updatedAt'],
    place: [],
    placeInherited: [],
    participants: [],
    claims: [],
    figuresByClaimant: [],
    figureRange: [],
    followedBy: [],
    precededBy: [],
    partOf: [],
    subEvents: [],
  },
  toObject: toEvent,
};

// Source

export interface SourceObject extends ReturnType<typeof base> {
  __typename: 'Source';
  kind: string;
  title: string;
  publisher: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  language: string | null;
  reliability: string;
}

export function toSource(p: Props): SourceObject {
  return {
    __typename: 'Source',
    ...base(p),
    kind: String(p.kind),
    title: String(p.title),
    publisher: str(p.publisher),
    author: str(p.author),
    url: str(p.url),
    publishedAt: toIso(p.publishedAt),
    language: str(p.language),
    reliability: str(p.reliability) ?? 'F',
  };
}

const SOURCE: LabelMapping = {
  plain: ['id', 'kind', 'title', 'publisher', 'author', 'url', 'language', 'reliability'],
  dateTimes: ['createdAt', 'updatedAt', 'publishedAt'],
  fields: {
    id: ['id'],
    kind: ['kind'],
    title: ['title'],
    publisher: ['publisher'],
    author: ['author'],
    url: ['url'],
    publishedAt: ['publishedAt'],
    language: ['language'],
    reliability: ['reliability'],
    createdAt: ['createdAt'],
    updatedAt: ['updatedAt'],
    cites: [],
    citedBy: [],
    claims: [],
    supports: [],
    contradicts: [],
  },
  toObject: toSource,
};

// Claim

/** Who asserts a claim and the sources by stance: the provenance parts a claim reads. */
export interface ClaimProvenance {
  assertedBy: ActorObject | null;
  reportedIn: SourceObject[];
  /** The sources it is reported in, and those that support it besides. */
  supportingSources: SourceObject[];
  contradictingSources: SourceObject[];
}

export interface ClaimObject extends ReturnType<typeof base> {
  __typename: 'Claim';
  text: string;
  quote: string | null;
  status: string;
  /** As the status rule counts them (claim-status.ts), stored with the status. */
  independentOrigins: number;
  notIndependentlyVerified: boolean;
  retracted: boolean;
  retractionReason: string | null;
  createdBy: string;
  /** The parts of its evidence read ahead. */
  [AHEAD]?: Partial<ClaimProvenance>;
}

export function toClaim(p: Props): ClaimObject {
  return {
    __typename: 'Claim',
    ...base(p),
    text: String(p.text),
    quote: str(p.quote),
    status: String(p.status ?? 'REPORTED'),
    // Stored with the status; a claim has at least one source, so at least one origin.
    independentOrigins: num(p.independentOrigins) ?? 1,
    notIndependentlyVerified: p.notIndependentlyVerified === true,
    retracted: p.retracted === true,
    retractionReason: str(p.retractionReason),
    createdBy: String(p.createdBy ?? 'unknown'),
  };
}

const CLAIM: LabelMapping = {
  plain: [
    'id',
    'text',
    'quote',
    'status',
    'independentOrigins',
    'notIndependentlyVerified',
    'retracted',
    'retractionReason',
    'createdBy',
  ],
  dateTimes: ['createdAt', 'updatedAt'],
  fields: {
    id: ['id'],
    text: ['text'],
    quote: ['quote'],
    status: ['status'],
    independentOrigins: ['independentOrigins'],
    notIndependentlyVerified: ['notIndependentlyVerified'],
    retracted: ['retracted'],
    retractionReason: ['retractionReason'],
    createdBy: ['createdBy'],
    createdAt: ['createdAt'],
    updatedAt: ['updatedAt'],
    assertedBy: [],
    reportedIn: [],
    supportingSources: [],
    contradictingSources: [],
    about: [],
    figures: [],
    disputes: [],
    corroborations: [],
  },
  toObject: toClaim,
};

// All labels (a label's mapping is its section above)

export type DomainObject = ActorObject | PlaceObject | EventObject | SourceObject | ClaimObject;

const LABELS: Record<NodeLabel, LabelMapping> = {
  Actor: ACTOR,
  Place: PLACE,
  Event: EVENT,
  Source: SOURCE,
  Claim: CLAIM,
};
const ANY_LABEL = {
  plain: [...new Set(Object.values(LABELS).flatMap((p) => p.plain))],
  dateTimes: [...new Set(Object.values(LABELS).flatMap((p) => p.dateTimes))],
};

/**
 * Cypher: node `n` (of `label`, or of any domain label) as the map of the properties its mapping
 * reads, DateTimes as epoch milliseconds (toIso reads them). Decoding a DateTime costs the driver
 * a dozen 64-bit integer operations; a nested read returns hundreds, and a profile of the API
 * under load found half its CPU time there.
 */
export function NODE_MAP(n: string, label?: NodeLabel): string {
  const { plain, dateTimes } = label ? LABELS[label] : ANY_LABEL;
  return `${n} {${[...plain.map((key) => `.${key}`), ...dateTimes.map((key) => `${key}: ${n}.${key}.epochMillis`)].join(', ')}}`;
}

/**
 * The properties of `label` to read for these selected fields ('name', 'time.start',
 * 'place.id' …, as fieldPaths lists them), the id always. Null (read the whole node) when a
 * selected field is not in the label's `fields`: a field added to the schema is never answered
 * from a property that was not read. Serialising and decoding every property of a nested page
 * (its events, places, claims and sources) costs more than finding them. An object read this
 * way is partial: the mapping fills the fields not read with defaults, so it is answered as is
 * along the path that selected it and never primed into a loader, where another selection could
 * read those fields.
 */
export function propertiesFor(label: NodeLabel, fields: ReadonlySet<string>): string[] | null {
  const table = LABELS[label].fields;
  const properties = new Set(['id']);
  for (const field of fields) {
    if (field === '__typename' || field.endsWith('.__typename')) continue;
    // A field, or a sub-field of a value object (location) or of a relationship (place.id).
    const dot = field.indexOf('.');
    const listed = table[field] ?? (dot > 0 ? table[field.slice(0, dot)] : undefined);
    if (listed) listed.forEach((property) => properties.add(property));
    // A value object whose own fields are listed ('time' for 'time.start').
    else if (!Object.keys(table).some((key) => key.startsWith(`${field}.`))) return null;
  }
  return [...properties];
}

/** The Event properties to read for these selected fields (see propertiesFor); every mapped one when null. */
export function eventProperties(fields: ReadonlySet<string> | null): string[] {
  return (fields && propertiesFor('Event', fields)) ?? [...LABELS.Event.plain, ...LABELS.Event.dateTimes];
}

/** Cypher: node `n` as NODE_MAP returns it, but only `properties` of it (all when null). */
export function PROJECTED_MAP(n: string, label: NodeLabel, properties: readonly string[] | null): string {
  if (properties === null) return NODE_MAP(n, label);
  const { dateTimes } = LABELS[label];
  const entries = properties.map((key) => (dateTimes.includes(key) ? `${key}: ${n}.${key}.epochMillis` : `.${key}`));
  return `${n} {${entries.join(', ')}}`;
}

/** The domain label of a node (its first label among the domain labels), or null. */
export function domainLabel(labels: readonly string[]): NodeLabel | null {
  return (NODE_LABELS.find((l) => labels.includes(l)) as NodeLabel | undefined) ?? null;
}

/** Any domain node to its domain object; null for non-domain nodes (Name, AuditEntry …). */
export function toDomain(node: Pick<Neo4jNode, 'labels' | 'properties'>): DomainObject | null {
  const label = domainLabel(node.labels);
  return label ? LABELS[label].toObject(node.properties as Props) : null;
}

/** A human label for drawing: name, title, or the first words of a claim or event. */
export function displayLabel(o: DomainObject): string {
  switch (o.__typename) {
    case 'Actor':
    case 'Place':
      return o.name;
    case 'Source':
      return o.title;
    case 'Event':
      return `${o.subType ?? o.type} · ${o.time.label}`;
    case 'Claim':
      return o.text.length > 80 ? `${o.text.slice(0, 77)}…` : o.text;
  }
}

/** What a fact edge carries: the claims behind it and their strongest status. */
export interface FactEdge {
  claimIds: string[];
  status: string;
}

export function toFactEdge(p: Props): FactEdge {
  return { claimIds: list(p.claimIds), status: str(p.status) ?? 'REPORTED' };
}

/** An actor's part in an event (a PARTICIPATED_IN edge), with both ends. */
export interface ParticipationObject extends FactEdge {
  __typename: 'Participation';
  role: string;
  actor: ActorObject;
  event: EventObject;
}

/** A relation between two actors seen from one side; `actor` is the other end. */
export interface ActorRelationObject extends FactEdge {
  __typename: 'ActorRelation';
  kind: string;
  actor: ActorObject;
}

/** The properties of a node returned by a query (a column, or a value inside a collected map). */
export function nodeProps(node: unknown): Props {
  return (node as Neo4jNode).properties as Props;
}

/**
 * The fields of `label`'s SDL type that the tables above do not map: a field the label's
 * `fields` do not list (nor any `field.` sub-key of it), or one listing a property its reads do
 * not return, would read back null through NODE_MAP while `node(id)` answers it. The mapping test
 * holds every SDL field to this.
 */
export function unmappedFields(label: NodeLabel, fields: readonly string[]): string[] {
  const table = LABELS[label].fields;
  const read = new Set([...LABELS[label].plain, ...LABELS[label].dateTimes]);
  return fields.filter((field) => {
    const keys = Object.keys(table).filter((key) => key === field || key.startsWith(`${field}.`));
    return keys.length === 0 || keys.some((key) => table[key]!.some((property) => !read.has(property)));
  });
}
