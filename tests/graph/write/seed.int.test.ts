/**
 * The seed article through the write path: every numbered fact of the design's list
 * (shared/design.md, "What the article says") is in the graph with its provenance and derived
 * status, and loading twice gives the same graph.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/graph/core/database.js';
import { loadSeed } from '../../../src/graph/write/seed.js';
import { ARTICLE_LOAD_TIMEOUT_MS, countGraph, loadArticle, resetGraph, testDatabase } from '../../support/graph.js';

let db: Database;

async function one<T = Record<string, unknown>>(query: string, params: Record<string, unknown> = {}): Promise<T> {
  const [row] = await db.scope().read(query, params);
  if (!row) throw new Error(`no row for ${query}`);
  return row.toObject() as T;
}

const PARTICIPATION = `
  MATCH (a:Actor {id: $actorId})-[r:PARTICIPATED_IN {role: $role}]->(e:Event {id: $eventId})
  RETURN r.claimIds AS claimIds, r.status AS status`;

const claimStatus = (id: string) =>
  one<{ status: string }>('MATCH (c:Claim {id: $id}) RETURN c.status AS status', { id });

beforeAll(async () => {
  db = testDatabase();
  await resetGraph(db);
  await loadArticle(db);
}, ARTICLE_LOAD_TIMEOUT_MS);
afterAll(async () => {
  await db.close();
});

describe('the seed article', () => {
  it('holds every actor, place, source, event and claim of the article', async () => {
    const counts = await one(`
      CALL () { MATCH (n:Actor) RETURN count(n) AS actors }
      CALL () { MATCH (n:Place) RETURN count(n) AS places }
      CALL () { MATCH (n:Source) RETURN count(n) AS sources }
      CALL () { MATCH (n:Event) RETURN count(n) AS events }
      CALL () { MATCH (n:Claim) RETURN count(n) AS claims }
      RETURN actors, places, sources, events, claims`);
    expect(counts).toEqual({ actors: 10, places: 10, sources: 8, events: 12, claims: 27 });
    const statuses = await one(`
      MATCH (c:Claim) WITH c.status AS status, count(*) AS n ORDER BY status
      RETURN collect([status, n]) AS byStatus`);
    // One statement per claim: only the civilians' and security sources' confirmation of the Léré
    // seizure and departure has two independent origins.
    expect(statuses.byStatus).toEqual([
      ['CORROBORATED', 1],
      ['REPORTED', 24],
      ['UNVERIFIED', 2],
    ]);
  });

  it('1. the CSP attacked the FAMa base at Bourem on 12 Sep, captured a soldier, and released a video', async () => {
    const attack = await one(`
      MATCH (e:Event {id: 'event:bourem-attack'})-[:OCCURRED_AT]->(p:Place)
      RETURN e.type AS type, e.startTime.day AS day, p.id AS place`);
    expect(attack).toEqual({ type: 'BATTLE', day: 12, place: 'place:bourem-fama-base' });
    expect(
      await one(PARTICIPATION, { actorId: 'actor:csp', role: 'ATTACKER', eventId: 'event:bourem-attack' }),
    ).toEqual({ claimIds: ['claim:bourem-attack'], status: 'REPORTED' });
    await one(PARTICIPATION, { actorId: 'actor:fama', role: 'TARGET', eventId: 'event:bourem-attack' });
    await one(PARTICIPATION, { actorId: 'actor:csp', role: 'CAPTOR', eventId: 'event:bourem-soldier-capture' });
    await one(PARTICIPATION, {
      actorId: 'actor:captured-malian-soldier',
      role: 'CAPTIVE',
      eventId: 'event:bourem-soldier-capture',
    });
    const video = await one(`
      MATCH (:Source {id: 'source:csp-video-captured-soldier'})-[:SUPPORTS]->(c:Claim)
      RETURN collect(c.id) AS claims`);
    expect(video.claims).toEqual(expect.arrayContaining(['claim:bourem-soldier-captured', 'claim:csp-captive-video']));
    // "Both sides report dozens of casualties; no reliable independent figures."
    expect(await claimStatus('claim:bourem-casualties-csp')).toEqual({ status: 'UNVERIFIED' });
    expect(await claimStatus('claim:bourem-casualties-fama')).toEqual({ status: 'UNVERIFIED' });
    const asserted = await one(`
      MATCH (c:Claim {id: 'claim:bourem-casualties-fama'})-[:ASSERTED_BY]->(a:Actor) RETURN a.id AS by`);
    expect(asserted.by).toBe('actor:fama');
    // Each side's "dozens" is its own claim's figure: a word, no number invented for it.
    const figures = await one(`
      MATCH (:Event {id: 'event:bourem-attack'})<-[:OF_EVENT]-(f:Figure)<-[:STATES]-(c:Claim)-[:ASSERTED_BY]->(a:Actor)
      WITH a.id AS claimant, f ORDER BY claimant
      RETURN collect([claimant, f.kind, f.group, f.low, f.high, f.approximate]) AS figures`);
    expect(figures.figures).toEqual([
      ['actor:csp', 'KILLED', 'UNKNOWN', null, null, 'dozens'],
      ['actor:fama', 'KILLED', 'UNKNOWN', null, null, 'dozens'],
    ]);
    const bourem = await one(
      `MATCH (e:Event {id: 'event:bourem-attack'}) RETURN [e.fatalitiesLow, e.fatalitiesHigh] AS range`,
    );
    expect(bourem.range).toEqual([null, null]);
    const captured = await one(`
      MATCH (:Claim {id: 'claim:bourem-soldier-captured'})-[:STATES]->(f:Figure)-[:COUNTS]->(a:Actor)
      RETURN f.kind AS kind, a.id AS of, f.low AS low, f.high AS high`);
    expect(captured).toEqual({ kind: 'CAPTURED', of: 'actor:fama', low: 1, high: 1 });
  });

  it('2. Mali, Niger and Burkina Faso established the Sahel States Alliance on 16 Sep', async () => {
    const members = await one(`
      MATCH (m:Actor)-[r:MEMBER_OF]->(:Actor {id: 'actor:sahel-states-alliance'})
      WITH m.id AS id, r ORDER BY id
      RETURN collect(id) AS members, collect(DISTINCT r.claimIds) AS claimIds`);
    expect(members).toEqual({
      members: ['actor:burkina-faso', 'actor:mali', 'actor:niger'],
      claimIds: [['claim:sahel-states-alliance-established']],
    });
    const signatories = await one(`
      MATCH (a:Actor)-[:PARTICIPATED_IN {role: 'SIGNATORY'}]->(e:Event {id: 'event:sahel-states-alliance-established'})
      RETURN count(a) AS n, e.subType AS subType, e.startTime.day AS day`);
    expect(signatories).toEqual({ n: 3, subType: 'ALLIANCE_FORMED', day: 16 });
  });

  it('3. the CSP attacked and took the Léré camp on 17 Sep afternoon; confirmed by independent sources', async () => {
    // The seizure is the article's, the CSP's and — in a claim of their own — the local civilian and
    // security sources': the fact is corroborated; the CSP's "after two hours of combat" is its own.
    expect(
      await one(PARTICIPATION, { actorId: 'actor:csp', role: 'ATTACKER', eventId: 'event:lere-camp-attack' }),
    ).toEqual({
      claimIds: [
        'claim:lere-camp-taken',
        'claim:lere-camp-taken-after-two-hours',
        'claim:lere-seizure-and-departure-confirmed',
      ],
      status: 'CORROBORATED',
    });
    expect(await claimStatus('claim:lere-camp-taken')).toEqual({ status: 'REPORTED' });
    expect(await claimStatus('claim:lere-camp-taken-after-two-hours')).toEqual({ status: 'REPORTED' });
    expect(await claimStatus('claim:lere-seizure-and-departure-confirmed')).toEqual({ status: 'CORROBORATED' });
    // FAMa confirms the attack: a second claim backs FAMa's part (the civilians and security sources
    // confirmed the seizure, not FAMa's defence).
    expect(
      await one(PARTICIPATION, { actorId: 'actor:fama', role: 'DEFENDER', eventId: 'event:lere-camp-attack' }),
    ).toEqual({
      claimIds: ['claim:lere-camp-taken', 'claim:lere-attack-confirmed-by-fama'],
      status: 'REPORTED',
    });
    const attack = await one(`
      MATCH (e:Event {id: 'event:lere-camp-attack'})-[:OCCURRED_AT]->(p:Place)
      RETURN e.subType AS subType, toString(e.startTime) AS start, e.timePrecision AS precision,
             e.timeLabel AS label, p.id AS place,
             [e.fatalitiesLow, e.fatalitiesHigh, e.fatalitiesBest] AS fatalities,
             EXISTS { (e)<-[:OF_EVENT]-(:Figure) } AS figures`);
    expect(attack).toEqual({
      subType: 'NON_STATE_ACTOR_OVERTAKES_TERRITORY',
      start: '2023-09-17T12:00:00Z',
      precision: 'PART_OF_DAY',
      label: '17 Sep 2023, afternoon',
      place: 'place:lere-military-camp',
      // The article gives no casualty figure for Léré: unknown, not zero.
      fatalities: [null, null, null],
      figures: false,
    });
    const supports = (id: string) =>
      one<{ kinds: string[] }>(
        `MATCH (s:Source)-[:SUPPORTS]->(:Claim {id: $id}) WITH s.kind AS kind ORDER BY kind RETURN collect(kind) AS kinds`,
        { id },
      );
    expect((await supports('claim:lere-camp-taken-after-two-hours')).kinds).toEqual(['SPOKESPERSON']);
    expect((await supports('claim:lere-seizure-and-departure-confirmed')).kinds).toEqual([
      'LOCAL_CIVILIAN',
      'SECURITY_SOURCE',
    ]);
    // The security sources confirmed the seizure and the departure: their claim states both.
    const stated = await one(`
      MATCH (:Claim {id: 'claim:lere-seizure-and-departure-confirmed'})-[a:ABOUT {states: true}]->(e:Event)
      WITH e.id AS id ORDER BY id RETURN collect(id) AS ids`);
    expect(stated.ids).toEqual(['event:lere-camp-attack', 'event:lere-withdrawal']);
  });

  it('4. the CSP claims to have shot down an aircraft: one origin (the CSP), so REPORTED', async () => {
    expect(await claimStatus('claim:lere-aircraft-shot-down')).toEqual({ status: 'REPORTED' });
    const link = await one(`
      MATCH (:Event {id: 'event:lere-aircraft-shot-down'})-[r:PART_OF]->(e:Event) RETURN e.id AS whole, r.status AS status`);
    expect(link).toEqual({ whole: 'event:lere-camp-attack', status: 'REPORTED' });
  });

  it('5. FAMa statements on 17 Sep evening and 18 Sep morning denounce the attack', async () => {
    const statements = await one(`
      MATCH (:Actor {id: 'actor:fama'})-[:PARTICIPATED_IN {role: 'SPEAKER'}]->(e:Event {subType: 'STATEMENT'})
      WITH e ORDER BY e.startTime RETURN collect(e.id) AS ids`);
    expect(statements.ids).toEqual([
      'event:fama-statement-2023-09-17-evening',
      'event:fama-statement-2023-09-18-morning',
    ]);
    const quote = await one(
      `MATCH (c:Claim {id: 'claim:fama-denounces-attack-by-evil-forces'}) RETURN c.quote AS quote`,
    );
    expect(quote.quote).toBe('attack by evil forces on the Léré military camp');
  });

  it('6. the CSP searched the town, then withdrew on 18 Sep between 02:00 and 03:00, confirmed by local civilians', async () => {
    const withdrawal = await one(`
      MATCH (a:Actor {id: 'actor:csp'})-[r:PARTICIPATED_IN {role: 'WITHDRAWING'}]->(e:Event {id: 'event:lere-withdrawal'})
      MATCH (e)-[:OCCURRED_AT]->(p:Place)
      RETURN e.timeLabel AS label, e.timePrecision AS precision, p.id AS place, r.status AS status`);
    expect(withdrawal).toEqual({
      label: '18 Sep 2023, 02:00–03:00',
      precision: 'HOUR',
      place: 'place:lere',
      status: 'CORROBORATED',
    });
    // The time is the spokesperson's alone; the civilians' confirmations are claims of their own.
    expect(await claimStatus('claim:lere-withdrawal')).toEqual({ status: 'REPORTED' });
    expect(await claimStatus('claim:lere-retreat-confirmed-by-civilians')).toEqual({ status: 'REPORTED' });
    // "After searching the town" is the CSP's alone: its own claim backs the search and its sequel.
    const search = await one(`
      MATCH (:Event {id: 'event:lere-search'})-[r:FOLLOWED_BY]->(:Event {id: 'event:lere-withdrawal'})
      RETURN r.claimIds AS claimIds, r.status AS status`);
    expect(search).toEqual({ claimIds: ['claim:lere-town-searched'], status: 'REPORTED' });
  });

  it('7. the CSP accuses FAMa and its Wagner allies; FAMa is allied with Wagner', async () => {
    const accused = await one(`
      MATCH (a:Actor)-[:PARTICIPATED_IN {role: 'ACCUSED'}]->(:Event {id: 'event:csp-self-defense-statement'})
      WITH a.id AS id ORDER BY id RETURN collect(id) AS ids`);
    expect(accused.ids).toEqual(['actor:fama', 'actor:wagner']);
    const allied = await one(`
      MATCH (:Actor {id: 'actor:fama'})-[r:ALLIED_WITH]->(:Actor {id: 'actor:wagner'}) RETURN r.claimIds AS claimIds`);
    expect(allied.claimIds).toEqual(['claim:csp-accuses-fama-and-wagner']);
    const opposes = await one(`
      MATCH (:Actor {id: 'actor:csp'})-[r:OPPOSES]->(:Actor {id: 'actor:fama'}) RETURN r.claimIds AS claimIds`);
    expect(opposes.claimIds).toEqual([
      'claim:bourem-attack',
      'claim:lere-camp-taken',
      'claim:csp-accuses-fama-and-wagner',
    ]);
  });

  it('8. the transitional authorities denounce "terrorist attacks"', async () => {
    const speaker = await one(`
      MATCH (a:Actor)-[:PARTICIPATED_IN {role: 'SPEAKER'}]->(:Event {id: 'event:transitional-authorities-denounce-terrorist-attacks'})
      RETURN a.id AS id`);
    expect(speaker.id).toBe('actor:mali-transitional-authorities');
  });

  it('places nest: Léré camp → Léré → Niafunké circle → Timbuktu region → Mali; Bourem base → Gao region', async () => {
    const chain = (id: string) =>
      one<{ ids: string[] }>(
        `MATCH path = (:Place {id: $id})-[:LOCATED_IN*0..]->(top:Place) WHERE NOT (top)-[:LOCATED_IN]->()
         RETURN [p IN nodes(path) | p.id] AS ids`,
        { id },
      );
    expect((await chain('place:lere-military-camp')).ids).toEqual([
      'place:lere-military-camp',
      'place:lere',
      'place:niafunke-circle',
      'place:timbuktu-region',
      'place:mali',
    ]);
    expect((await chain('place:bourem-fama-base')).ids).toEqual([
      'place:bourem-fama-base',
      'place:bourem',
      'place:gao-region',
      'place:mali',
    ]);
    const lere = await one(
      `MATCH (p:Place {id: 'place:lere'}) RETURN p.location.latitude AS lat, p.location.longitude AS lon`,
    );
    expect(lere).toEqual({ lat: 15.7153, lon: -4.9042 });
  });

  it('names and aliases resolve through Name nodes, accent- and case-insensitively', async () => {
    const named = await one(`
      UNWIND ['actor:malian armed forces', 'actor:fama', 'actor:aes', 'place:lere', 'actor:wagner group'] AS key
      MATCH (:Name {key: key})-[:NAMES]->(n)
      RETURN collect(n.id) AS ids`);
    expect(named.ids).toEqual([
      'actor:fama',
      'actor:fama',
      'actor:sahel-states-alliance',
      'place:lere',
      'actor:wagner',
    ]);
  });

  it('the article cites the spokesperson, statements, civilians, security sources, video and images', async () => {
    const article = await one(`
      MATCH (a:Source {id: 'source:article'})-[:CITES]->(s:Source)
      RETURN a.author AS author, count(s) AS cited`);
    expect(article).toEqual({ author: 'Soukaina Sghir', cited: 7 });
  });

  it('records who wrote it: createdBy and an audit entry per claim', async () => {
    const audit = await one(`
      MATCH (c:Claim) WHERE c.createdBy = 'seed'
      OPTIONAL MATCH (e:AuditEntry {targetId: c.id, action: 'addClaim', by: 'seed'})
      RETURN count(DISTINCT c) AS claims, count(e) AS entries`);
    expect(audit).toEqual({ claims: 27, entries: 27 });
  });

  it('loads idempotently: a second load leaves the same nodes and relationships', async () => {
    const before = await countGraph(db);
    const replay = await loadSeed(db);
    // Each record replays from its idempotency key: two round trips, no new node.
    expect(replay.roundTrips).toBe(2 * (replay.actors + replay.places + replay.sources + replay.claims));
    expect(await countGraph(db)).toEqual(before);
    expect(before.nodes).toBeGreaterThan(60);
  });
});
