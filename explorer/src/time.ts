/**
 * Time as the reports know it: an event has a window [start, end] (either end may be unknown) and
 * a precision. Events are ordered by the middle of their window (so "18 Sep, 02:00–03:00" comes
 * before "18 Sep, morning", whose window runs to noon), a narrower window first on a tie. A range
 * keeps an event whose window overlaps it; an unknown bound is open, as in the API's filter.
 */
import type { TimeSpan } from './queries.js';

export interface Window {
  start: number | null;
  end: number | null;
}

export interface Range {
  from: number;
  to: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function windowOf(time: TimeSpan | null | undefined): Window {
  const start = time?.start ? Date.parse(time.start) : null;
  const end = time?.end ? Date.parse(time.end) : null;
  return { start: Number.isNaN(start) ? null : start, end: Number.isNaN(end) ? null : end };
}

/** The instant an event is ordered by: the middle of its window, else its one known bound. */
export function orderingInstant(window: Window): number | null {
  if (window.start !== null && window.end !== null) return (window.start + window.end) / 2;
  return window.start ?? window.end;
}

const width = (w: Window): number => (w.start !== null && w.end !== null ? w.end - w.start : Infinity);

export function inTimeOrder<T>(
  items: T[],
  timeOf: (item: T) => TimeSpan | null | undefined,
  labelOf: (item: T) => string,
): T[] {
  return [...items].sort((a, b) => {
    const [wa, wb] = [windowOf(timeOf(a)), windowOf(timeOf(b))];
    const [x, y] = [orderingInstant(wa), orderingInstant(wb)];
    if (x === null || y === null) return x === y ? labelOf(a).localeCompare(labelOf(b)) : x === null ? 1 : -1;
    return x - y || width(wa) - width(wb) || labelOf(a).localeCompare(labelOf(b));
  });
}

function duration(ms: number): string {
  if (ms < 2 * 60_000) return 'to the minute';
  if (ms <= HOUR + 60_000) return 'within an hour';
  if (ms < DAY - 60_000) return `within ${Math.round(ms / HOUR)} hours`;
  if (ms <= DAY + 60_000) return 'within a day';
  return `within ${Math.round(ms / DAY)} days`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "18 Sep 2023", in UTC, as the API's time labels write dates (not the browser's locale). */
const shortDate = (ms: number): string => {
  const date = new Date(ms);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
};

/**
 * How precisely the time is known, in words, from the window itself: "within 3 hours",
 * "within 7 days", "up to 18 Sep 2023". "Time unknown" only when neither bound is known.
 */
export function precisionText(time: TimeSpan | null | undefined): string {
  const w = windowOf(time);
  if (w.start !== null && w.end !== null) return duration(w.end - w.start);
  if (w.end !== null) return `up to ${shortDate(w.end)}`;
  if (w.start !== null) return `from ${shortDate(w.start)}`;
  return 'time unknown';
}

/** True when the event's window overlaps the range (an unknown bound is open). */
export function overlaps(time: TimeSpan | null | undefined, range: Range | null): boolean {
  if (!range) return true;
  const w = windowOf(time);
  return (w.end ?? Infinity) >= range.from && (w.start ?? -Infinity) <= range.to;
}

/** The smallest range that holds every known bound of these times; null when none is known. */
export function extentOf(times: (TimeSpan | null | undefined)[]): Range | null {
  const bounds = times.flatMap((t) => {
    const w = windowOf(t);
    return [w.start, w.end].filter((b): b is number => b !== null);
  });
  if (!bounds.length) return null;
  return { from: Math.min(...bounds), to: Math.max(...bounds) };
}

export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export { shortDate };
