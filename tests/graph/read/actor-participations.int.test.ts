import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PAGE_AND_TOTAL,
  participationOrdering,
  participationsOfActors,
  participationsWithReads,
  type ParticipationReads,
} from '../../../src/graph/read/actor-participations.js';
import { type ClaimProvenance, EVIDENCE_PARTS, evidenceOfClaims } from '../../../src/graph/read/claim.js';
import type { Database } from '../../../src/graph/core/database.js';
import { claimsOfEvents, placesOfEvents } from '../../../src/graph/read/event.js';
import { pageParams } from '../../../src/graph/core/pagination.js';
import { AHEAD, type ClaimObject, type EventObject, type PlaceObject } from '../../../src/graph/core/mapping.js';
import { placesByIds } from '../../../src/graph/read/place.js';
import { loadArticle, testDatabase } from '../../support/graph.js';

/**
 * A batch and what it read along the way, as the resolvers find it on the objects read (AHEAD):
 * the events of its pages, each event's place (and parent), claims, and each claim's evidence.
 */
function withReadAhead(batch: Awaited<ReturnType<typeof participationsWithReads>>) {
  const events = batch.pages.flatMap((p) => p.connection.nodes.map((n) => n.event));
  const places = new Map<string, { place: PlaceObject; parent: PlaceObject | null } | null>();
  const claims = new Map<string, ClaimObject[]>();
  const evidence = new Map<string, Partial<ClaimProvenance>>();
  for (const event of events as EventObject[]) {
    const ahead = event[AHEAD];
    if (ahead?.place !== undefined) {
      places.set(event.id, ahead.place ? { place: ahead.place, parent: ahead.place[AHEAD]?.parent ?? null } : null);
    }
    if (ahead?.claims) {
      claims.set(event.id, ahead.claims.value);
      for (const claim of ahead.claims.value) if (claim[AHEAD]) evidence.set(claim.id, claim[AHEAD]);
    }
  }
  return { ...batch, events, places, claims, evidence };
}

