/**
 * The load's operation mix: mostly the reads the explorer and analysts make (the frontend's nested
 * actor query, a paged event list, timelines, neighbourhoods, search, eventsNear), and some
 * researchers' writes (a new source and a claim reported in it, with its event; now and then a
 * new source that corroborates or disputes an earlier claim). Every write the API acknowledges
 * is recorded in the ledger, to be looked for in the database afterwards.
 */
import {
  ADD_CLAIM,
  ADD_SOURCE,
  CORROBORATE,
  DISPUTE,
  EVENTS,
  NEAR,
  NEIGHBOURHOOD,
  NESTED,
  PICKS,
  SEARCH,
  TIMELINE,
} from './documents.js';
import type { Tally } from './tally.js';

/** What the reads pick from, taken from the graph before the run. */
export interface Picks {
  actors: string[];
  places: { id: string; latitude: number; longitude: number }[];
  events: string[];
  searchTerms: string[];
}

/** A claim the API acknowledged (HTTP 200, its id, no errors), as it should be in the graph. */
export interface AcknowledgedClaim {
  claimId: string;
  text: string;
  sourceId: string;
  assertedById: string;
  eventId: string;
  placeId: string;
  participantIds: string[];
}

/** A corroboration or dispute the API acknowledged. */
export interface AcknowledgedEvidence {
  claimId: string;
  sourceId: string;
  kind: 'SUPPORTS' | 'CONTRADICTS';
}

export interface Ledger {
  claims: AcknowledgedClaim[];
  evidence: AcknowledgedEvidence[];
}

/** A small deterministic generator (mulberry32), so a run's mix can be repeated. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const acknowledged = <T>(answer: { status: number; data?: T | null; errors?: unknown[] } | null): T | null =>
  answer && answer.status === 200 && !answer.errors?.length && answer.data ? answer.data : null;

/** Reads the ids the mix picks from; fails when the graph has no actor, place or event. */
export async function takePicks(url: string, tally: Tally): Promise<Picks> {
  type Data = {
    actors: { nodes: { id: string; name: string }[] };
    places: { nodes: { id: string; name: string; location: { latitude: number; longitude: number } | null }[] };
    events: { nodes: { id: string }[] };
  };
  const data = acknowledged(await tally.send<Data>(url, 'picks', PICKS, {}));
  const picks: Picks = {
    actors: data?.actors.nodes.map((a) => a.id) ?? [],
    places: (data?.places.nodes ?? []).flatMap((p) => (p.location ? [{ id: p.id, ...p.location }] : [])),
    events: data?.events.nodes.map((e) => e.id) ?? [],
    searchTerms: [...(data?.actors.nodes ?? []), ...(data?.places.nodes ?? [])].map((n) => n.name.split(/\s+/)[0]!),
  };
  if (picks.actors.length < 3 || picks.places.length === 0 || picks.events.length === 0) {
    throw new Error('The graph needs at least 3 actors, a located place and an event: load the seed (npm run seed).');
  }
  return picks;
}

export interface Mix {
  /** Runs one operation of the mix (one to three requests). */
  step(): Promise<void>;
  /** Runs every operation of the mix once, one after the other (plans every query before timing). */
  warmUp(): Promise<void>;
}

