/** The mapping of records to domain objects: DateTimes read either way, and partial reads. */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { eventProperties, PROJECTED_MAP, propertiesFor, toEvent, toIso } from '../../../src/graph/core/mapping.js';

describe('mapping', () => {
  it('reads a DateTime given as epoch milliseconds (NODE_MAP) as the same ISO instant as the DateTime itself', () => {
    for (const iso of ['2023-09-17T12:00:00.000Z', '1969-07-20T20:17:40.123Z', '2024-02-29T23:59:59.999Z']) {
      const date = new Date(iso);
      expect(toIso(neo4j.types.DateTime.fromStandardDate(date))).toBe(iso);
      expect(toIso(date.getTime())).toBe(iso);
    }
    expect(toIso(null)).toBeNull();
  });

  it('reads the properties of the Event fields asked for, the id always', () => {
    expect(eventProperties(new Set(['time', 'time.start', 'fatalities', 'fatalities.known']))).toEqual([
      'id',
      'startTime',
      'fatalitiesLow',
      'fatalitiesHigh',
      'fatalitiesBest',
    ]);
    expect(eventProperties(new Set(['place', 'claims']))).toEqual(['id']);
    const all = eventProperties(null);
    expect(all).toHaveLength(13);
    const start = Date.UTC(2023, 8, 17, 12);
    const event = toEvent({ id: 'event:x', startTime: start, timeLabel: '17 Sep 2023, afternoon' });
    expect(event).toMatchObject({
      id: 'event:x',
      time: { start: '2023-09-17T12:00:00.000Z', label: '17 Sep 2023, afternoon' },
    });
  });

  it('reads the properties behind the fields selected at any level, and the whole node for a field it does not know', () => {
    // Value objects through their own fields, relationships through the id alone.
    expect(propertiesFor('Event', new Set(['type', 'time', 'time.start', 'place', 'place.id', '__typename']))).toEqual([
      'id',
      'type',
      'startTime',
    ]);
    expect(propertiesFor('Place', new Set(['name', 'location', 'location.latitude', 'parent', 'parent.name']))).toEqual(
      ['id', 'name', 'location'],
    );
    expect(propertiesFor('Claim', new Set(['status', 'reportedIn', 'reportedIn.title']))).toEqual(['id', 'status']);
    expect(propertiesFor('Source', new Set(['title', 'publishedAt']))).toEqual(['id', 'title', 'publishedAt']);
    // A field the table does not list (a new field, or a typo in the table) reads the whole node.
    expect(propertiesFor('Event', new Set(['id', 'severity']))).toBeNull();
    expect(propertiesFor('Event', new Set(['time', 'time.timezone']))).toBeNull();

    expect(PROJECTED_MAP('s', 'Source', ['id', 'title', 'publishedAt'])).toBe(
      's {.id, .title, publishedAt: s.publishedAt.epochMillis}',
    );
    expect(PROJECTED_MAP('s', 'Source', null)).toContain('.reliability');
  });
});