describe('participations of actors', () => {
  let db: Database;
  beforeAll(async () => {
    db = testDatabase();
    await loadArticle(db);
  });
  afterAll(async () => {
    await db.close();
  });

  const firstPage = (ordering: string, first = 20) => pageParams(ordering, first, null);

  it('pages participations per actor, in time order, many actors in one round trip', async () => {
    const scope = db.scope();
    const [csp, wagner, nobody] = await participationsOfActors(
      scope,
      ['actor:csp', 'actor:wagner', 'actor:nobody'],
      null,
      firstPage(participationOrdering),
    );
    expect(scope.roundTrips).toBe(1);
    const starts = csp!.nodes.map((p) => p.event.time.start);
    const known = starts.filter((s) => s !== null);
    expect(known).toEqual([...known].sort());
    // Unknown starts sort last.
    expect(starts.indexOf(null)).toBeGreaterThanOrEqual(known.length);
    const read = csp!.nodes.map((p) => `${p.event.id} ${p.role}`);
    expect(read.slice(0, 7)).toEqual([
      'event:bourem-attack ATTACKER',
      'event:bourem-soldier-capture CAPTOR',
      'event:csp-captive-video SPEAKER',
      'event:lere-aircraft-shot-down ATTACKER',
      'event:lere-camp-attack ATTACKER',
      'event:lere-search OTHER',
      'event:lere-withdrawal WITHDRAWING',
    ]);
    // Two roles in one event: both, in a stable order of their own (the participation's element id).
    expect(read.slice(7).sort()).toEqual([
      'event:csp-self-defense-statement ACCUSER',
      'event:csp-self-defense-statement SPEAKER',
    ]);
    expect(csp!.totalCount).toBe(9);
    expect(csp!.nodes.every((p) => p.actor.id === 'actor:csp' && p.claimIds.length > 0)).toBe(true);
    expect(wagner!.nodes.map((p) => `${p.event.id} ${p.role}`)).toEqual(['event:csp-self-defense-statement ACCUSED']);
    expect(nobody).toMatchObject({ nodes: [], totalCount: 0 });
  });

  it('keeps only one role when asked', async () => {
    const [csp] = await participationsOfActors(db.scope(), ['actor:csp'], 'ATTACKER', firstPage(participationOrdering));
    expect(csp!.nodes.every((p) => p.role === 'ATTACKER')).toBe(true);
    expect(csp!.nodes.map((p) => p.event.id)).toEqual([
      'event:bourem-attack',
      'event:lere-aircraft-shot-down',
      'event:lere-camp-attack',
    ]);
    expect(csp!.totalCount).toBe(csp!.nodes.length);
  });

  // Page sizes that end a page between the two roles the CSP has in one event, and after them.
  it.each([1, 2, 3, 4])('pages participations %i at a time, without repeats or gaps', async (size) => {
    const [all] = await participationsOfActors(db.scope(), ['actor:csp'], null, firstPage(participationOrdering));
    const seen: string[] = [];
    let after: string | null = null;
    // Bounded: a cursor that does not move on fails here rather than at the test's timeout.
    for (let pages = 0; pages <= all!.nodes.length; pages++) {
      const [page] = await participationsOfActors(
        db.scope(),
        ['actor:csp'],
        null,
        pageParams(participationOrdering, size, after),
      );
      seen.push(...page!.nodes.map((p) => `${p.event.id} ${p.role}`));
      expect(page!.totalCount).toBe(all!.totalCount);
      if (!page!.pageInfo.hasNextPage) break;
      after = page!.pageInfo.endCursor;
    }
    expect(seen).toEqual(all!.nodes.map((p) => `${p.event.id} ${p.role}`));
  });

  const EVERYTHING: ParticipationReads = {
    totalCount: false,
    places: true,
    parents: true,
    claims: { statuses: null, includeRetracted: false },
    evidence: EVIDENCE_PARTS,
  };

  it('counts the total only when asked, and pages the same either way', async () => {
    const page = firstPage(participationOrdering, 4);
    const counted = await participationsWithReads(db.scope(), ['actor:csp'], null, page, PAGE_AND_TOTAL);
    const uncounted = await participationsWithReads(db.scope(), ['actor:csp'], null, page, EVERYTHING);
    expect(counted.pages[0]?.connection.totalCount).toBe(9);
    expect(uncounted.pages[0]?.connection.totalCount).toBeUndefined();
    expect(uncounted.pages[0]?.connection.edges).toEqual(counted.pages[0]?.connection.edges);
    expect(uncounted.pages[0]?.connection.pageInfo).toEqual(counted.pages[0]?.connection.pageInfo);
  });

  it('reads the events’ places, parents, claims and evidence in the same round trip, as their own reads do', async () => {
    const scope = db.scope();
    const ids = ['actor:csp', 'actor:fama', 'actor:nobody'];
    const batch = withReadAhead(
      await participationsWithReads(scope, ids, null, firstPage(participationOrdering), EVERYTHING),
    );
    expect(scope.roundTrips).toBe(1);
    expect(batch.pages.map((p) => p.actor?.id ?? null)).toEqual(['actor:csp', 'actor:fama', null]);

    const eventIds = [...new Set(batch.events.map((e) => e.id))];
    expect(eventIds.length).toBeGreaterThan(5);
    expect([...batch.places.keys()].sort()).toEqual([...eventIds].sort());
    // Some of the article's events have no known place, most have one.
    const places = (await placesOfEvents(db.scope(), eventIds)).map((p) => p.place);
    expect(places.some((p) => p === null)).toBe(true);
    const placeIds = places.filter((p) => p !== null).map((p) => p.id);
    const byId = new Map((await placesByIds(db.scope(), placeIds)).map((p) => [p!.id, p!]));
    for (const [i, eventId] of eventIds.entries()) {
      const read = batch.places.get(eventId);
      const place = places[i] ? byId.get(places[i].id) : null;
      expect(read?.place ?? null).toEqual(place);
      const [parent] = place?.parentId ? await placesByIds(db.scope(), [place.parentId]) : [null];
      // The parent's own parent is left to Place.parent (one hop), so its id is not read here.
      expect(read?.parent ?? null).toEqual(parent ? { ...parent, parentId: undefined } : null);
    }

    const claims = await claimsOfEvents(db.scope(), eventIds, null, false);
    expect(eventIds.map((id) => batch.claims.get(id))).toEqual(claims);
    const claimIds = claims.flat().map((c) => c.id);
    expect([...batch.evidence.keys()].sort()).toEqual([...new Set(claimIds)].sort());
    const evidence = await evidenceOfClaims(db.scope(), claimIds);
    expect(claimIds.map((id) => batch.evidence.get(id))).toEqual(evidence);
    expect(evidence.some((e) => e.supportingSources.length > e.reportedIn.length)).toBe(true);
  });

  it('filters the events’ claims as Event.claims does', async () => {
    const reads = { ...EVERYTHING, claims: { statuses: ['CORROBORATED', 'DISPUTED'], includeRetracted: true } };
    const batch = withReadAhead(
      await participationsWithReads(
        db.scope(),
        ['actor:csp', 'actor:fama'],
        null,
        firstPage(participationOrdering),
        reads,
      ),
    );
    const eventIds = [...new Set(batch.events.map((e) => e.id))];
    const claims = await claimsOfEvents(db.scope(), eventIds, ['CORROBORATED', 'DISPUTED'], true);
    expect(claims.flat().length).toBeGreaterThan(0);
    expect(eventIds.map((id) => batch.claims.get(id))).toEqual(claims);
  });

  it('reads only the parts of the evidence asked for', async () => {
    const reads = { ...EVERYTHING, evidence: ['reportedIn' as const] };
    const batch = withReadAhead(
      await participationsWithReads(db.scope(), ['actor:csp'], null, firstPage(participationOrdering), reads),
    );
    const claimIds = [...batch.evidence.keys()];
    expect(claimIds.length).toBeGreaterThan(3);
    const whole = await evidenceOfClaims(db.scope(), claimIds);
    expect(claimIds.map((id) => batch.evidence.get(id))).toEqual(whole.map((e) => ({ reportedIn: e.reportedIn })));
  });

  it('reads nothing further when nothing further is asked', async () => {
    const batch = withReadAhead(
      await participationsWithReads(
        db.scope(),
        ['actor:csp'],
        'ATTACKER',
        firstPage(participationOrdering),
        PAGE_AND_TOTAL,
      ),
    );
    expect(batch.events).toHaveLength(3);
    expect(batch.places.size + batch.claims.size + batch.evidence.size).toBe(0);
  });
});
