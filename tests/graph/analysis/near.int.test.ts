/**
 * eventsNear on the seed article: around Niafunké (the circle's seat) the Léré events are found,
 * Bourem's are not; nearest first; the window; and the point index, pinned in the plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/graph/core/database.js';
import { eventsNear, eventsNearStatement } from '../../../src/graph/analysis/near.js';
import { loadArticle, testDatabase } from '../../support/graph.js';
import { planDetails } from './plan.js';

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await loadArticle(db);
});
afterAll(async () => {
  await db.close();
});

// The aircraft shot down names no place: it counts at the camp of the attack it is part of.
const LERE_EVENTS = [
  'event:lere-aircraft-shot-down',
  'event:lere-camp-attack',
  'event:lere-search',
  'event:lere-withdrawal',
];
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: { extensions?: { code?: string } }) => e.extensions?.code,
  );

describe('eventsNear', () => {
  it('finds the Léré events within 100 km of Niafunké, and not Bourem', async () => {
    const near = await eventsNear(db.scope(), { placeId: 'place:niafunke-circle', radiusKm: 100 });
    expect(near.map((n) => n.event.id)).toEqual(LERE_EVENTS);
    expect(near.every((n) => n.event.__typename === 'Event')).toBe(true);
  });

  it('measures from the centre of the Niafunké circle: Léré lies 54.0 km away, so a 50 km radius misses it', async () => {
    const near = await eventsNear(db.scope(), { placeId: 'place:niafunke-circle', radiusKm: 100 });
    for (const n of near) expect(n.distanceKm).toBeCloseTo(54.0, 1);
    expect(await eventsNear(db.scope(), { placeId: 'place:niafunke-circle', radiusKm: 50 })).toEqual([]);
  });

  it('orders nearest first and reaches Bourem only with a wider radius', async () => {
    const near = await eventsNear(db.scope(), { placeId: 'place:niafunke-circle', radiusKm: 500 });
    expect(near.map((n) => n.event.id)).toEqual([
      ...LERE_EVENTS,
      'event:bourem-attack',
      'event:bourem-soldier-capture',
    ]);
    const distances = near.map((n) => n.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances[LERE_EVENTS.length]).toBeGreaterThan(400);
  });

  it('takes a point as the centre, a time window and a first', async () => {
    const lere = { latitude: 15.7153, longitude: -4.9042 };
    const after = await eventsNear(db.scope(), { point: lere, radiusKm: 5, from: '2023-09-18T00:00:00.000Z' });
    expect(after.map((n) => n.event.id)).toEqual([
      'event:lere-aircraft-shot-down',
      'event:lere-search',
      'event:lere-withdrawal',
    ]);
    expect(after[0]?.distanceKm).toBe(0);
    expect(await eventsNear(db.scope(), { point: lere, radiusKm: 5, first: 1 })).toHaveLength(1);
  });

  it('keeps events whose place is corroborated when confirmedOnly is set', async () => {
    const all = await eventsNear(db.scope(), { placeId: 'place:lere', radiusKm: 1 });
    const confirmed = await eventsNear(db.scope(), { placeId: 'place:lere', radiusKm: 1, confirmedOnly: true });
    expect(all.map((n) => n.event.id)).toEqual(LERE_EVENTS);
    // Where each Léré event happened is stated by one claim of one origin (the civilians and
    // security sources confirmed the seizure, not the place): none is corroborated.
    expect(confirmed.length).toBeLessThan(all.length);
    expect(confirmed).toEqual([]);
  });

  it('seeks the point index on Place.location', async () => {
    const plan = await planDetails(db, eventsNearStatement(['id', 'startTime']), {
      center: { latitude: 15.9, longitude: -4 },
      meters: 100_000,
      first: 10,
      statuses: null,
      eventTypes: null,
      from: null,
      to: null,
    });
    const seek = plan.find((p) => p.operator === 'NodeIndexSeekByRange');
    expect(seek?.details).toMatch(/POINT INDEX p:Place\(location\) WHERE point\.distance/);
    expect(plan.map((p) => p.operator)).not.toContain('NodeByLabelScan');
  });

  it('refuses a missing or double centre, a bad radius, and a centre that is not a place', async () => {
    const scope = db.scope();
    expect(await codeOf(eventsNear(scope, { radiusKm: 10 }))).toBe('BAD_USER_INPUT');
    expect(
      await codeOf(eventsNear(scope, { radiusKm: 10, placeId: 'place:lere', point: { latitude: 1, longitude: 1 } })),
    ).toBe('BAD_USER_INPUT');
    expect(await codeOf(eventsNear(scope, { placeId: 'place:lere', radiusKm: 0 }))).toBe('BAD_USER_INPUT');
    expect(await codeOf(eventsNear(scope, { placeId: 'place:lere', radiusKm: 5_000 }))).toBe('BAD_USER_INPUT');
    expect(await codeOf(eventsNear(scope, { placeId: 'actor:csp', radiusKm: 10 }))).toBe('BAD_USER_INPUT');
    expect(await codeOf(eventsNear(scope, { placeId: 'place:atlantis', radiusKm: 10 }))).toBe('NOT_FOUND');
  });

  it('reads the properties of the event fields asked for, the same values as a whole read', async () => {
    const request = { placeId: 'place:niafunke-circle', radiusKm: 500 };
    const whole = await eventsNear(db.scope(), request);
    const some = await eventsNear(db.scope(), request, new Set(['id', 'description', 'time', 'time.end']));
    expect(whole.length).toBeGreaterThan(3);
    const pick = ({ event, distanceKm }: (typeof whole)[number]) => [
      event.id,
      event.description,
      event.time.end,
      distanceKm,
    ];
    expect(some.map(pick)).toEqual(whole.map(pick));
  });
});
