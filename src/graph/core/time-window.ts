/**
 * Time windows as analysts and list filters give them: ISO instants from DateTime arguments, and a
 * window whose ends are both optional but never reversed. Shared by the event list, the timeline,
 * eventsNear and the graph filter.
 */
import { badInput } from '../../errors.js';

/** An ISO instant from a DateTime argument (graphql-scalars hands over a Date). */
export function isoInstant(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw badInput(`"${String(value)}" is not a date-time; use ISO 8601.`);
  return date.toISOString();
}

/** Checks a time window: both ends optional, `from` not after `to`. */
export function checkWindow(
  from: string | Date | null | undefined,
  to: string | Date | null | undefined,
): { from: string | null; to: string | null } {
  const window = { from: isoInstant(from), to: isoInstant(to) };
  if (window.from && window.to && window.from > window.to) {
    throw badInput('The time window ends before it starts: `from` must not be after `to`.', 'from');
  }
  return window;
}
