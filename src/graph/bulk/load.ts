/**
 * The batched bulk write path: a whole graph of actors, places, sources, events, claims and the
 * fact edges behind them, written with UNWIND in chunks — one statement per label and per
 * relationship kind, never one statement per row. Used by the generator (`npm run generate`) and
 * by the researchers' `importClaims`. It writes the property graph exactly as docs/model.md
 * describes it (ids, Name nodes, aliasText, fact edges with claimIds and status); deciding what to
 * write, and validating it, is the caller's job (see import-claims.ts).
 */
import { claimFolded, sourceFolded } from '../core/folded-text.js';
import type { DbScope, Params, WriteTx } from '../core/database.js';
import { STATUS_RANK, type ClaimStatus } from '../../domain/claim-status.js';
import { CREATE_FIGURES, type StatedFigure } from '../write/figures.js';
import { SET_EVENT_SPAN } from '../core/event-span.js';
import { nameKey } from '../../domain/names.js';

export type { ClaimStatus };

export interface BulkActor {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  description: string | null;
}

export interface BulkPlace {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  location: { latitude: number; longitude: number } | null;
  parentId: string | null;
}

export interface BulkSource {
  id: string;
  kind: string;
  title: string;
  publisher: string | null;
  author: string | null;
  url: string | null;
  /** ISO 8601. */
  publishedAt: string | null;
  language: string | null;
  reliability: string;
  citesIds: string[];
}

export interface BulkEvent {
  id: string;
  type: string;
  subType: string | null;
  /** ISO 8601. */
  startTime: string | null;
  endTime: string | null;
  timePrecision: string;
  timeLabel: string;
  description: string;
  /** The stored range of its KILLED figures across claimants (write/figures.ts); null when none. */
  fatalitiesLow: number | null;
  fatalitiesHigh: number | null;
  fatalitiesBest: number | null;
  createdBy: string;
}

export interface BulkClaim {
  id: string;
  text: string;
  quote: string | null;
  /** Derived by the caller with claim-status.ts's deriveClaimStatus (importClaims re-derives it in the database). */
  status: ClaimStatus;
  /** Counted by the caller with claim-status.ts's independentOrigins; importClaims counts it with the status. */
  independentOrigins?: number;
  notIndependentlyVerified: boolean;
  /** What the claim says, hashed (claim-duplicates.ts), so that entering it again is refused. */
  fingerprint?: string | null;
  createdBy: string;
  assertedById: string | null;
  reportedInIds: string[];
  supportingIds: string[];
  contradictingIds: string[];
  about: { actorIds: string[]; placeIds: string[]; eventIds: string[]; sourceIds: string[]; claimIds: string[] };
  /**
   * The events it states (ABOUT with states: true); those in about.eventIds it only mentions. When
   * absent: the events whose participations, place or own links it backs in this graph.
   */
  statesEventIds?: string[];
}

/** A figure a claim states (write/figures.ts). */
export interface BulkFigure extends StatedFigure {
  claimId: string;
}

/** One claim's backing of a fact edge; load.ts merges those of the same edge. */
interface Backing {
  claimId: string;
  status: ClaimStatus;
}
export interface BulkParticipation extends Backing {
  actorId: string;
  eventId: string;
  role: string;
}
export interface BulkOccurrence extends Backing {
  eventId: string;
  placeId: string;
}
export type ActorRelationKind = 'MEMBER_OF' | 'PART_OF' | 'ALLIED_WITH' | 'OPPOSES';
export interface BulkActorRelation extends Backing {
  fromId: string;
  kind: ActorRelationKind;
  toId: string;
}
export interface BulkEventLink extends Backing {
  fromId: string;
  kind: 'FOLLOWED_BY' | 'PART_OF';
  toId: string;
}

/** A graph to write. Every reference must name a node in this graph or already in the database. */
export interface BulkGraph {
  actors?: BulkActor[];
  places?: BulkPlace[];
  sources?: BulkSource[];
  events?: BulkEvent[];
  claims?: BulkClaim[];
  participations?: BulkParticipation[];
  occurrences?: BulkOccurrence[];
  actorRelations?: BulkActorRelation[];
  eventLinks?: BulkEventLink[];
  figures?: BulkFigure[];
}

