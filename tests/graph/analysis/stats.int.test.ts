/**
 * eventStats on the seed article, then with three battles of known fatalities added through the
 * write path: counts per group, fatalities summed as [low, high] ranges with unknowns counted
 * apart (the article gives no number at all: every one of its events is unknown, null, never
 * zero), each event's range taken across its claimants (lows and highs apart, never a sum of
 * claimants), and each claimant's own range beside it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/graph/core/database.js';
import type { EventInput, FatalitiesInput } from '../../../src/generated/graphql.js';
import { addClaim } from '../../../src/graph/write/claim.js';
import { eventStats, type EventStatsBucketObject } from '../../../src/graph/analysis/stats.js';
import { loadArticle, testDatabase } from '../../support/graph.js';

let db: Database;

const bucket = (buckets: EventStatsBucketObject[], key: string) => buckets.find((b) => b.key === key);

beforeAll(async () => {
  db = testDatabase();
  await loadArticle(db);
});
afterAll(async () => {
  await db.close();
});

describe('eventStats on the article', () => {
  it('counts events by type, every fatality figure unknown', async () => {
    const stats = await eventStats(db.scope(), 'TYPE', null);
    expect(stats.map((b) => [b.key, b.count])).toEqual([
      ['STRATEGIC_DEVELOPMENT', 9],
      ['BATTLE', 3],
    ]);
    for (const b of stats)
      expect(b.fatalities).toEqual({ low: null, high: null, knownEvents: 0, unknownEvents: b.count });
  });

  it('reports each claimant apart: the CSP and FAMa each say "dozens" of Bourem, a number neither gives', async () => {
    const battles = bucket(await eventStats(db.scope(), 'TYPE', null), 'BATTLE');
    expect(battles?.fatalitiesByClaimant.map((c) => ({ ...c, claimant: c.claimant?.id }))).toEqual([
      { claimant: 'actor:csp', low: null, high: null, knownEvents: 0, unknownEvents: 1 },
      { claimant: 'actor:fama', low: null, high: null, knownEvents: 0, unknownEvents: 1 },
    ]);
    const statements = bucket(await eventStats(db.scope(), 'TYPE', null), 'STRATEGIC_DEVELOPMENT');
    expect(statements?.fatalitiesByClaimant).toEqual([]);
  });

  it('counts by actor, by place with the events of unknown place apart, and by month', async () => {
    const actors = await eventStats(db.scope(), 'ACTOR', null);
    expect(bucket(actors, 'actor:csp')).toMatchObject({ label: 'CSP', count: 8 });
    expect(bucket(actors, 'actor:fama')).toMatchObject({ label: 'FAMa', count: 6 });
    expect(actors[0]?.key).toBe('actor:csp');
    const places = await eventStats(db.scope(), 'PLACE', null);
    expect(bucket(places, 'place:lere')).toMatchObject({ label: 'Léré', count: 2 });
    // The aircraft shot down counts at the camp of the attack it is part of.
    expect(bucket(places, 'UNKNOWN')).toMatchObject({ label: 'unknown place', count: 6 });
    expect(places.reduce((n, b) => n + b.count, 0)).toBe(12);
    const months = await eventStats(db.scope(), 'MONTH', null);
    expect(months.map((b) => [b.key, b.label, b.count])).toEqual([
      ['2023-09', 'Sep 2023', 10],
      ['UNKNOWN', 'unknown or spanning months', 2],
    ]);
  });

  it('counts by sub-type, and narrows by the events filter', async () => {
    const subTypes = await eventStats(db.scope(), 'SUB_TYPE', { types: ['STRATEGIC_DEVELOPMENT'] });
    expect(bucket(subTypes, 'STATEMENT')?.count).toBe(5);
    expect(subTypes.reduce((n, b) => n + b.count, 0)).toBe(9);
    const wagner = await eventStats(db.scope(), 'TYPE', { actorId: 'actor:wagner' });
    expect(wagner.map((b) => [b.key, b.count])).toEqual([['STRATEGIC_DEVELOPMENT', 1]]);
    const atLere = await eventStats(db.scope(), 'TYPE', { placeId: 'place:lere' });
    expect(atLere.reduce((n, b) => n + b.count, 0)).toBe(4);
    const confirmed = await eventStats(db.scope(), 'TYPE', { claimStatus: ['CORROBORATED'] });
    expect(confirmed.reduce((n, b) => n + b.count, 0)).toBeLessThan(12);
    expect(confirmed.reduce((n, b) => n + b.count, 0)).toBeGreaterThan(0);
  });
});

describe('eventStats with known fatalities', () => {
  beforeAll(async () => {
    const battle = (id: string, day: string, fatalities: FatalitiesInput | undefined): EventInput => ({
      id,
      type: 'BATTLE',
      subType: 'ARMED_CLASH',
      time: { start: `2023-10-${day}T00:00:00.000Z`, end: `2023-10-${day}T23:59:59.999Z`, precision: 'DAY' },
      description: `A test battle on ${day} Oct 2023.`,
      place: { id: 'place:bourem' },
      participants: [{ actor: { id: 'actor:csp' }, role: 'ATTACKER' }],
      ...(fatalities ? { fatalities } : {}),
    });
    await addClaim(
      db.scope(),
      {
        id: 'claim:test-october-battles',
        text: 'Four test battles in October 2023, three with casualty figures.',
        assertedBy: { id: 'actor:soukaina-sghir' },
        sourceIds: ['source:article'],
        events: [
          battle('event:test-ranged', '01', { low: 5, high: 10 }),
          battle('event:test-best-only', '02', { best: 3 }),
          battle('event:test-high-only', '03', { high: 7 }),
          battle('event:test-unknown', '04', undefined),
        ],
      },
      { identity: 'test' },
    );
    // A second claimant for the ranged battle: 20 killed where the first says 5–10.
    await addClaim(
      db.scope(),
      {
        id: 'claim:test-october-fama-figure',
        text: 'FAMa says 20 attackers were killed in the 1 Oct test battle.',
        assertedBy: { id: 'actor:fama' },
        sourceIds: ['source:article'],
        events: [{ id: 'event:test-ranged' }],
        figures: [{ kind: 'KILLED', of: { id: 'actor:csp' }, low: 20, high: 20 }],
      },
      { identity: 'test' },
    );
  });

  it('sums known figures as a range, best standing in for a missing side, unknowns apart', async () => {
    const battles = bucket(await eventStats(db.scope(), 'TYPE', null), 'BATTLE');
    // ranged 5–20 (one claimant 5–10, the other 20: the lowest low and the highest high, not 25–30),
    // best-only 3–3, high-only 7–7; the article's three battles and one test battle unknown.
    expect(battles).toMatchObject({ count: 7, fatalities: { low: 15, high: 30, knownEvents: 3, unknownEvents: 4 } });
    const october = bucket(await eventStats(db.scope(), 'MONTH', null), '2023-10');
    expect(october).toMatchObject({
      label: 'Oct 2023',
      count: 4,
      fatalities: { low: 15, high: 30, knownEvents: 3, unknownEvents: 1 },
    });
  });

  it('gives each claimant its own range over the events it counts', async () => {
    const battles = bucket(await eventStats(db.scope(), 'TYPE', null), 'BATTLE');
    expect(battles?.fatalitiesByClaimant.map((c) => ({ ...c, claimant: c.claimant?.id }))).toEqual([
      { claimant: 'actor:csp', low: null, high: null, knownEvents: 0, unknownEvents: 1 },
      { claimant: 'actor:fama', low: 20, high: 20, knownEvents: 1, unknownEvents: 1 },
      { claimant: 'actor:soukaina-sghir', low: 15, high: 20, knownEvents: 3, unknownEvents: 0 },
    ]);
  });

  it('groups the same figures by the filter: October at Bourem', async () => {
    const [bourem, ...others] = await eventStats(db.scope(), 'PLACE', {
      placeId: 'place:bourem',
      from: '2023-10-01T00:00:00.000Z',
    });
    expect(others).toEqual([]);
    expect(bourem).toMatchObject({
      key: 'place:bourem',
      count: 4,
      fatalities: { low: 15, high: 30, knownEvents: 3, unknownEvents: 1 },
    });
  });
});
