/**
 * The explorer's rules for time and for its address, as pure functions: events in time order as
 * known (the middle of the window, a narrower window first), precision in words from the window
 * (never "unknown" for a known window), a range with open bounds, and a view that survives the
 * round trip through the address.
 */
import { describe, expect, it } from 'vitest';
import { inTimeOrder, overlaps, precisionText } from '../../explorer/src/time.js';
import { decodeView, EMPTY_VIEW, encodeView, provenanceShown, type ViewState } from '../../explorer/src/view-state.js';
import type { TimeSpan } from '../../explorer/src/queries.js';

const span = (start: string | null, end: string | null, precision = 'UNKNOWN', label = ''): TimeSpan => ({
  start,
  end,
  precision,
  label,
});

describe('time as known', () => {
  const morning = { id: 'morning', time: span('2023-09-18T00:00:00.000Z', '2023-09-18T12:00:00.000Z', 'PART_OF_DAY') };
  const withdrawal = { id: 'withdrawal', time: span('2023-09-18T02:00:00.000Z', '2023-09-18T03:00:00.000Z', 'HOUR') };
  const afternoon = { id: 'afternoon', time: span('2023-09-17T12:00:00.000Z', '2023-09-17T18:00:00.000Z') };
  const upTo = { id: 'up-to', time: span(null, '2023-09-18T23:59:59.999Z') };
  const unknown = { id: 'unknown', time: span(null, null) };

  it('orders by the middle of the window: 02:00–03:00 comes before "morning" (to noon)', () => {
    const ordered = inTimeOrder(
      [unknown, morning, upTo, withdrawal, afternoon],
      (e) => e.time,
      (e) => e.id,
    );
    expect(ordered.map((e) => e.id)).toEqual(['afternoon', 'withdrawal', 'morning', 'up-to', 'unknown']);
  });

  it('puts the narrower window first when two share a middle', () => {
    const wide = { id: 'wide', time: span('2023-09-17T00:00:00.000Z', '2023-09-19T00:00:00.000Z') };
    const narrow = { id: 'narrow', time: span('2023-09-17T23:00:00.000Z', '2023-09-18T01:00:00.000Z') };
    expect(
      inTimeOrder(
        [wide, narrow],
        (e) => e.time,
        (e) => e.id,
      ).map((e) => e.id),
    ).toEqual(['narrow', 'wide']);
  });

  it('says how precisely a time is known from its window, and "unknown" only without one', () => {
    expect(precisionText(withdrawal.time)).toBe('within an hour');
    expect(precisionText(morning.time)).toBe('within 12 hours');
    expect(precisionText(span('2023-09-12T00:00:00.000Z', '2023-09-18T23:59:59.999Z'))).toBe('within 7 days');
    expect(precisionText(upTo.time)).toBe('up to 18 Sep 2023');
    expect(precisionText(unknown.time)).toBe('time unknown');
  });

  it('keeps an event whose window overlaps the range; an unknown bound is open', () => {
    const range = { from: Date.parse('2023-09-18T00:30:00.000Z'), to: Date.parse('2023-09-18T01:00:00.000Z') };
    expect(overlaps(morning.time, range)).toBe(true);
    expect(overlaps(withdrawal.time, range)).toBe(false);
    expect(overlaps(afternoon.time, range)).toBe(false);
    expect(overlaps(upTo.time, range)).toBe(true);
    expect(overlaps(unknown.time, range)).toBe(true);
    expect(overlaps(withdrawal.time, null)).toBe(true);
  });
});

describe('the view in the address', () => {
  it('round-trips every part of the view', () => {
    const view: ViewState = {
      node: 'place:lere',
      expanded: ['actor:csp', 'actor:fama'],
      depth: 3,
      confirmedOnly: true,
      hiddenTypes: ['CLAIM', 'SOURCE'],
      provenance: true,
      from: '2023-09-17T00:00:00.000Z',
      to: '2023-09-18T06:00:00.000Z',
      selected: 'event:lere-camp-attack',
      path: ['actor:csp', 'place:bourem'],
      show: 'map',
    };
    expect(decodeView(encodeView(view))).toEqual(view);
    expect(decodeView(encodeView({ ...EMPTY_VIEW, node: 'actor:csp' }))).toEqual({ ...EMPTY_VIEW, node: 'actor:csp' });
  });

  it('opens an old link (#place:lere) on that node', () => {
    expect(decodeView('#place%3Alere')).toEqual({ ...EMPTY_VIEW, node: 'place:lere' });
  });

  it('shows provenance edges by default at depth 1 only', () => {
    expect(provenanceShown({ ...EMPTY_VIEW, depth: 1 })).toBe(true);
    expect(provenanceShown({ ...EMPTY_VIEW, depth: 2 })).toBe(false);
    expect(provenanceShown({ ...EMPTY_VIEW, depth: 2, provenance: true })).toBe(true);
  });
});