export interface BulkOptions {
  /** Rows per statement. 5,000 keeps each round trip large while the transaction state stays small. */
  chunkSize?: number;
  /** Called after each statement, for profiling a load (what, rows, milliseconds). */
  onStatement?: (what: string, rows: number, ms: number) => void;
  /**
   * Which of the graph's ids exist, when the caller has looked them up in this transaction already
   * (the dataset writer plans against its own look-up: nothing it writes exists); without it the
   * writer looks them up.
   */
  existing?: ExistingIds;
}

const DEFAULT_CHUNK = 5_000;

// Which of the graph's ids exist already: one index seek per id and label. Existing nodes are
// left as they are and existing claims are skipped whole, so writing a graph twice changes
// nothing; everything else is new, and new nodes and their edges are CREATEd — no MERGE, whose
// existence check is most of the cost of a bulk write.
const EXISTING_IDS = `
  CALL () { UNWIND $actors AS id MATCH (n:Actor {id: id}) RETURN collect(id) AS actors }
  CALL () { UNWIND $places AS id MATCH (n:Place {id: id}) RETURN collect(id) AS places }
  CALL () { UNWIND $sources AS id MATCH (n:Source {id: id}) RETURN collect(id) AS sources }
  CALL () { UNWIND $events AS id MATCH (n:Event {id: id}) RETURN collect(id) AS events }
  CALL () { UNWIND $claims AS id MATCH (n:Claim {id: id}) RETURN collect(id) AS claims }
  RETURN actors, places, sources, events, claims`;

// Every statement returns how many rows it wrote; the writer checks it against the rows sent.
const NOW = 'n.createdAt = datetime(), n.updatedAt = datetime()';

const CREATE_ACTORS = `
  UNWIND $rows AS row
  CREATE (n:Actor {id: row.id}) SET n += row.props, ${NOW}
  RETURN count(*) AS n`;

const CREATE_PLACES = `
  UNWIND $rows AS row
  CREATE (n:Place {id: row.id}) SET n += row.props, ${NOW},
    n.location = CASE WHEN row.lat IS NULL THEN null ELSE point({latitude: row.lat, longitude: row.lon}) END
  RETURN count(*) AS n`;

const CREATE_SOURCES = `
  UNWIND $rows AS row
  CREATE (n:Source {id: row.id}) SET n += row.props, ${NOW}, n.publishedAt = datetime(row.publishedAt)
  RETURN count(*) AS n`;

const CREATE_EVENTS = `
  UNWIND $rows AS row
  CREATE (n:Event {id: row.id}) SET n += row.props, ${NOW},
    n.startTime = datetime(row.startTime), n.endTime = datetime(row.endTime)
  ${SET_EVENT_SPAN('n')}
  RETURN count(*) AS n`;

const CREATE_CLAIMS = `
  UNWIND $rows AS row
  CREATE (n:Claim {id: row.id}) SET n += row.props, ${NOW}, n.retracted = false
  RETURN count(*) AS n`;

// A key may exist already without naming this (new) node; validation refuses a key that names another.
const namesStatement = (label: 'Actor' | 'Place') => `
  UNWIND $rows AS row
  MATCH (n:${label} {id: row.id})
  MERGE (k:Name {key: row.key})
  CREATE (k)-[:NAMES]->(n)
  RETURN count(*) AS n`;

/** An edge that cannot exist yet, because one of its ends is new. */
const createStatement = (from: string, rel: string, to: string, props = '') => `
  UNWIND $rows AS row
  MATCH (a:${from} {id: row.from})
  MATCH (b:${to} {id: row.to})
  CREATE (a)-[r:${rel}${props}]->(b)
  RETURN count(*) AS n`;

const NEW_FACT = ' {claimIds: row.claimIds, status: row.status, createdAt: datetime()}';

/**
 * A fact edge between existing nodes: created with its claims, or completed with more claims. The
 * status of an existing edge is already the strongest of its claims (the write path keeps it so),
 * and new claims cannot change older claims' statuses, so the strongest of the two is the new one.
 */
