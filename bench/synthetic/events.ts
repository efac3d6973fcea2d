/**
 * Events of a synthetic graph, a batch at a time: ACLED-like types, times over 2012–2024, places
 * drawn by a power law (hot spots), a few actors in most events and a long tail, 1–5 claims per
 * event with their sources (some corroborating, some disputing), and the fact edges those claims
 * back. Each event depends only on the seed and its index.
 */
import type {
  BulkClaim,
  BulkEvent,
  BulkEventLink,
  BulkGraph,
  BulkOccurrence,
  BulkParticipation,
} from '../../src/graph/bulk/load.js';
import { Random } from './random.js';
import { evidenceFor, GENERATOR_IDENTITY, type World } from './world.js';

interface EventKind {
  type: string;
  subTypes: string[];
  roles: string[][];
  weight: number;
  lethal: boolean;
}

const KINDS: EventKind[] = [
  {
    type: 'BATTLE',
    subTypes: ['ARMED_CLASH', 'ARMED_CLASH', 'NON_STATE_ACTOR_OVERTAKES_TERRITORY', 'GOVERNMENT_REGAINS_TERRITORY'],
    roles: [
      ['ATTACKER', 'TARGET'],
      ['ATTACKER', 'DEFENDER'],
    ],
    weight: 35,
    lethal: true,
  },
  {
    type: 'EXPLOSION_REMOTE_VIOLENCE',
    subTypes: ['AIR_DRONE_STRIKE', 'SHELLING_ARTILLERY_MISSILE_ATTACK', 'REMOTE_EXPLOSIVE'],
    roles: [['ATTACKER'], ['ATTACKER', 'TARGET']],
    weight: 15,
    lethal: true,
  },
  {
    type: 'VIOLENCE_AGAINST_CIVILIANS',
    subTypes: ['ATTACK', 'ABDUCTION_FORCED_DISAPPEARANCE', 'LOOTING_PROPERTY_DESTRUCTION'],
    roles: [['ATTACKER', 'TARGET']],
    weight: 25,
    lethal: true,
  },
  {
    type: 'STRATEGIC_DEVELOPMENT',
    subTypes: ['AGREEMENT', 'ALLIANCE_FORMED', 'WITHDRAWAL', 'ARREST_CAPTURE', 'SEARCH_OPERATION', 'STATEMENT'],
    roles: [['SPEAKER'], ['SIGNATORY', 'SIGNATORY'], ['WITHDRAWING'], ['CAPTOR', 'CAPTIVE'], ['ACCUSER', 'ACCUSED']],
    weight: 15,
    lethal: false,
  },
  { type: 'PROTEST', subTypes: ['OTHER'], roles: [['OTHER']], weight: 7, lethal: false },
  {
    type: 'RIOT',
    subTypes: ['OTHER', 'LOOTING_PROPERTY_DESTRUCTION'],
    roles: [['OTHER', 'TARGET']],
    weight: 3,
    lethal: true,
  },
];
const KIND_WEIGHTS = KINDS.map((k) => k.weight);
const CLAIMS_PER_EVENT_WEIGHTS = [35, 30, 20, 10, 5];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FIRST_DAY = Date.UTC(2012, 0, 1);
const DAYS = 13 * 365;
const DAY_MS = 86_400_000;

export const eventId = (i: number) => `event:gen-${i}`;

function timeOf(random: Random): Pick<BulkEvent, 'startTime' | 'endTime' | 'timePrecision' | 'timeLabel'> {
  const day = FIRST_DAY + random.int(0, DAYS - 1) * DAY_MS;
  const d = new Date(day);
  const label = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  const roll = random.float();
  if (roll < 0.8) {
    return {
      startTime: d.toISOString(),
      endTime: new Date(day + DAY_MS - 1).toISOString(),
      timePrecision: 'DAY',
      timeLabel: label,
    };
  }
  if (roll < 0.9) {
    const at = new Date(day + random.int(0, 23) * 3_600_000).toISOString();
    return { startTime: at, endTime: at, timePrecision: 'HOUR', timeLabel: `${label}, ${at.slice(11, 16)}` };
  }
  if (roll < 0.96) {
    const part = random.int(0, 3);
    const start = day + part * 6 * 3_600_000;
    return {
      startTime: new Date(start).toISOString(),
      endTime: new Date(start + 6 * 3_600_000).toISOString(),
      timePrecision: 'PART_OF_DAY',
      timeLabel: `${label}, ${['night', 'morning', 'afternoon', 'evening'][part]}`,
    };
  }
  return {
    startTime: d.toISOString(),
    endTime: new Date(day + 7 * DAY_MS).toISOString(),
    timePrecision: 'UNKNOWN',
    timeLabel: `week of ${label}`,
  };
}

