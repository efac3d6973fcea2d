/**
 * Parameters for the query mix, drawn once from the generated graph so every target answers the
 * same questions: busy and quiet actors, event time windows, pairs of actors to join by a path,
 * events to draw around, place names to search and points to search near.
 */
import type { Database } from '../src/graph/core/database.js';

/** The analysts' check (analyst-check.ts): the busiest nodes, where caps matter. */
export interface AnalystPicks {
  events: number;
  hubActor: string;
  tailActor: string;
  countryId: string;
  townId: string;
  townName: string;
}

export interface Picks {
  actors: string[];
  timelineActors: string[];
  actorPairs: { fromId: string; toId: string }[];
  events: string[];
  eventWindows: { types: string[]; from: string; to: string }[];
  searchTerms: string[];
  points: { latitude: number; longitude: number }[];
  analyst: AnalystPicks;
}

// Actors by how many events they took part in: the head of the power law and a slice of its tail.
const ACTORS_BY_ACTIVITY = `
  MATCH (a:Actor)
  WITH a, COUNT { (a)-[:PARTICIPATED_IN]->() } AS events WHERE events > 0
  RETURN a.id AS id, events ORDER BY events DESC, id ASC`;

const SOME_EVENTS = `
  MATCH (e:Event) WHERE e.id STARTS WITH 'event:gen-'
  RETURN e.id AS id ORDER BY e.id LIMIT 2000`;

const BUSY_TOWNS = `
  MATCH (p:Place {kind: 'TOWN'})
  WITH p, COUNT { (p)<-[:OCCURRED_AT]-() } AS events WHERE events > 0
  RETURN p.id AS id, p.name AS name, p.location.latitude AS latitude, p.location.longitude AS longitude
  ORDER BY events DESC, p.id LIMIT 40`;

const A_COUNTRY = `
  MATCH (p:Place {kind: 'COUNTRY'}) WHERE p.id STARTS WITH 'place:gen-'
  RETURN p.id AS id ORDER BY p.id LIMIT 1`;

const EVENT_COUNT = 'MATCH (e:Event) RETURN count(e) AS events';

const TYPES = ['BATTLE', 'VIOLENCE_AGAINST_CIVILIANS', 'EXPLOSION_REMOTE_VIOLENCE', 'STRATEGIC_DEVELOPMENT'];

export async function pickParameters(db: Database): Promise<Picks> {
  const scope = db.scope(120_000);
  const actors = (await scope.read(ACTORS_BY_ACTIVITY)).map((r) => r.get('id') as string);
  const head = actors.slice(0, 10);
  const tail = actors.filter((_, i) => i >= 10 && i % Math.max(1, Math.floor(actors.length / 40)) === 0).slice(0, 20);
  const events = (await scope.read(SOME_EVENTS)).map((r) => r.get('id') as string);
  const towns = (await scope.read(BUSY_TOWNS)).map((r) => ({
    id: r.get('id') as string,
    name: r.get('name') as string,
    latitude: Number(r.get('latitude')),
    longitude: Number(r.get('longitude')),
  }));
  const eventWindows: Picks['eventWindows'] = [];
  for (let year = 2012; year <= 2024; year++) {
    for (const [i, type] of TYPES.entries()) {
      const month = String(1 + ((year + i) % 12)).padStart(2, '0');
      eventWindows.push({
        types: [type],
        from: `${year}-${month}-01T00:00:00.000Z`,
        to: `${year}-12-31T23:59:59.999Z`,
      });
    }
  }
  const pairs: Picks['actorPairs'] = [];
  for (let i = 0; i + 1 < tail.length; i += 2) pairs.push({ fromId: tail[i]!, toId: tail[i + 1]! });
  const analyst: AnalystPicks = {
    events: Number((await scope.read(EVENT_COUNT))[0]?.get('events') ?? 0),
    hubActor: actors[0]!,
    tailActor: actors.at(-1)!,
    countryId: (await scope.read(A_COUNTRY))[0]?.get('id') as string,
    townId: towns[0]!.id,
    townName: towns[0]!.name,
  };
  return {
    analyst,
    actors: [...head, ...tail],
    timelineActors: [...head.slice(3), ...tail],
    actorPairs: pairs,
    events: events.filter((_, i) => i % 40 === 0),
    eventWindows,
    searchTerms: towns.map((t) => t.name),
    points: towns.map(({ latitude, longitude }) => ({ latitude, longitude })),
  };
}