const mergeFactStatement = (from: string, rel: string, to: string, key = '') => `
  UNWIND $rows AS row
  MATCH (a:${from} {id: row.from})
  MATCH (b:${to} {id: row.to})
  MERGE (a)-[r:${rel}${key}]->(b)
  ON CREATE SET r.claimIds = row.claimIds, r.status = row.status, r.createdAt = datetime()
  ON MATCH SET
    r.claimIds = coalesce(r.claimIds, []) + [c IN row.claimIds WHERE NOT c IN coalesce(r.claimIds, [])],
    r.status = CASE WHEN coalesce($rank[r.status], 0) >= $rank[row.status] THEN r.status ELSE row.status END
  RETURN count(*) AS n`;

const ABOUT_TARGETS = {
  actorIds: 'Actor',
  placeIds: 'Place',
  eventIds: 'Event',
  sourceIds: 'Source',
  claimIds: 'Claim',
};
const ACTOR_RELATION_KINDS: readonly ActorRelationKind[] = ['MEMBER_OF', 'PART_OF', 'ALLIED_WITH', 'OPPOSES'];
const EVENT_LINK_KINDS = ['FOLLOWED_BY', 'PART_OF'] as const;

const STATEMENTS = {
  actors: CREATE_ACTORS,
  places: CREATE_PLACES,
  sources: CREATE_SOURCES,
  events: CREATE_EVENTS,
  claims: CREATE_CLAIMS,
  actorNames: namesStatement('Actor'),
  placeNames: namesStatement('Place'),
  locatedIn: createStatement('Place', 'LOCATED_IN', 'Place'),
  cites: createStatement('Source', 'CITES', 'Source'),
  assertedBy: createStatement('Claim', 'ASSERTED_BY', 'Actor'),
  reportedIn: createStatement('Claim', 'REPORTED_IN', 'Source'),
  supports: createStatement('Source', 'SUPPORTS', 'Claim', ' {at: datetime(), by: row.by}'),
  contradicts: createStatement('Source', 'CONTRADICTS', 'Claim', ' {at: datetime(), by: row.by}'),
  statesEvent: createStatement('Claim', 'ABOUT', 'Event', ' {states: true}'),
  figures: CREATE_FIGURES,
  about: Object.fromEntries(
    Object.entries(ABOUT_TARGETS).map(([field, label]) => [field, createStatement('Claim', 'ABOUT', label)]),
  ) as Record<keyof typeof ABOUT_TARGETS, string>,
  participatedIn: {
    create: createStatement(
      'Actor',
      'PARTICIPATED_IN',
      'Event',
      ' {role: row.role, claimIds: row.claimIds, status: row.status, createdAt: datetime()}',
    ),
    merge: mergeFactStatement('Actor', 'PARTICIPATED_IN', 'Event', ' {role: row.role}'),
  },
  occurredAt: {
    create: createStatement('Event', 'OCCURRED_AT', 'Place', NEW_FACT),
    merge: mergeFactStatement('Event', 'OCCURRED_AT', 'Place'),
  },
  actorRelations: Object.fromEntries(
    ACTOR_RELATION_KINDS.map((kind) => [kind, mergeFactStatement('Actor', kind, 'Actor')]),
  ) as Record<ActorRelationKind, string>,
  eventLinks: Object.fromEntries(
    EVENT_LINK_KINDS.map((kind) => [
      kind,
      { create: createStatement('Event', kind, 'Event', NEW_FACT), merge: mergeFactStatement('Event', kind, 'Event') },
    ]),
  ) as Record<(typeof EVENT_LINK_KINDS)[number], { create: string; merge: string }>,
};

/** Counts of what a bulk write went through (rows, not necessarily new nodes). */
export interface BulkCounts {
  actors: number;
  places: number;
  sources: number;
  events: number;
  claims: number;
  relationships: number;
}

type Row = Record<string, unknown>;

const aliasText = (aliases: readonly string[]) => aliases.join(' | ');

function nameRows(label: 'Actor' | 'Place', nodes: readonly { id: string; name: string; aliases: string[] }[]): Row[] {
  const rows: Row[] = [];
  for (const n of nodes) {
    const keys = new Set([n.name, ...n.aliases].map((name) => nameKey(label, name)));
    for (const key of keys) rows.push({ key, id: n.id });
  }
  return rows;
}

