/** Human readings of time spans, derived when a writer gives no label. */
import { describe, expect, it } from 'vitest';
import { timeLabel } from '../../src/domain/time-label.js';

describe('timeLabel', () => {
  it.each([
    [{ start: '2023-09-12T00:00:00Z', end: '2023-09-12T23:59:59.999Z', precision: 'DAY' }, '12 Sep 2023'],
    [{ start: '2023-09-18T02:00:00Z', end: '2023-09-18T03:00:00Z', precision: 'HOUR' }, '18 Sep 2023, 02:00–03:00'],
    [{ start: '2023-09-01T00:00:00Z', precision: 'MONTH' }, 'Sep 2023'],
    [{ end: '2023-09-18T23:59:59Z', precision: 'UNKNOWN' }, 'by 18 Sep 2023'],
    [{ precision: 'UNKNOWN' }, 'unknown time'],
  ])('%j reads %s', (time, label) => {
    expect(timeLabel(time)).toBe(label);
  });
});
