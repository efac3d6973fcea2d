/**
 * The fixed part of a synthetic graph, sized by the number of events: a place hierarchy
 * (countries → regions → circles → towns, some military bases) with coordinates inside the Sahel
 * bounding box, a power-law population of actors, a pool of sources from a few dozen publishers
 * (some relaying others), and claimed relations between actors. Every id starts with "gen-" after
 * its type prefix (`actor:gen-12`), so it never collides with the article's ids.
 */
import { deriveClaimStatus, type EvidenceSource, independentOrigins } from '../../src/domain/claim-status.js';
import {
  type BulkActor,
  type BulkActorRelation,
  type BulkClaim,
  type BulkPlace,
  type BulkSource,
  type ActorRelationKind,
} from '../../src/graph/bulk/load.js';
import { nameKey } from '../../src/domain/names.js';
import { Random, syntheticName, Zipf } from './random.js';

/** The Sahel, roughly: Mauritania to Chad. */
export const SAHEL = { minLat: 10, maxLat: 24, minLon: -17, maxLon: 24 };

export const GENERATOR_IDENTITY = 'generator';

export interface World {
  eventCount: number;
  places: BulkPlace[];
  /** Places events happen at (towns, bases, some circles), drawn by a power law: hot spots. */
  eventPlaces: BulkPlace[];
  eventPlaceDraw: Zipf;
  actors: BulkActor[];
  /** Actors ordered by how often they take part: index 0 is in the most events. */
  actorDraw: Zipf;
  civilianGroups: BulkActor[];
  sources: BulkSource[];
  evidence: Map<string, EvidenceSource>;
  relations: { claims: BulkClaim[]; actorRelations: BulkActorRelation[] };
}

const COUNTRIES = 6;
const REGIONS_PER_COUNTRY = 8;
const CIRCLES_PER_REGION = 6;
const PUBLISHERS = 40;

/**
 * Guards what the README demands of names: a name or alias names one node of a label. An alias
 * that would name a second node is dropped; such a name gets a numeral.
 */
class UniqueNames {
  private readonly keys = new Set<string>();
  constructor(private readonly label: 'Actor' | 'Place') {}