/** Per claim, the events whose participations, place or own part-of / follows links it backs. */
function statedByBacking(graph: BulkGraph): Map<string, string[]> {
  const stated = new Map<string, string[]>();
  const add = (claimId: string, eventId: string) =>
    (stated.get(claimId) ?? stated.set(claimId, []).get(claimId)!).push(eventId);
  for (const p of graph.participations ?? []) add(p.claimId, p.eventId);
  for (const o of graph.occurrences ?? []) add(o.claimId, o.eventId);
  for (const l of graph.eventLinks ?? []) add(l.claimId, l.kind === 'PART_OF' ? l.fromId : l.toId);
  return stated;
}

/** Merges the backings of the same edge into one row with all its claim ids and the strongest status. */
function factRows<T extends Backing>(
  items: readonly T[],
  ends: (item: T) => Row & { from: string; to: string },
): Row[] {
  // Each edge's row is the first backing's `ends`, completed in place (no copy per edge).
  const byEdge = new Map<string, Row & { claimIds: string[]; status: ClaimStatus }>();
  for (const item of items) {
    const row: Row = ends(item);
    const key = JSON.stringify(row);
    const edge = byEdge.get(key);
    if (!edge) {
      row.claimIds = [item.claimId];
      row.status = item.status;
      byEdge.set(key, row as Row & { claimIds: string[]; status: ClaimStatus });
    } else {
      if (!edge.claimIds.includes(item.claimId)) edge.claimIds.push(item.claimId);
      if (STATUS_RANK[item.status] > STATUS_RANK[edge.status]) edge.status = item.status;
    }
  }
  return [...byEdge.values()];
}

/** The list without repeats, in order (most lists here hold one id: kept as they are). */
const distinct = (list: readonly string[]): readonly string[] => (list.length < 2 ? list : [...new Set(list)]);

function groupBy<T, K extends string>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Ids of the graph that exist in the database already, per label. */
export interface ExistingIds {
  actors: ReadonlySet<string>;
  places: ReadonlySet<string>;
  sources: ReadonlySet<string>;
  events: ReadonlySet<string>;
  claims: ReadonlySet<string>;
}

export const NOTHING_EXISTS: ExistingIds = {
  actors: new Set(),
  places: new Set(),
  sources: new Set(),
  events: new Set(),
  claims: new Set(),
};

export interface BulkStep {
  what: string;
  statement: string;
  rows: Row[];
}

/**
 * The statements to run, in dependency order (nodes, names, then edges), each with its rows. Nodes
 * in `existing` are not written again; claims in it are skipped with everything they back.
 */
