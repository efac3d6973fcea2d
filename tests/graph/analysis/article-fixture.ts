/**
 * A stand-in for the shared seed loader while it is being written: seed/article.yaml turned into
 * the property graph of src/graph/README.md by plain Cypher (ids, labels, fact edges with
 * claimIds and status, Name nodes, provenance edges, derived claim status). Only the analysis
 * tests use it; they switch to tests/support's loadArticle(db) once it exists.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Database } from '../../../src/graph/database.js';
import { nameKey } from '../../../src/graph/names.js';

interface Ref {
  id: string;
}
interface SeedEvent {
  id: string;
  type?: string;
  subType?: string;
  time?: { start?: string; end?: string; precision: string; label?: string };
  description?: string;
  fatalities?: { low?: number; high?: number; best?: number };
  place?: Ref;
  participants?: { actor: Ref; role: string }[];
  partOfId?: string;
  followsId?: string;
}
interface SeedClaim {
  id: string;
  text: string;
  quote?: string;
  assertedBy: Ref;
  sourceIds: string[];
  supportingSourceIds?: string[];
  contradictingSourceIds?: string[];
  notIndependentlyVerified?: boolean;
  events?: SeedEvent[];
  relations?: { from: Ref; kind: string; to: Ref }[];
  about?: { actors?: Ref[]; places?: Ref[]; eventIds?: string[]; claimIds?: string[] };
}
interface Seed {
  actors: { id: string; name: string; kind: string; aliases?: string[]; description?: string }[];
  places: {
    id: string;
    name: string;
    kind: string;
    aliases?: string[];
    location?: { latitude: number; longitude: number };
    parentId?: string;
  }[];
  sources: {
    id: string;
    kind: string;
    title: string;
    publisher?: string;
    author?: string;
    publishedAt?: string;
    language?: string;
    reliability: string;
    citesIds?: string[];
  }[];
  claims: SeedClaim[];
}

const STRENGTH = ['CORROBORATED', 'REPORTED', 'UNVERIFIED', 'DISPUTED'];

/** The claim status rules of src/graph/README.md. */
function claimStatus(claim: SeedClaim, seed: Seed): string {
  if ((claim.contradictingSourceIds ?? []).length > 0) return 'DISPUTED';
  const evidence = [...new Set([...claim.sourceIds, ...(claim.supportingSourceIds ?? [])])];
  const sources = new Map(seed.sources.map((s) => [s.id, s]));
  const independent = evidence.filter((id) => !(sources.get(id)?.citesIds ?? []).some((c) => evidence.includes(c)));
  const origins = new Set(independent.map((id) => sources.get(id)?.publisher ?? id));
  if (claim.notIndependentlyVerified && origins.size < 2) return 'UNVERIFIED';
  return origins.size >= 2 ? 'CORROBORATED' : 'REPORTED';
}

interface FactEdge {
  type: string;
  from: string;
  to: string;
  role: string | null;
  claimIds: string[];
}

