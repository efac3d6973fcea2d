/** The mapping of records to domain objects: DateTimes read either way, and partial reads of events. */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { eventProperties, propsOf, toEvent, toIso } from '../../src/graph/mapping.js';

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
    const event = toEvent(propsOf(['id', 'startTime', 'timeLabel'], ['event:x', start, '17 Sep 2023, afternoon']));
    expect(event).toMatchObject({
      id: 'event:x',
      time: { start: '2023-09-17T12:00:00.000Z', label: '17 Sep 2023, afternoon' },
    });
  });
});