export function bulkStatements(graph: BulkGraph, existing: ExistingIds = NOTHING_EXISTS): BulkStep[] {
  const isNew =
    <T extends { id: string }>(set: ReadonlySet<string>) =>
    (n: T) =>
      !set.has(n.id);
  const actors = (graph.actors ?? []).filter(isNew(existing.actors));
  const places = (graph.places ?? []).filter(isNew(existing.places));
  const sources = (graph.sources ?? []).filter(isNew(existing.sources));
  const events = (graph.events ?? []).filter(isNew(existing.events));
  const claims = (graph.claims ?? []).filter(isNew(existing.claims));
  const newClaim = (b: Backing) => !existing.claims.has(b.claimId);
  const newEvents = new Set(events.map((e) => e.id));

  const steps: BulkStep[] = [];
  const add = (what: string, statement: string, rows: Row[]) => {
    if (rows.length > 0) steps.push({ what, statement, rows });
  };
  /** Fact edges touching a new event are new too (CREATE); the others may exist (MERGE). */
  const addFacts = <T extends Backing>(
    what: string,
    statements: { create: string; merge: string },
    items: readonly T[],
    ends: (item: T) => Row & { from: string; to: string },
    touchesNewEvent: (item: T) => boolean,
  ) => {
    const fresh = items.filter(newClaim);
    add(what, statements.create, factRows(fresh.filter(touchesNewEvent), ends));
    add(
      what,
      statements.merge,
      factRows(
        fresh.filter((i) => !touchesNewEvent(i)),
        ends,
      ),
    );
  };

  add(
    'actors',
    STATEMENTS.actors,
    actors.map((a) => ({
      id: a.id,
      props: {
        name: a.name,
        kind: a.kind,
        aliases: a.aliases,
        aliasText: aliasText(a.aliases),
        description: a.description,
      },
    })),
  );
  add(
    'places',
    STATEMENTS.places,
    places.map((p) => ({
      id: p.id,
      lat: p.location?.latitude ?? null,
      lon: p.location?.longitude ?? null,
      props: { name: p.name, kind: p.kind, aliases: p.aliases, aliasText: aliasText(p.aliases) },
    })),
  );
  add(
    'sources',
    STATEMENTS.sources,
    sources.map(({ id, publishedAt, citesIds: _cites, ...props }) => ({
      id,
      publishedAt,
      props: { ...props, ...sourceFolded(props.title) },
    })),
  );
  add(
    'events',
    STATEMENTS.events,
    events.map(({ id, startTime, endTime, ...props }) => ({ id, startTime, endTime, props })),
  );
  add(
    'claims',
    STATEMENTS.claims,
    claims.map((c) => ({
      id: c.id,
      props: {
        text: c.text,
        quote: c.quote,
        ...claimFolded(c.text, c.quote),
        status: c.status,
        independentOrigins: c.independentOrigins ?? null,
        notIndependentlyVerified: c.notIndependentlyVerified,
        fingerprint: c.fingerprint ?? null,
        createdBy: c.createdBy,
      },
    })),
  );
  add('actor names', STATEMENTS.actorNames, nameRows('Actor', actors));
  add('place names', STATEMENTS.placeNames, nameRows('Place', places));
  add(
    'LOCATED_IN',
    STATEMENTS.locatedIn,
    places.filter((p) => p.parentId).map((p) => ({ from: p.id, to: p.parentId })),
  );
  add(
    'CITES',
    STATEMENTS.cites,
    sources.flatMap((s) => s.citesIds.map((to) => ({ from: s.id, to }))),
  );
  add(
    'ASSERTED_BY',
    STATEMENTS.assertedBy,
    claims.filter((c) => c.assertedById).map((c) => ({ from: c.id, to: c.assertedById })),
  );
  add(
    'REPORTED_IN',
    STATEMENTS.reportedIn,
    claims.flatMap((c) => c.reportedInIds.map((to) => ({ from: c.id, to }))),
  );
  add(
    'SUPPORTS',
    STATEMENTS.supports,
    claims.flatMap((c) => c.supportingIds.map((from) => ({ from, to: c.id, by: c.createdBy }))),
  );
  add(
    'CONTRADICTS',
    STATEMENTS.contradicts,
    claims.flatMap((c) => c.contradictingIds.map((from) => ({ from, to: c.id, by: c.createdBy }))),
  );
  const backed = statedByBacking(graph);
  const states = claims.map((c) => new Set(c.statesEventIds ?? backed.get(c.id) ?? []));
  for (const field of Object.keys(ABOUT_TARGETS) as (keyof typeof ABOUT_TARGETS)[]) {
    add(
      `ABOUT ${ABOUT_TARGETS[field]}`,
      STATEMENTS.about[field],
      claims.flatMap((c, i) =>
        distinct(c.about[field])
          .filter((to) => field !== 'eventIds' || !states[i]!.has(to))
          .map((to) => ({ from: c.id, to })),
      ),
    );
  }
  add(
    'ABOUT Event (states)',
    STATEMENTS.statesEvent,
    claims.flatMap((c, i) => [...states[i]!].map((to) => ({ from: c.id, to }))),
  );
  const newClaims = new Set(claims.map((c) => c.id));
  add(
    'figures',
    STATEMENTS.figures,
    (graph.figures ?? []).filter((f) => newClaims.has(f.claimId)).map((f) => ({ ...f })),
  );
  addFacts(
    'PARTICIPATED_IN',
    STATEMENTS.participatedIn,
    graph.participations ?? [],
    (p) => ({ from: p.actorId, to: p.eventId, role: p.role }),
    (p) => newEvents.has(p.eventId),
  );
  addFacts(
    'OCCURRED_AT',
    STATEMENTS.occurredAt,
    graph.occurrences ?? [],
    (o) => ({ from: o.eventId, to: o.placeId }),
    (o) => newEvents.has(o.eventId),
  );
  for (const [kind, items] of groupBy((graph.actorRelations ?? []).filter(newClaim), (r) => r.kind)) {
    add(
      kind,
      STATEMENTS.actorRelations[kind],
      factRows(items, (r) => ({ from: r.fromId, to: r.toId })),
    );
  }
  for (const [kind, items] of groupBy(graph.eventLinks ?? [], (r) => r.kind)) {
    addFacts(
      kind,
      STATEMENTS.eventLinks[kind],
      items,
      (r) => ({ from: r.fromId, to: r.toId }),
      (r) => newEvents.has(r.fromId) || newEvents.has(r.toId),
    );
  }
  return steps;
}