function fatalitiesOf(random: Random, lethal: boolean) {
  if (!lethal || random.chance(0.45)) return { fatalitiesLow: null, fatalitiesHigh: null, fatalitiesBest: null };
  const best = Math.floor(-Math.log(1 - random.float()) * 6);
  return {
    fatalitiesLow: Math.max(0, best - random.int(0, 3)),
    fatalitiesHigh: best + random.int(0, 5),
    fatalitiesBest: best,
  };
}

/** Events [from, to) of the graph as one bulk write, with their claims and fact edges. */
export function eventBatch(world: World, seed: number, from: number, to: number): BulkGraph {
  const events: BulkEvent[] = [];
  const claims: BulkClaim[] = [];
  const participations: BulkParticipation[] = [];
  const occurrences: BulkOccurrence[] = [];
  const eventLinks: BulkEventLink[] = [];
  const { actors } = world;
  const total = world.sources.length;

  for (let i = from; i < to; i++) {
    // One stream per event: the graph is the same whatever the batch size, and batches can be
    // built in any order.
    const random = new Random(Math.imul(seed, 0x9e3779b1) ^ i);
    const id = eventId(i);
    const kind = KINDS[random.weighted(KIND_WEIGHTS)]!;
    const subType = random.pick(kind.subTypes);
    const place = world.eventPlaces[world.eventPlaceDraw.draw(random)]!;
    const roles = random.pick(kind.roles);
    const cast: { actorId: string; name: string; role: string }[] = [];
    for (const role of roles) {
      const civilian = kind.type === 'VIOLENCE_AGAINST_CIVILIANS' && role === 'TARGET';
      let actor = civilian ? random.pick(world.civilianGroups) : actors[world.actorDraw.draw(random)]!;
      for (let tries = 0; cast.some((c) => c.actorId === actor.id) && tries < 5; tries++) {
        actor = actors[world.actorDraw.draw(random)]!;
      }
      if (!cast.some((c) => c.actorId === actor.id)) cast.push({ actorId: actor.id, name: actor.name, role });
    }
    const verb = subType.toLowerCase().replace(/_/g, ' ');
    events.push({
      id,
      type: kind.type,
      subType,
      ...timeOf(random),
      description: `${cast.map((c) => `${c.name} (${c.role.toLowerCase()})`).join(', ')}: ${verb} at ${place.name}.`,
      ...fatalitiesOf(random, kind.lethal),
      createdBy: GENERATOR_IDENTITY,
    });

    // Claims about an event are reported by sources published around its position in the pool.
    const near = Math.floor((i / world.eventCount) * total);
    const claimCount = 1 + random.weighted(CLAIMS_PER_EVENT_WEIGHTS);
    for (let k = 0; k < claimCount; k++) {
      const claimId = `claim:gen-${i}-${k}`;
      const ev = evidenceFor(random, world, near);
      const asserter =
        cast.length > 0 && random.chance(0.7) ? random.pick(cast).actorId : actors[world.actorDraw.draw(random)]!.id;
      claims.push({
        id: claimId,
        text:
          k === 0 ? `${events[events.length - 1]!.description}` : `Further report on ${verb} at ${place.name} (${k}).`,
        quote: random.chance(0.1) ? `${verb} at ${place.name}` : null,
        createdBy: GENERATOR_IDENTITY,
        assertedById: asserter,
        ...ev,
        about: {
          actorIds: [],
          placeIds: k > 0 && random.chance(0.2) ? [place.id] : [],
          eventIds: [id],
          sourceIds: [],
          claimIds: [],
        },
      });
      // The first claim defines the event; later ones back some of its facts again.
      if (k === 0 || random.chance(0.5)) {
        for (const c of cast)
          participations.push({ actorId: c.actorId, eventId: id, role: c.role, claimId, status: ev.status });
      }
      if (k === 0 || random.chance(0.3))
        occurrences.push({ eventId: id, placeId: place.id, claimId, status: ev.status });
      if (k === 0 && i > 0 && random.chance(0.1)) {
        const earlier = eventId(Math.max(0, i - random.int(1, 50)));
        eventLinks.push(
          random.chance(0.4)
            ? { fromId: id, kind: 'PART_OF', toId: earlier, claimId, status: ev.status }
            : { fromId: earlier, kind: 'FOLLOWED_BY', toId: id, claimId, status: ev.status },
        );
      }
    }
  }
  return { events, claims, participations, occurrences, eventLinks };
}
