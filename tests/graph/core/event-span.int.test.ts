/**
 * The stored event span (src/graph/core/event-span.ts) behind every time window: written by the bulk
 * path and by updateEvent, filled in by the migration for events written without it, and a
 * closed window's index seeks still find a long event that started well before the window, an
 * event of unknown start and one of unknown end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/graph/core/database.js';
import { writeBulk, type BulkEvent } from '../../../src/graph/bulk/load.js';
import { eventOrdering, listEvents, type EventFilter } from '../../../src/graph/read/event.js';
import { updateEvent } from '../../../src/graph/write/event.js';
import { migrate, SPAN_MIGRATION } from '../../../src/graph/core/migrations.js';
import { eventSpanValues } from '../../../src/graph/core/event-span.js';
import { pageParams } from '../../../src/graph/core/pagination.js';
import { resetGraph, testDatabase } from '../../support/graph.js';

const event = (id: string, startTime: string | null, endTime: string | null): BulkEvent => ({
  id,
  type: 'BATTLE',
  subType: null,
  startTime,
  endTime,
  timePrecision: 'DAY',
  timeLabel: id,
  description: id,
  fatalitiesLow: null,
  fatalitiesHigh: null,
  fatalitiesBest: null,
  createdBy: 'test',
});

const SPANS = `
  MATCH (e:Event) RETURN e.id AS id, toString(e.spanStart) AS start, toString(e.spanEnd) AS end, e.spanDays AS days
  ORDER BY id`;

describe('event spans and time windows', () => {
  let db: Database;
  const list = async (filter: EventFilter) =>
    (
      await listEvents(
        db.scope(),
        filter,
        'START_TIME',
        'ASC',
        pageParams(eventOrdering('START_TIME', 'ASC'), 100, null),
      )
    ).nodes.map((e) => e.id);
  const spans = async () =>
    Object.fromEntries(
      (await db.scope().read(SPANS)).map((r) => [
        r.get('id') as string,
        { start: r.get('start') as string, end: r.get('end') as string, days: r.get('days') as number | null },
      ]),
    );

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await writeBulk(db.scope(), {
      events: [
        event('event:siege', '2020-01-01T00:00:00Z', '2021-06-01T00:00:00Z'),
        event('event:skirmish', '2021-03-10T00:00:00Z', '2021-03-10T23:59:59Z'),
        event('event:before', '2019-05-01T00:00:00Z', '2019-05-02T00:00:00Z'),
        event('event:open-start', null, '2021-03-20T00:00:00Z'),
        event('event:open-end', '2018-01-01T00:00:00Z', null),
        event('event:undated', null, null),
      ],
    });
  });
  afterAll(async () => {
    await db.close();
  });

  it('stores the span of each event written by the bulk path; unknown bounds are open', async () => {
    const stored = await spans();
    expect(stored['event:siege']).toEqual({ start: '2020-01-01T00:00:00Z', end: '2021-06-01T00:00:00Z', days: 517 });
    expect(stored['event:skirmish']?.days).toBe(0);
    expect(stored['event:open-start']).toMatchObject({ start: '-100000000-01-01T00:00:00Z', days: null });
    expect(stored['event:open-end']).toMatchObject({ end: '+100000000-12-31T23:59:59.999999999Z', days: null });
  });

  it('finds every event overlapping a closed window, however early it started', async () => {
    const march2021 = await list({ from: '2021-03-01T00:00:00Z', to: '2021-03-31T23:59:59Z' });
    expect(march2021.sort()).toEqual(
      ['event:open-end', 'event:open-start', 'event:siege', 'event:skirmish', 'event:undated'].sort(),
    );
    expect((await list({ from: '2019-05-01T12:00:00Z', to: '2019-05-01T13:00:00Z' })).sort()).toEqual(
      ['event:before', 'event:open-end', 'event:open-start', 'event:undated'].sort(),
    );
    expect(await list({ from: '2017-01-01T00:00:00Z', to: '2017-12-31T23:59:59Z', types: ['BATTLE'] })).toEqual([
      'event:open-start',
      'event:undated',
    ]);
  });

  it('keeps the span in step when updateEvent changes the time', async () => {
    await updateEvent(
      db.scope(),
      { id: 'event:before', time: { start: '2021-03-05T00:00:00Z', end: '2021-03-06T00:00:00Z', precision: 'DAY' } },
      { identity: 'test' },
    );
    expect((await spans())['event:before']).toEqual({
      start: '2021-03-05T00:00:00Z',
      end: '2021-03-06T00:00:00Z',
      days: 1,
    });
    expect(await list({ from: '2021-03-05T12:00:00Z', to: '2021-03-05T13:00:00Z', types: ['BATTLE'] })).toContain(
      'event:before',
    );
  });

  it('fills in the span of events written before it was stored', async () => {
    const forget = () => db.scope().write((tx) => tx.run('MATCH (e:Event) REMOVE e.spanStart, e.spanEnd, e.spanDays'));
    // Once done, the backfill is marked and a start does not scan the events again.
    await migrate(db);
    await forget();
    await migrate(db);
    expect((await spans())['event:siege']).toEqual({ start: null, end: null, days: null });

    await db.scope().write((tx) => tx.run('MATCH (m:Migration {id: $id}) DELETE m', { id: SPAN_MIGRATION }));
    await migrate(db);
    const stored = await spans();
    expect(stored['event:siege']).toEqual({ start: '2020-01-01T00:00:00Z', end: '2021-06-01T00:00:00Z', days: 517 });
    expect(stored['event:undated']).toMatchObject({
      start: '-100000000-01-01T00:00:00Z',
      end: '+100000000-12-31T23:59:59.999999999Z',
    });
  });
});

describe("events' time order", () => {
  let db: Database;
  const byTimeOrder = `MATCH (e:Event) RETURN e.id AS id ORDER BY e.timeOrder`;
  // The order every list "in time order" promises: the start, unknown starts last, then the id.
  const byStartThenId = `MATCH (e:Event) RETURN e.id AS id ORDER BY e.startTime, e.id`;
  const ids = async (query: string) => (await db.scope().read(query)).map((r) => r.get('id') as string);

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await writeBulk(db.scope(), {
      events: [
        event('event:b-tie', '2021-03-10T00:00:00Z', null),
        event('event:a-tie', '2021-03-10T00:00:00Z', null),
        event('event:later-by-a-millisecond', '2021-03-10T00:00:00.001Z', null),
        event('event:z-undated', null, null),
        event('event:a-undated', null, '2021-03-20T00:00:00Z'),
        event('event:before-1970', '1911-02-03T00:00:00Z', null),
        event('event:far-future', '2999-12-31T00:00:00Z', null),
      ],
    });
  });
  afterAll(async () => {
    await db.close();
  });

  it('orders as the start then the id, unknown starts last', async () => {
    const order = await ids(byTimeOrder);
    expect(order).toEqual([
      'event:before-1970',
      'event:a-tie',
      'event:b-tie',
      'event:later-by-a-millisecond',
      'event:far-future',
      'event:a-undated',
      'event:z-undated',
    ]);
    expect(order).toEqual(await ids(byStartThenId));
  });

  it('keeps the time order in step when updateEvent changes the time, and fills it in when missing', async () => {
    await updateEvent(
      db.scope(),
      { id: 'event:z-undated', time: { start: '1900-01-01T00:00:00Z', end: null, precision: 'DAY' } },
      { identity: 'test' },
    );
    expect((await ids(byTimeOrder))[0]).toBe('event:z-undated');
    expect(await ids(byTimeOrder)).toEqual(await ids(byStartThenId));

    await db.scope().write((tx) => tx.run('MATCH (e:Event) REMOVE e.timeOrder'));
    await db.scope().write((tx) => tx.run('MATCH (m:Migration {id: $id}) DELETE m', { id: SPAN_MIGRATION }));
    await migrate(db);
    const missing = await db.scope().read('MATCH (e:Event) WHERE e.timeOrder IS NULL RETURN count(e) AS n');
    expect(Number(missing[0]?.get('n'))).toBe(0);
    expect(await ids(byTimeOrder)).toEqual(await ids(byStartThenId));
  });

  it('finds open spans through range seeks of either index, whichever the planner picks', async () => {
    // Which index serves a window depends on the graph's statistics: both must find the far past
    // and future that stand for unknown bounds, in an index of more than one page (Neo4j's own
    // extremes are missed by range seeks once the index holds a few thousand entries).
    await writeBulk(db.scope(), {
      events: Array.from({ length: 3_000 }, (_, i) =>
        event(`event:filler-${i}`, new Date(Date.UTC(2000, 0, 1 + i)).toISOString(), null),
      ),
    });
    const read = async (hint: string, condition: string) =>
      (await db.scope().read(`MATCH (e:Event) ${hint} WHERE ${condition} RETURN e.id AS id ORDER BY id`)).map(
        (r) => r.get('id') as string,
      );
    // The index seek finds what a scan of every event finds.
    const endsAfter = "e.spanEnd >= datetime('2017-01-01T00:00:00Z')";
    const scanned = await read('USING SCAN e:Event', endsAfter);
    expect(scanned).toHaveLength(3_000 + 7);
    expect(await read('USING INDEX e:Event(spanEnd)', endsAfter)).toEqual(scanned);
    const startsBefore = "e.spanStart <= datetime('2017-12-31T00:00:00Z')";
    expect(await read('USING INDEX e:Event(spanStart)', startsBefore)).toEqual(
      await read('USING SCAN e:Event', startsBefore),
    );
    expect(await read('USING INDEX e:Event(spanStart)', startsBefore)).toContain('event:a-undated');
  });
});

describe("event spans computed without Cypher (a first load's files)", () => {
  let db: Database;
  const times: [string, string | null, string | null][] = [
    ['event:day', '2022-07-08T00:00:00.000Z', '2022-07-08T23:59:59.999Z'],
    ['event:months', '2020-01-01T00:00:00Z', '2021-06-01T00:00:00Z'],
    ['event:overnight', '2021-03-10T20:00:00Z', '2021-03-11T04:00:00Z'],
    ['event:offsets', '2021-03-10T23:30:00+02:00', '2021-03-12T01:15:00-05:00'],
    ['event:backwards', '2021-03-12T12:00:00Z', '2021-03-10T00:00:00Z'],
    ['event:nanoseconds', '2021-03-10T00:00:00.123456789Z', '2021-03-10T00:00:00.999999999Z'],
    ['event:before-1970', '1911-02-03T00:00:00Z', '1911-02-05T12:00:00Z'],
    ['event:minutes', '2021-03-10T10:15Z', '2021-04-10T10:14Z'],
    ['event:open-start', null, '2021-03-20T00:00:00Z'],
    ['event:open-end', '2018-01-01T00:00:00Z', null],
    ['event:undated', null, null],
  ];

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await writeBulk(db.scope(), { events: times.map(([id, start, end]) => event(id, start, end)) });
  });
  afterAll(async () => {
    await db.close();
  });

  it('are the values SET_EVENT_SPAN stores', async () => {
    const computed = times.map(([id, start, end]) => ({ id, ...eventSpanValues(start, end, id)! }));
    const rows = await db.scope().read(
      `UNWIND $computed AS c
       MATCH (e:Event {id: c.id})
       RETURN c.id AS id, e.timeOrder = c.timeOrder AS order, e.spanStart = datetime(c.spanStart) AS start,
              e.spanEnd = datetime(c.spanEnd) AS end, e.spanDays AS stored, c.spanDays AS days
       ORDER BY id`,
      { computed },
    );
    expect(rows).toHaveLength(times.length);
    for (const row of rows)
      expect({
        id: row.get('id'),
        order: row.get('order'),
        start: row.get('start'),
        end: row.get('end'),
        days: row.get('days'),
      }).toEqual({
        id: row.get('id'),
        order: true,
        start: true,
        end: true,
        days: row.get('stored') === null ? null : Number(row.get('stored')),
      });
  });

  it('are left to the span migration for a time they cannot read as datetime() does', () => {
    expect(eventSpanValues('2021-03-10T00:00:00[Europe/Paris]', null, 'event:zoned')).toBeNull();
    expect(eventSpanValues('2021-03-10', null, 'event:date-only')).toBeNull();
    expect(eventSpanValues(null, '+12021-03-10T00:00:00Z', 'event:far')).toBeNull();
  });
});