export function createMix(options: {
  url: string;
  key: string;
  run: string;
  picks: Picks;
  tally: Tally;
  ledger: Ledger;
  seed: number;
}): Mix {
  const { url, key, run, picks, tally, ledger } = options;
  const next = random(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  let written = 0;

  const read = (name: string, query: string, variables: Record<string, unknown>) =>
    tally.send(url, name, query, variables);

  async function newSource(n: number): Promise<string | null> {
    const id = `source:load-${run}-${n}`;
    const answer = await tally.send<{ addSource: { id: string } }>(
      url,
      'addSource',
      ADD_SOURCE,
      {
        input: {
          id,
          kind: pick(['ARTICLE', 'LOCAL_CIVILIAN', 'OFFICIAL_STATEMENT'] as const),
          title: `Load-run report ${run}-${n}`,
          publisher: `Load desk ${n % 7}`,
          url: `https://example.org/load/${run}/${n}`,
          publishedAt: new Date(Date.UTC(2023, 8, 1 + (n % 28))).toISOString(),
        },
      },
      key,
    );
    return acknowledged(answer)?.addSource.id ?? null;
  }

  async function addClaim(): Promise<void> {
    const n = ++written;
    const sourceId = await newSource(n);
    if (!sourceId) return;
    const [assertedById, attacker, target] = [pick(picks.actors), pick(picks.actors), pick(picks.actors)];
    const participantIds = attacker === target ? [attacker] : [attacker, target];
    const claim: AcknowledgedClaim = {
      claimId: `claim:load-${run}-${n}`,
      text: `Load run ${run}, report ${n}: an exchange of fire (${next().toString(36).slice(2, 10)}).`,
      sourceId,
      assertedById,
      eventId: `event:load-${run}-${n}`,
      placeId: pick(picks.places).id,
      participantIds,
    };
    const answer = await tally.send<{ addClaim: { id: string } }>(
      url,
      'addClaim',
      ADD_CLAIM,
      {
        input: {
          id: claim.claimId,
          text: claim.text,
          assertedBy: { id: assertedById },
          sourceIds: [sourceId],
          events: [
            {
              id: claim.eventId,
              type: 'BATTLE',
              time: { start: new Date(Date.UTC(2023, 8, 1 + (n % 28), 6)).toISOString(), precision: 'DAY' },
              description: `Load-run exchange of fire ${n}`,
              place: { id: claim.placeId },
              participants: participantIds.map((id, i) => ({ actor: { id }, role: i === 0 ? 'ATTACKER' : 'TARGET' })),
            },
          ],
        },
      },
      key,
    );
    if (acknowledged(answer)?.addClaim.id === claim.claimId) ledger.claims.push(claim);
  }

  async function addEvidence(): Promise<void> {
    if (ledger.claims.length === 0) return addClaim();
    const claimId = pick(ledger.claims).claimId;
    const sourceId = await newSource(++written);
    if (!sourceId) return;
    const kind = next() < 0.7 ? 'SUPPORTS' : 'CONTRADICTS';
    const [name, mutation] = kind === 'SUPPORTS' ? ['corroborate', CORROBORATE] : ['dispute', DISPUTE];
    const answer = await tally.send(url, name, mutation, { input: { claimId, sourceId } }, key);
    if (acknowledged(answer)) ledger.evidence.push({ claimId, sourceId, kind });
  }

  async function pagedEvents(): Promise<void> {
    type Page = { events: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const first = acknowledged(await tally.send<Page>(url, 'events', EVENTS, {}));
    const cursor = first?.events.pageInfo.hasNextPage ? first.events.pageInfo.endCursor : null;
    if (cursor) await read('events', EVENTS, { after: cursor });
  }

  // Weights out of 100: about one request in five is a write.
  const operations: [number, () => Promise<unknown>][] = [
    [22, () => read('nested', NESTED, { id: pick(picks.actors) })],
    [14, pagedEvents],
    [14, () => read('timeline', TIMELINE, { id: pick([...picks.actors, ...picks.places.map((p) => p.id)]) })],
    [14, () => read('neighbourhood', NEIGHBOURHOOD, { id: pick(picks.events) })],
    [12, () => read('search', SEARCH, { text: pick(picks.searchTerms) })],
    [10, () => read('eventsNear', NEAR, { placeId: pick(picks.places).id })],
    [10, addClaim],
    [4, addEvidence],
  ];
  const total = operations.reduce((sum, [weight]) => sum + weight, 0);

  return {
    async warmUp() {
      for (const [, operation] of operations) await operation();
    },
    async step() {
      let roll = next() * total;
      for (const [weight, operation] of operations) {
        roll -= weight;
        if (roll < 0) {
          await operation();
          return;
        }
      }
    },
  };
}
