import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/graph/core/database.js';
import {
  claimsOfEvents,
  eventOrdering,
  eventsByIds,
  type EventFilter,
  linksOfEvents,
  listEvents,
  participantsOfEvents,
  placesOfEvents,
} from '../../../src/graph/read/event.js';
import { pageParams } from '../../../src/graph/core/pagination.js';
import { loadArticle, testDatabase } from '../../support/graph.js';

describe('event reads', () => {
  let db: Database;
  beforeAll(async () => {
    db = testDatabase();
    await loadArticle(db);
  });
  afterAll(async () => {
    await db.close();
  });

  const list = async (filter: EventFilter, first = 100) =>
    (
      await listEvents(
        db.scope(),
        filter,
        'START_TIME',
        'ASC',
        pageParams(eventOrdering('START_TIME', 'ASC'), first, null),
      )
    ).nodes.map((e) => e.id);

  it('reads events by id with their time span and fatalities (unknown is not zero)', async () => {
    const [lere, nothing] = await eventsByIds(db.scope(), ['event:lere-camp-attack', 'event:none']);
    expect(lere).toMatchObject({
      __typename: 'Event',
      type: 'BATTLE',
      subType: 'NON_STATE_ACTOR_OVERTAKES_TERRITORY',
      time: {
        start: '2023-09-17T12:00:00.000Z',
        end: '2023-09-17T18:00:00.000Z',
        precision: 'PART_OF_DAY',
        label: '17 Sep 2023, afternoon',
      },
      fatalities: { known: false, low: null, high: null, best: null },
    });
    expect(nothing).toBeNull();
  });

  it('reads the place, participants, claims and links of many events in one round trip each', async () => {
    const ids = ['event:lere-camp-attack', 'event:csp-self-defense-statement', 'event:lere-withdrawal'];
    const scope = db.scope();
    const [places, participants, claims, links] = await Promise.all([
      placesOfEvents(scope, ids),
      participantsOfEvents(scope, ids, null),
      claimsOfEvents(scope, ids, null, false),
      linksOfEvents(scope, ids),
    ]);
    expect(scope.roundTrips).toBe(4);
    expect(places.map((p) => p.place?.id ?? null)).toEqual(['place:lere-military-camp', null, 'place:lere']);
    expect(participants[0]!.map((p) => `${p.actor.id} ${p.role}`)).toEqual([
      'actor:csp ATTACKER',
      'actor:fama DEFENDER',
    ]);
    expect(
      participants[0]!.every(
        (p) => p.event.id === 'event:lere-camp-attack' && p.claimIds.includes('claim:lere-camp-taken'),
      ),
    ).toBe(true);
    expect(participants[1]!.map((p) => `${p.actor.id} ${p.role}`)).toEqual([
      'actor:fama ACCUSED',
      'actor:wagner ACCUSED',
      'actor:csp ACCUSER',
      'actor:csp SPEAKER',
    ]);
    // Claims that define or complete the event, and claims about it — named in `about`, or linking
    // an event to it (the aircraft is part of the attack, the search follows it) — in the order
    // they were added.
    expect(claims[0]!.map((c) => c.id)).toEqual([
      'claim:lere-camp-taken',
      'claim:lere-attack-confirmed-by-fama',
      'claim:lere-aircraft-shot-down',
      'claim:fama-denounces-attack-by-evil-forces',
      'claim:fama-mobilised-to-defend-positions',
      'claim:fama-mobilised-for-population-security',
      'claim:lere-town-searched',
      'claim:lere-no-casualty-figures',
      'claim:csp-self-defense',
    ]);
    expect(claims[1]!.map((c) => c.id)).toEqual(['claim:csp-self-defense', 'claim:csp-accuses-fama-and-wagner']);
    expect(links[0]!.followedBy.map((e) => e.id)).toEqual([
      'event:lere-search',
      'event:fama-statement-2023-09-17-evening',
    ]);
    expect(links[0]!.subEvents.map((e) => e.id)).toEqual(['event:lere-aircraft-shot-down']);
    expect(links[0]!.partOf).toBeNull();
    expect(links[2]!.precededBy.map((e) => e.id)).toEqual(['event:lere-search']);
    expect(links[2]!.followedBy).toEqual([]);
    const [aircraft] = await linksOfEvents(db.scope(), ['event:lere-aircraft-shot-down']);
    expect(aircraft!.partOf?.id).toBe('event:lere-camp-attack');
  });

  it('keeps only the participants of one role', async () => {
    const [statement] = await participantsOfEvents(db.scope(), ['event:csp-self-defense-statement'], 'ACCUSED');
    expect(statement!.map((p) => p.actor.id)).toEqual(['actor:fama', 'actor:wagner']);
  });

  it("filters an event's claims by status", async () => {
    const [corroborated] = await claimsOfEvents(db.scope(), ['event:lere-camp-attack'], ['CORROBORATED'], false);
    expect(corroborated!.map((c) => c.id)).toContain('claim:lere-camp-taken');
    expect(corroborated!.every((c) => c.status === 'CORROBORATED')).toBe(true);
    const [disputed] = await claimsOfEvents(db.scope(), ['event:lere-camp-attack'], ['DISPUTED'], false);
    expect(disputed).toEqual([]);
  });

  it('filters by type and sub-type', async () => {
    const battles = await list({ types: ['BATTLE'] });
    expect(battles).toEqual(expect.arrayContaining(['event:bourem-attack', 'event:lere-camp-attack']));
    expect(battles).not.toContain('event:lere-withdrawal');
    expect(await list({ subTypes: ['WITHDRAWAL'] })).toEqual(['event:lere-withdrawal']);
    expect(await list({ types: ['BATTLE'], subTypes: ['WITHDRAWAL'] })).toEqual([]);
  });

  it('filters by a time window that events overlap; unknown bounds are open', async () => {
    const sept17 = await list({ from: '2023-09-17T00:00:00.000Z', to: '2023-09-17T23:59:59.999Z' });
    expect(sept17).toContain('event:lere-camp-attack');
    expect(sept17).not.toContain('event:bourem-attack');
    expect(sept17).not.toContain('event:lere-withdrawal');
    // No start: open before, so it overlaps any window up to its end.
    expect(sept17).toContain('event:csp-self-defense-statement');
    // Overlap, not containment: the withdrawal (02:00-03:00) overlaps 02:30-04:00.
    expect(
      await list({ from: '2023-09-18T02:30:00.000Z', to: '2023-09-18T04:00:00.000Z', subTypes: ['WITHDRAWAL'] }),
    ).toEqual(['event:lere-withdrawal']);
    expect(await list({ from: '2023-09-18T03:00:00.001Z', subTypes: ['WITHDRAWAL'] })).toEqual([]);
    expect(await list({ to: '2023-09-12T23:59:59.999Z', types: ['BATTLE'] })).toEqual(['event:bourem-attack']);
  });

  it('filters by place, including everything inside it', async () => {
    const timbuktu = await list({
      placeId: 'place:timbuktu-region',
      from: '2023-09-01T00:00:00.000Z',
      to: '2023-09-30T23:59:59.999Z',
    });
    expect(timbuktu).toEqual([
      'event:lere-aircraft-shot-down',
      'event:lere-camp-attack',
      'event:lere-search',
      'event:lere-withdrawal',
    ]);
    // The aircraft shot down names no place: it counts at the camp of the attack it is part of.
    expect(await list({ placeId: 'place:lere-military-camp' })).toEqual([
      'event:lere-aircraft-shot-down',
      'event:lere-camp-attack',
    ]);
    expect(await list({ placeId: 'place:gao-region', types: ['BATTLE'] })).toEqual(['event:bourem-attack']);
    // An unknown place is refused, not answered as empty.
    await expect(list({ placeId: 'place:nowhere' })).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND', id: 'place:nowhere', field: 'filter.placeId' },
    });
  });

  it('filters by participating actor and role', async () => {
    const wagner = await list({ actorId: 'actor:wagner' });
    expect(wagner).toEqual(['event:csp-self-defense-statement']);
    const cspAttacks = await list({ actorId: 'actor:csp', role: 'ATTACKER' });
    expect(cspAttacks).toEqual(['event:bourem-attack', 'event:lere-aircraft-shot-down', 'event:lere-camp-attack']);
    expect(await list({ actorId: 'actor:csp', placeId: 'place:gao-region' })).toEqual([
      'event:bourem-attack',
      'event:bourem-soldier-capture',
    ]);
    expect(await list({ actorId: 'actor:fama', role: 'ATTACKER' })).toEqual([]);
    expect(await list({ role: 'SIGNATORY' })).toEqual(['event:sahel-states-alliance-established']);
  });

  it('filters by the status of the claims behind the event', async () => {
    const corroborated = await list({ claimStatus: ['CORROBORATED'] });
    expect(corroborated).toEqual(['event:lere-camp-attack', 'event:lere-withdrawal']);
    expect(await list({ claimStatus: ['UNVERIFIED'] })).toEqual(['event:bourem-attack']);
    expect(await list({ claimStatus: ['UNVERIFIED', 'CORROBORATED'], types: ['BATTLE'] })).toEqual([
      'event:bourem-attack',
      'event:lere-camp-attack',
    ]);
    expect(await list({ claimStatus: ['DISPUTED'] })).toEqual([]);
  });

  it('orders by start time (unknown last) or creation, either way, and pages to the end', async () => {
    const asc = await list({});
    const starts = await eventsByIds(db.scope(), asc);
    const known = starts.map((e) => e!.time.start).filter((s) => s !== null);
    expect(known).toEqual([...known].sort());
    expect(starts[starts.length - 1]!.time.start).toBeNull();
    const desc = await listEvents(
      db.scope(),
      {},
      'START_TIME',
      'DESC',
      pageParams(eventOrdering('START_TIME', 'DESC'), 100, null),
    );
    expect(desc.nodes.map((e) => e.id)).toEqual([...asc].reverse());
    for (const [field, direction] of [
      ['START_TIME', 'ASC'],
      ['START_TIME', 'DESC'],
      ['CREATED_AT', 'ASC'],
      ['CREATED_AT', 'DESC'],
    ] as const) {
      const ordering = eventOrdering(field, direction);
      const whole = await listEvents(db.scope(), {}, field, direction, pageParams(ordering, 100, null));
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page = await listEvents(db.scope(), {}, field, direction, pageParams(ordering, 2, after));
        expect(page.totalCount).toBe(whole.totalCount);
        seen.push(...page.nodes.map((e) => e.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(seen, `${field} ${direction}`).toEqual(whole.nodes.map((e) => e.id));
    }
  });
});