/** Reads, inside a write transaction, which of these ids exist already, per label. */
export async function existingIdList(
  tx: WriteTx,
  ids: Record<keyof ExistingIds, readonly string[]>,
): Promise<Record<keyof ExistingIds, string[]>> {
  const rows = await tx.run(EXISTING_IDS, ids);
  const list = (key: keyof ExistingIds) => (rows[0]?.get(key) as string[] | undefined) ?? [];
  return {
    actors: list('actors'),
    places: list('places'),
    sources: list('sources'),
    events: list('events'),
    claims: list('claims'),
  };
}

/** Which of the graph's ids exist already. */
export async function existingIds(tx: WriteTx, graph: BulkGraph): Promise<ExistingIds> {
  const ids = (nodes: readonly { id: string }[] | undefined) => (nodes ?? []).map((n) => n.id);
  const found = await existingIdList(tx, {
    actors: ids(graph.actors),
    places: ids(graph.places),
    sources: ids(graph.sources),
    events: ids(graph.events),
    claims: ids(graph.claims),
  });
  return {
    actors: new Set(found.actors),
    places: new Set(found.places),
    sources: new Set(found.sources),
    events: new Set(found.events),
    claims: new Set(found.claims),
  };
}

const NODE_STEPS = new Set(['actors', 'places', 'sources', 'events', 'claims']);

/**
 * Writes `graph` inside the caller's transaction, chunk by chunk. A row that matches no node (a
 * dangling reference) fails the whole transaction rather than being dropped silently.
 */
export async function writeBulkGraph(tx: WriteTx, graph: BulkGraph, options: BulkOptions = {}): Promise<BulkCounts> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  const counts: BulkCounts = { actors: 0, places: 0, sources: 0, events: 0, claims: 0, relationships: 0 };
  const started = performance.now();
  const existing = options.existing ?? (await existingIds(tx, graph));
  if (!options.existing) options.onStatement?.('existing ids', 0, performance.now() - started);
  for (const { what, statement, rows } of bulkStatements(graph, existing)) {
    for (let start = 0; start < rows.length; start += chunkSize) {
      const chunk = rows.slice(start, start + chunkSize);
      const params: Params = { rows: chunk, rank: STATUS_RANK };
      const started = performance.now();
      const result = await tx.run(statement, params);
      options.onStatement?.(what, chunk.length, performance.now() - started);
      const written = Number(result[0]?.get('n') ?? 0);
      if (written !== chunk.length) {
        throw new BulkReferenceError(
          `Bulk write of ${what}: ${chunk.length - written} of ${chunk.length} rows name a node that does not exist.`,
        );
      }
    }
    if (NODE_STEPS.has(what)) counts[what as keyof Omit<BulkCounts, 'relationships'>] += rows.length;
    else if (!what.endsWith('names')) counts.relationships += rows.length;
  }
  return counts;
}

/** Writes `graph` in one transaction: all of it, or none of it. */
export function writeBulk(scope: DbScope, graph: BulkGraph, options: BulkOptions = {}): Promise<BulkCounts> {
  return scope.write((tx) => writeBulkGraph(tx, graph, options));
}

/** A reference the caller should have validated names nothing: a bug upstream, never user input. */
export class BulkReferenceError extends Error {}
