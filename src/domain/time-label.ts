/**
 * A human reading of a time span, used when a writer gives none: "17 Sep 2023",
 * "18 Sep 2023, 02:00–03:00", "Sep 2023". Times are read in UTC, as they are stored.
 */
export interface TimeSpanValue {
  start?: string;
  end?: string;
  precision: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const day = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
const month = (d: Date) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
const clock = (d: Date) => `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;

export function timeLabel(time: TimeSpanValue | undefined): string {
  if (!time || (!time.start && !time.end)) return 'unknown time';
  const start = time.start ? new Date(time.start) : undefined;
  const end = time.end ? new Date(time.end) : undefined;
  const at = (start ?? end)!;
  switch (time.precision) {
    case 'YEAR':
      return String(at.getUTCFullYear());
    case 'MONTH':
      return month(at);
    case 'DAY':
      return start && end && day(start) !== day(end) ? `${day(start)} – ${day(end)}` : day(at);
    case 'WEEK':
      return `week of ${day(at)}`;
    case 'HOUR':
    case 'MINUTE':
    case 'EXACT':
    case 'PART_OF_DAY':
      if (start && end && day(start) === day(end)) return `${day(start)}, ${clock(start)}–${clock(end)}`;
      if (start && end) return `${day(start)} ${clock(start)} – ${day(end)} ${clock(end)}`;
      return `${day(at)}, ${clock(at)}`;
    default:
      if (start && end) return `between ${day(start)} and ${day(end)}`;
      return start ? `after ${day(start)}` : `by ${day(end!)}`;
  }
}
