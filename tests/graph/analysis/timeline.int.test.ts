/**
 * timeline on the seed article: Léré's events (the camp inside the town included) in time order
 * with their precision, paged; a window; an actor's events; confirmed participations only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/graph/core/database.js';
import { timeline } from '../../../src/graph/analysis/timeline.js';
import { loadArticle, testDatabase } from '../../support/graph.js';

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await loadArticle(db);
});
afterAll(async () => {
  await db.close();
});

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: { extensions?: { code?: string } }) => e.extensions?.code,
  );

describe('timeline', () => {
  it("tells Léré's story in order, each event with how precisely its time is known", async () => {
    const page = await timeline(db.scope(), { subjectId: 'place:lere' });
    expect(page.totalCount).toBe(4);
    expect(page.nodes.map((e) => [e.id, e.time.start, e.time.precision, e.time.label])).toEqual([
      // No place of its own: it counts at the camp of the attack it is part of.
      [
        'event:lere-aircraft-shot-down',
        '2023-09-17T12:00:00.000Z',
        'UNKNOWN',
        'during the Léré operation, 17–18 Sep 2023 (time not given)',
      ],
      ['event:lere-camp-attack', '2023-09-17T12:00:00.000Z', 'PART_OF_DAY', '17 Sep 2023, afternoon'],
      [
        'event:lere-search',
        '2023-09-17T12:00:00.000Z',
        'UNKNOWN',
        'after the camp was taken, before the 18 Sep 2023 02:00–03:00 withdrawal',
      ],
      ['event:lere-withdrawal', '2023-09-18T02:00:00.000Z', 'HOUR', '18 Sep 2023, 02:00–03:00'],
    ]);
  });

  it('includes the places inside a place: the Timbuktu region holds the Léré camp', async () => {
    const region = await timeline(db.scope(), { subjectId: 'place:timbuktu-region' });
    expect(region.nodes.map((e) => e.id)).toEqual([
      'event:lere-aircraft-shot-down',
      'event:lere-camp-attack',
      'event:lere-search',
      'event:lere-withdrawal',
    ]);
    const mali = await timeline(db.scope(), { subjectId: 'place:mali' });
    expect(mali.nodes.map((e) => e.id)).toEqual([
      'event:bourem-attack',
      'event:bourem-soldier-capture',
      'event:lere-aircraft-shot-down',
      'event:lere-camp-attack',
      'event:lere-search',
      'event:lere-withdrawal',
    ]);
  });

  it('pages by cursor without repeating or losing an event', async () => {
    const first = await timeline(db.scope(), { subjectId: 'place:lere', first: 2 });
    expect(first.nodes.map((e) => e.id)).toEqual(['event:lere-aircraft-shot-down', 'event:lere-camp-attack']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await timeline(db.scope(), { subjectId: 'place:lere', first: 2, after: first.pageInfo.endCursor });
    expect(rest.nodes.map((e) => e.id)).toEqual(['event:lere-search', 'event:lere-withdrawal']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(rest.totalCount).toBe(4);
  });

  it('keeps the events that overlap the window', async () => {
    const night = await timeline(db.scope(), { subjectId: 'place:lere', from: '2023-09-18T00:00:00.000Z' });
    // The aircraft's window (17 Sep 12:00 to 18 Sep 03:00) reaches into the night.
    expect(night.nodes.map((e) => e.id)).toEqual([
      'event:lere-aircraft-shot-down',
      'event:lere-search',
      'event:lere-withdrawal',
    ]);
    const afternoon = await timeline(db.scope(), {
      subjectId: 'place:lere',
      from: '2023-09-17T12:00:00.000Z',
      to: '2023-09-17T18:00:00.000Z',
    });
    expect(afternoon.nodes.map((e) => e.id)).toEqual([
      'event:lere-aircraft-shot-down',
      'event:lere-camp-attack',
      'event:lere-search',
    ]);
  });

  it("follows an actor's participations, unknown starts last", async () => {
    const wagner = await timeline(db.scope(), { subjectId: 'actor:wagner' });
    expect(wagner.nodes.map((e) => e.id)).toEqual(['event:csp-self-defense-statement']);
    const csp = await timeline(db.scope(), { subjectId: 'actor:csp' });
    const ids = csp.nodes.map((e) => e.id);
    expect(ids[0]).toBe('event:bourem-attack');
    expect(ids[ids.length - 1]).toBe('event:csp-self-defense-statement');
    expect(csp.totalCount).toBe(8);
    const starts = csp.nodes.map((e) => e.time.start).filter((s): s is string => s !== null);
    expect(starts).toEqual([...starts].sort());
  });

  it('keeps only corroborated participations when confirmedOnly is set', async () => {
    const confirmed = await timeline(db.scope(), { subjectId: 'actor:csp', confirmedOnly: true });
    expect(confirmed.nodes.map((e) => e.id)).toContain('event:lere-camp-attack');
    expect(confirmed.nodes.map((e) => e.id)).not.toContain('event:csp-self-defense-statement');
  });

  it('refuses a subject that is not an actor or a place, an unknown id and a reversed window', async () => {
    expect(await codeOf(timeline(db.scope(), { subjectId: 'event:lere-camp-attack' }))).toBe('BAD_USER_INPUT');
    expect(await codeOf(timeline(db.scope(), { subjectId: 'place:atlantis' }))).toBe('NOT_FOUND');
    expect(
      await codeOf(
        timeline(db.scope(), { subjectId: 'place:lere', from: '2023-09-18T00:00:00Z', to: '2023-09-17T00:00:00Z' }),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('finds the subject and its events in one statement, and counts the total only when asked', async () => {
    const scope = db.scope();
    const counted = await timeline(scope, { subjectId: 'actor:csp' });
    expect(scope.roundTrips).toBe(1);
    const uncounted = await timeline(scope, { subjectId: 'actor:csp' }, { totalCount: false, eventFields: null });
    expect(scope.roundTrips).toBe(2);
    expect(uncounted.totalCount).toBeUndefined();
    expect(uncounted.edges).toEqual(counted.edges);
    const refused = db.scope();
    expect(await codeOf(timeline(refused, { subjectId: 'event:lere-camp-attack' }))).toBe('BAD_USER_INPUT');
    expect(await codeOf(timeline(refused, { subjectId: 'place:atlantis' }))).toBe('NOT_FOUND');
    // The unknown id costs one more round trip, to look for the id it differs from by case or accents.
    expect(refused.roundTrips).toBe(3);
  });

  it('reads the properties of the fields asked for, the same values as a whole read', async () => {
    const whole = await timeline(db.scope(), { subjectId: 'place:mali' });
    const fields = new Set(['id', 'time', 'time.start', 'time.label', 'fatalities', 'fatalities.known']);
    const some = await timeline(db.scope(), { subjectId: 'place:mali' }, { totalCount: true, eventFields: fields });
    const pick = (e: (typeof whole.nodes)[number]) => [e.id, e.time.start, e.time.label, e.fatalities.known];
    expect(some.nodes.map(pick)).toEqual(whole.nodes.map(pick));
    expect(some.pageInfo).toEqual(whole.pageInfo);
    expect(some.totalCount).toBe(whole.totalCount);
  });
});
