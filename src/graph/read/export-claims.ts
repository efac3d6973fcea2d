/**
 * The reads behind the JSON export (importClaims' own input, the lossless round trip): actors,
 * places parents first, sources cited first, then the live claims in the order they were added,
 * each with the fact edges it backs, its evidence and what it is about.
 */
import type { DbScope } from '../core/database.js';
import { nodeProps } from '../core/mapping.js';

const ACTORS = `MATCH (a:Actor) RETURN a ORDER BY a.id`;
const PLACES = `
  MATCH (p:Place)
  OPTIONAL MATCH path = (p)-[:LOCATED_IN*1..12]->(:Place)
  WITH p, max(length(path)) AS depth
  OPTIONAL MATCH (p)-[:LOCATED_IN]->(parent:Place)
  RETURN p, parent.id AS parentId ORDER BY coalesce(depth, 0), p.id`;
const SOURCES = `
  MATCH (s:Source)
  OPTIONAL MATCH path = (s)-[:CITES*1..8]->(:Source)
  WITH s, max(length(path)) AS depth
  RETURN s, [(s)-[:CITES]->(x:Source) | x.id] AS citesIds ORDER BY coalesce(depth, 0), s.id`;

const CLAIM_PAGE = `
  MATCH (c:Claim)
  WHERE NOT coalesce(c.retracted, false)
    AND (c.createdAt > datetime($at) OR (c.createdAt = datetime($at) AND c.id > $after))
  WITH c ORDER BY c.createdAt, c.id LIMIT toInteger($limit)
  RETURN c, toString(c.createdAt) AS at,
    head([(c)-[:ASSERTED_BY]->(k:Actor) | k.id]) AS assertedById,
    [(c)-[:REPORTED_IN]->(s:Source) | s.id] AS reportedIn,
    [(s:Source)-[:SUPPORTS]->(c) | s.id] AS supporting,
    [(s:Source)-[:CONTRADICTS]->(c) | s.id] AS contradicting,
    [(c)-[:ABOUT]->(n) | {id: n.id, label: head(labels(n))}] AS about,
    [(c)-[:ABOUT]->(e:Event) | e] AS events,
    [(c)-[:ABOUT]->(e:Event)<-[r:PARTICIPATED_IN]-(a:Actor) WHERE c.id IN r.claimIds |
      {event: e.id, actor: a.id, role: r.role}] AS participations,
    [(c)-[:ABOUT]->(e:Event)-[r:OCCURRED_AT]->(p:Place) | {event: e.id, place: p.id, backs: c.id IN r.claimIds}] AS occurrences,
    [(c)-[:ABOUT]->(a:Actor)-[r:MEMBER_OF|PART_OF|ALLIED_WITH|OPPOSES]->(b:Actor) WHERE c.id IN r.claimIds |
      {from: a.id, kind: type(r), to: b.id}] AS relations,
    [(c)-[:ABOUT]->(e:Event)-[r:FOLLOWED_BY|PART_OF]->(o:Event) WHERE c.id IN r.claimIds |
      {from: e.id, kind: type(r), to: o.id}] AS linksOut,
    [(c)-[:ABOUT]->(e:Event)<-[r:FOLLOWED_BY|PART_OF]-(o:Event) WHERE c.id IN r.claimIds |
      {from: o.id, kind: type(r), to: e.id}] AS linksIn,
    [(c)-[:STATES]->(f:Figure) | {
      kind: f.kind, of: head([(f)-[:COUNTS]->(o:Actor) | o.id]), group: f.group, low: f.low, high: f.high,
      best: f.best, approximate: f.approximate, eventId: head([(f)-[:OF_EVENT]->(x:Event) | x.id])
    }] AS figures`;

export interface ClaimRead {
  props: Record<string, unknown>;
  assertedById: string | null;
  reportedIn: string[];
  supporting: string[];
  contradicting: string[];
  about: { id: string; label: string }[];
  events: Record<string, unknown>[];
  participations: { event: string; actor: string; role: string }[];
  occurrences: { event: string; place: string; backs: boolean }[];
  relations: { from: string; kind: string; to: string }[];
  links: { from: string; kind: string; to: string }[];
  figures: {
    kind: string;
    of: string | null;
    group: string | null;
    low: number | null;
    high: number | null;
    best: number | null;
    approximate: string | null;
    eventId: string | null;
  }[];
}

export async function allActors(db: DbScope) {
  return (await db.read(ACTORS)).map((r) => nodeProps(r.get('a')));
}

export async function allPlaces(db: DbScope): Promise<(Record<string, unknown> & { parentId: string | null })[]> {
  return (await db.read(PLACES)).map((r) => ({
    ...nodeProps(r.get('p')),
    parentId: r.get('parentId') as string | null,
  }));
}

export async function allSources(db: DbScope): Promise<(Record<string, unknown> & { citesIds: string[] })[]> {
  return (await db.read(SOURCES)).map((r) => ({ ...nodeProps(r.get('s')), citesIds: r.get('citesIds') as string[] }));
}

export async function* claimPages(db: DbScope, limit = 500): AsyncGenerator<ClaimRead[]> {
  let at = '-999999999-01-01T00:00:00Z';
  let after = '';
  for (;;) {
    const rows = await db.read(CLAIM_PAGE, { at, after, limit });
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      props: nodeProps(r.get('c')),
      assertedById: r.get('assertedById') as string | null,
      reportedIn: r.get('reportedIn') as string[],
      supporting: r.get('supporting') as string[],
      contradicting: r.get('contradicting') as string[],
      about: r.get('about') as ClaimRead['about'],
      events: (r.get('events') as unknown[]).map(nodeProps),
      participations: r.get('participations') as ClaimRead['participations'],
      occurrences: r.get('occurrences') as ClaimRead['occurrences'],
      relations: r.get('relations') as ClaimRead['relations'],
      links: [...(r.get('linksOut') as ClaimRead['links']), ...(r.get('linksIn') as ClaimRead['links'])],
      figures: r.get('figures') as ClaimRead['figures'],
    }));
    const last = rows[rows.length - 1]!;
    at = last.get('at') as string;
    after = String(nodeProps(last.get('c')).id);
    if (rows.length < limit) return;
  }
}