export async function loadArticleFixture(db: Database): Promise<void> {
  const seed = parse(readFileSync(join(process.cwd(), 'seed/article.yaml'), 'utf8')) as Seed;
  const status = new Map(seed.claims.map((c) => [c.id, claimStatus(c, seed)]));
  const events = new Map<string, SeedEvent>();
  const facts = new Map<string, FactEdge>();
  const about: { claimId: string; targetId: string }[] = [];
  const fact = (type: string, from: string, to: string, role: string | null, claimId: string) => {
    const key = `${type}|${from}|${to}|${role ?? ''}`;
    const edge = facts.get(key) ?? { type, from, to, role, claimIds: [] };
    if (!edge.claimIds.includes(claimId)) edge.claimIds.push(claimId);
    facts.set(key, edge);
  };
  for (const claim of seed.claims) {
    for (const e of claim.events ?? []) {
      events.set(e.id, { ...events.get(e.id), ...e, participants: undefined });
      about.push({ claimId: claim.id, targetId: e.id });
      if (e.place) fact('OCCURRED_AT', e.id, e.place.id, null, claim.id);
      for (const p of e.participants ?? []) fact('PARTICIPATED_IN', p.actor.id, e.id, p.role, claim.id);
      if (e.partOfId) fact('PART_OF', e.id, e.partOfId, null, claim.id);
      if (e.followsId) fact('FOLLOWED_BY', e.followsId, e.id, null, claim.id);
    }
    for (const r of claim.relations ?? []) fact(r.kind, r.from.id, r.to.id, null, claim.id);
    const a = claim.about ?? {};
    for (const ref of [...(a.actors ?? []), ...(a.places ?? [])]) about.push({ claimId: claim.id, targetId: ref.id });
    for (const id of [...(a.eventIds ?? []), ...(a.claimIds ?? [])]) about.push({ claimId: claim.id, targetId: id });
  }
  const strongest = (ids: string[]) =>
    ids.map((id) => status.get(id) ?? 'REPORTED').sort((x, y) => STRENGTH.indexOf(x) - STRENGTH.indexOf(y))[0];

  const scope = db.scope(60_000);
  await scope.write(async (tx) => {
    await tx.run('MATCH (n) DETACH DELETE n');
    await tx.run(
      `UNWIND $actors AS a
       CREATE (n:Actor {id: a.id, name: a.name, kind: a.kind, aliases: a.aliases, aliasText: a.aliasText,
                        description: a.description, createdAt: datetime(), updatedAt: datetime()})
       WITH n, a UNWIND a.keys AS key
       MERGE (k:Name {key: key}) MERGE (k)-[:NAMES]->(n)`,
      {
        actors: seed.actors.map((a) => ({
          ...a,
          aliases: a.aliases ?? [],
          aliasText: (a.aliases ?? []).join(' | '),
          description: a.description ?? null,
          keys: [...new Set([a.name, ...(a.aliases ?? [])].map((n) => nameKey('Actor', n)))],
        })),
      },
    );
    await tx.run(
      `UNWIND $places AS p
       CREATE (n:Place {id: p.id, name: p.name, kind: p.kind, aliases: p.aliases, aliasText: p.aliasText,
                        location: CASE WHEN p.location IS NULL THEN null
                                  ELSE point({latitude: p.location.latitude, longitude: p.location.longitude}) END,
                        createdAt: datetime(), updatedAt: datetime()})
       WITH n, p
       OPTIONAL MATCH (parent:Place {id: p.parentId})
       FOREACH (_ IN CASE WHEN parent IS NULL THEN [] ELSE [1] END | CREATE (n)-[:LOCATED_IN]->(parent))
       WITH n, p UNWIND p.keys AS key
       MERGE (k:Name {key: key}) MERGE (k)-[:NAMES]->(n)`,
      {
        places: seed.places.map((p) => ({
          ...p,
          aliases: p.aliases ?? [],
          aliasText: (p.aliases ?? []).join(' | '),
          location: p.location ?? null,
          parentId: p.parentId ?? null,
          keys: [...new Set([p.name, ...(p.aliases ?? [])].map((n) => nameKey('Place', n)))],
        })),
      },
    );
    await tx.run(
      `UNWIND $sources AS s
       CREATE (:Source {id: s.id, kind: s.kind, title: s.title, publisher: s.publisher, author: s.author,
                        publishedAt: CASE WHEN s.publishedAt IS NULL THEN null ELSE datetime(s.publishedAt) END,
                        language: s.language, reliability: s.reliability, url: null,
                        createdAt: datetime(), updatedAt: datetime()})`,
      {
        sources: seed.sources.map((s) => ({
          ...s,
          publisher: s.publisher ?? null,
          author: s.author ?? null,
          publishedAt: s.publishedAt ?? null,
          language: s.language ?? null,
        })),
      },
    );
    await tx.run(
      `UNWIND $cites AS c MATCH (a:Source {id: c.from}), (b:Source {id: c.to}) CREATE (a)-[:CITES]->(b)`,
      { cites: seed.sources.flatMap((s) => (s.citesIds ?? []).map((to) => ({ from: s.id, to }))) },
    );
    await tx.run(
      `UNWIND $events AS e
       CREATE (:Event {id: e.id, type: e.type, subType: e.subType, description: e.description,
                       startTime: CASE WHEN e.start IS NULL THEN null ELSE datetime(e.start) END,
                       endTime: CASE WHEN e.end IS NULL THEN null ELSE datetime(e.end) END,
                       timePrecision: e.precision, timeLabel: e.label,
                       fatalitiesLow: e.low, fatalitiesHigh: e.high, fatalitiesBest: e.best,
                       createdAt: datetime(), updatedAt: datetime()})`,
      {
        events: [...events.values()].map((e) => ({
          id: e.id,
          type: e.type,
          subType: e.subType ?? null,
          description: e.description ?? '',
          start: e.time?.start ?? null,
          end: e.time?.end ?? null,
          precision: e.time?.precision ?? 'UNKNOWN',
          label: e.time?.label ?? null,
          low: e.fatalities?.low ?? null,
          high: e.fatalities?.high ?? null,
          best: e.fatalities?.best ?? null,
        })),
      },
    );
    await tx.run(
      `UNWIND $claims AS c
       CREATE (n:Claim {id: c.id, text: c.text, quote: c.quote, status: c.status,
                        notIndependentlyVerified: c.niv, retracted: false, retractionReason: null,
                        createdBy: 'seed', createdAt: datetime(), updatedAt: datetime()})
       WITH n, c
       MATCH (a:Actor {id: c.assertedBy})
       CREATE (n)-[:ASSERTED_BY]->(a)
       WITH n, c
       CALL (n, c) { UNWIND c.reportedIn AS sid MATCH (s:Source {id: sid}) CREATE (n)-[:REPORTED_IN]->(s) }
       CALL (n, c) { UNWIND c.supporting AS sid MATCH (s:Source {id: sid}) CREATE (s)-[:SUPPORTS]->(n) }
       CALL (n, c) { UNWIND c.contradicting AS sid MATCH (s:Source {id: sid}) CREATE (s)-[:CONTRADICTS]->(n) }`,
      {
        claims: seed.claims.map((c) => ({
          id: c.id,
          text: c.text,
          quote: c.quote ?? null,
          status: status.get(c.id),
          niv: c.notIndependentlyVerified ?? false,
          assertedBy: c.assertedBy.id,
          reportedIn: c.sourceIds,
          supporting: c.supportingSourceIds ?? [],
          contradicting: c.contradictingSourceIds ?? [],
        })),
      },
    );
    // One statement per relationship type: a type cannot be a parameter.
    for (const type of new Set([...facts.values()].map((f) => f.type))) {
      await tx.run(
        `UNWIND $edges AS e
         CALL (e) {
           MATCH (a:Actor|Event {id: e.from}), (b:Place|Event|Actor {id: e.to})
           CREATE (a)-[r:${type}]->(b)
           SET r.claimIds = e.claimIds, r.status = e.status, r.role = e.role
         }`,
        {
          edges: [...facts.values()]
            .filter((f) => f.type === type)
            .map((f) => ({ ...f, status: strongest(f.claimIds) })),
        },
      );
    }
    await tx.run(
      `UNWIND $about AS a
       MATCH (c:Claim {id: a.claimId})
       CALL (a) {
         MATCH (t:Actor {id: a.targetId}) RETURN t
         UNION MATCH (t:Place {id: a.targetId}) RETURN t
         UNION MATCH (t:Event {id: a.targetId}) RETURN t
         UNION MATCH (t:Claim {id: a.targetId}) RETURN t
       }
       MERGE (c)-[:ABOUT]->(t)`,
      { about },
    );
  });
}