  take(name: string, aliases: string[]): { name: string; aliases: string[] } {
    let own = name;
    for (let n = 2; this.keys.has(nameKey(this.label, own)); n++) own = `${name} ${n}`;
    this.keys.add(nameKey(this.label, own));
    const kept = aliases.filter((a) => !this.keys.has(nameKey(this.label, a)));
    for (const a of kept) this.keys.add(nameKey(this.label, a));
    return { name: own, aliases: [...new Set(kept)] };
  }
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

function placesOf(random: Random, events: number): { places: BulkPlace[]; eventPlaces: BulkPlace[] } {
  const places: BulkPlace[] = [];
  const names = new UniqueNames('Place');
  let nameIndex = 0;
  const root = () => syntheticName(nameIndex++, 3);
  const near = (p: BulkPlace, spread: number) => ({
    latitude: round4(clamp(p.location!.latitude + random.between(-spread, spread), SAHEL.minLat, SAHEL.maxLat)),
    longitude: round4(clamp(p.location!.longitude + random.between(-spread, spread), SAHEL.minLon, SAHEL.maxLon)),
  });
  const add = (kind: string, name: string, aliases: string[], parent: BulkPlace | null, spread: number) => {
    const own = names.take(name, aliases);
    const place: BulkPlace = {
      id: `place:gen-${places.length}`,
      name: own.name,
      kind,
      aliases: own.aliases,
      location: parent ? near(parent, spread) : null,
      parentId: parent?.id ?? null,
    };
    places.push(place);
    return place;
  };

  const circles: BulkPlace[] = [];
  const band = (SAHEL.maxLon - SAHEL.minLon) / COUNTRIES;
  for (let c = 0; c < COUNTRIES; c++) {
    const name = root();
    const country = add('COUNTRY', name, [`Republic of ${name}`, `République du ${name}`], null, 0);
    country.location = {
      latitude: round4(random.between(14, 20)),
      longitude: round4(SAHEL.minLon + band * (c + 0.5)),
    };
    for (let r = 0; r < REGIONS_PER_COUNTRY; r++) {
      const rn = root();
      const region = add('REGION', `${rn} region`, [`Région de ${rn}`], country, band / 2);
      for (let k = 0; k < CIRCLES_PER_REGION; k++) {
        const cn = root();
        circles.push(add('CIRCLE', `${cn} circle`, [`Cercle de ${cn}`], region, 1));
      }
    }
  }
  const eventPlaces: BulkPlace[] = [];
  const towns = Math.max(100, Math.round(events / 25));
  for (let t = 0; t < towns; t++) {
    const name = root();
    const town = add(
      'TOWN',
      name,
      random.chance(0.3) ? [name.toUpperCase().replace(/A/g, 'AH')] : [],
      random.pick(circles),
      0.4,
    );
    eventPlaces.push(town);
    if (random.chance(0.05)) {
      eventPlaces.push(add('MILITARY_BASE', `${name} military camp`, [`Camp militaire de ${name}`], town, 0.02));
    }
    if (random.chance(0.1)) eventPlaces.push(random.pick(circles));
  }
  return { places, eventPlaces };
}

const ARMED_GROUP_WORDS = [
  'Liberation Front',
  'Brigade',
  'Movement',
  'Defence Militia',
  'Katiba',
  'Self-Defence Group',
];

function actorsOf(
  random: Random,
  events: number,
  countries: BulkPlace[],
): { actors: BulkActor[]; civilians: BulkActor[] } {
  const actors: BulkActor[] = [];
  const names = new UniqueNames('Actor');
  const add = (kind: string, name: string, aliases: string[], description: string | null) => {
    const own = names.take(name, aliases);
    const actor: BulkActor = {
      id: `actor:gen-${actors.length}`,
      name: own.name,
      kind,
      aliases: own.aliases,
      description,
    };
    actors.push(actor);
    return actor;
  };
  // The head of the power law: each country's armed forces, then the large armed groups.
  for (const country of countries) {
    const initials = country.name.toUpperCase();
    add('STATE_FORCE', `${country.name} Armed Forces`, [`FA${initials}`, `Forces armées du ${country.name}`], null);
  }
  const total = Math.max(40, Math.round(events / 50));
  let nameIndex = 0;
  while (actors.length < total) {
    const name = syntheticName(nameIndex++, 7);
    const roll = random.float();
    if (roll < 0.05) add('COALITION', `${name} Coalition`, [`Coordination of ${name}`], 'A coalition of armed groups.');
    else if (roll < 0.08) add('PRIVATE_MILITARY_COMPANY', `${name} Group`, [`PMC ${name}`], null);
    else if (roll < 0.12) add('PERSON', `${name} ag ${syntheticName(nameIndex++, 11)}`, [], null);
    else if (roll < 0.15) add('ORGANIZATION', `${name} Relief`, [], null);
    else {
      const word = random.pick(ARMED_GROUP_WORDS);
      add('ARMED_GROUP', `${name} ${word}`, random.chance(0.5) ? [`${word} of ${name}`, name.toUpperCase()] : [], null);
    }
  }
  // States, governments and civilians take part less often: they sit in the tail.
  for (const country of countries) add('STATE', country.name, [], null);
  const civilians: BulkActor[] = [];
  for (const country of countries) civilians.push(add('CIVILIAN_GROUP', `Civilians (${country.name})`, [], null));
  return { actors, civilians };
}

const SOURCE_KINDS = [
  'ARTICLE',
  'OFFICIAL_STATEMENT',
  'SPOKESPERSON',
  'LOCAL_CIVILIAN',
  'SECURITY_SOURCE',
  'VIDEO',
  'IMAGE',
];
const SOURCE_KIND_WEIGHTS = [50, 10, 10, 10, 10, 5, 5];
const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'];

function sourcesOf(random: Random, events: number): BulkSource[] {
  const publishers = Array.from(
    { length: PUBLISHERS },
    (_, i) => `${syntheticName(i, 13)} ${i % 3 ? 'Monitor' : 'Daily'}`,
  );
  const publisherDraw = new Zipf(PUBLISHERS, 0.8);
  const sources: BulkSource[] = [];
  const count = Math.max(60, Math.round(events * 0.6));
  const day = 86_400_000;
  const start = Date.UTC(2012, 0, 1);
  for (let i = 0; i < count; i++) {
    const kind = SOURCE_KINDS[random.weighted(SOURCE_KIND_WEIGHTS)]!;
    const publisher =
      kind === 'LOCAL_CIVILIAN' || kind === 'SECURITY_SOURCE' ? null : publishers[publisherDraw.draw(random)]!;
    // Articles relay some of the statements, videos and witnesses published just before them.
    const citesIds: string[] = [];
    if (kind === 'ARTICLE' && i > 10 && random.chance(0.3)) {
      const cited = `source:gen-${i - random.int(1, 10)}`;
      citesIds.push(cited);
    }
    sources.push({
      id: `source:gen-${i}`,
      kind,
      title: `${kind === 'ARTICLE' ? 'Report' : kind.toLowerCase().replace(/_/g, ' ')} ${i} by ${publisher ?? 'unnamed sources'}`,
      publisher,
      author: kind === 'ARTICLE' ? `${syntheticName(i % 500, 17)} ${syntheticName(i % 300, 5)}` : null,
      url: kind === 'ARTICLE' ? `https://example.org/gen/${i}` : null,
      publishedAt: new Date(start + Math.floor((i / count) * 13 * 365) * day).toISOString(),
      language: random.pick(['en', 'fr', 'en', 'ar']),
      reliability: RELIABILITY[random.weighted([5, 20, 30, 20, 10, 15])]!,
      citesIds,
    });
  }
  return sources;
}

/** Picks a claim's evidence from the source pool and derives its status by the README's rules. */
export function evidenceFor(random: Random, world: Pick<World, 'sources' | 'evidence'>, near: number) {
  const { sources, evidence } = world;
  const around = () => {
    const i = clamp(near + random.int(-30, 30), 0, sources.length - 1);
    return sources[i]!.id;
  };
  const reportedInIds = [around()];
  if (random.chance(0.2)) reportedInIds.push(around());
  const supportingIds: string[] = [];
  const supporting = random.weighted([45, 30, 15, 10]);
  for (let k = 0; k < supporting; k++) supportingIds.push(around());
  const contradictingIds = random.chance(0.08) ? [around()] : [];
  const uniqueSupport = [...new Set(supportingIds)].filter((id) => !reportedInIds.includes(id));
  const uniqueReported = [...new Set(reportedInIds)];
  const contradicting = [...new Set(contradictingIds)].filter(
    (id) => !uniqueReported.includes(id) && !uniqueSupport.includes(id),
  );
  const notIndependentlyVerified = random.chance(0.1);
  const sourcesOf = [...uniqueReported, ...uniqueSupport].map((id) => evidence.get(id)!);
  const status = deriveClaimStatus({
    evidence: sourcesOf,
    contradicted: contradicting.length > 0,
    notIndependentlyVerified,
  });
  return {
    reportedInIds: uniqueReported,
    supportingIds: uniqueSupport,
    contradictingIds: contradicting,
    notIndependentlyVerified,
    status,
    independentOrigins: independentOrigins(sourcesOf),
  };
}

const emptyAbout = () => ({ actorIds: [], placeIds: [], eventIds: [], sourceIds: [], claimIds: [] });

function relationsOf(random: Random, world: Omit<World, 'relations'>): World['relations'] {
  const claims: BulkClaim[] = [];
  const actorRelations: BulkActorRelation[] = [];
  const armed = world.actors.filter((a) => a.kind === 'ARMED_GROUP');
  const coalitions = world.actors.filter((a) => a.kind === 'COALITION');
  const forces = world.actors.filter((a) => a.kind === 'STATE_FORCE');
  const seen = new Set<string>();
  const relate = (from: (typeof world.actors)[number], kind: ActorRelationKind, to: (typeof world.actors)[number]) => {
    const key = `${from.id}|${kind}|${to.id}`;
    if (from.id === to.id || seen.has(key)) return;
    seen.add(key);
    const id = `claim:gen-rel-${claims.length}`;
    const ev = evidenceFor(random, world, random.int(0, world.sources.length - 1));
    claims.push({
      id,
      text: `${from.name} ${kind.toLowerCase().replace(/_/g, ' ')} ${to.name}.`,
      quote: null,
      createdBy: GENERATOR_IDENTITY,
      assertedById: random.chance(0.5) ? from.id : to.id,
      ...ev,
      about: { ...emptyAbout(), actorIds: [from.id, to.id] },
    });
    actorRelations.push({ fromId: from.id, kind, toId: to.id, claimId: id, status: ev.status });
  };
  for (const group of armed) {
    if (coalitions.length > 0 && random.chance(0.3)) relate(group, 'MEMBER_OF', random.pick(coalitions));
    if (random.chance(0.2)) relate(group, 'ALLIED_WITH', random.pick(armed));
    if (random.chance(0.4)) relate(group, 'OPPOSES', random.pick(forces));
  }
  for (const force of forces) relate(force, 'OPPOSES', random.pick(armed.slice(0, 10)));
  return { claims, actorRelations };
}

export function buildWorld(events: number, seed: number): World {
  const random = new Random(seed);
  const { places, eventPlaces } = placesOf(random, events);
  const countries = places.filter((p) => p.kind === 'COUNTRY');
  const { actors, civilians } = actorsOf(random, events, countries);
  const sources = sourcesOf(random, events);
  const evidence = new Map<string, EvidenceSource>(sources.map((s) => [s.id, s]));
  const partial = {
    eventCount: events,
    places,
    eventPlaces,
    eventPlaceDraw: new Zipf(eventPlaces.length, 0.7),
    actors,
    actorDraw: new Zipf(actors.length - civilians.length, 1.1),
    civilianGroups: civilians,
    sources,
    evidence,
  };
  return { ...partial, relations: relationsOf(random, partial) };
}
