/**
 * Reading one CSV row's values the way both codebooks need: trimmed text, whole numbers, codes
 * from a list, coordinates, dates. Each refusal is a RowError whose message names the column and
 * the value, so the summary can say why line N was refused.
 */
import { RowError } from './record.js';

export type Row = Readonly<Record<string, string | undefined>>;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

export class RowValues {
  constructor(private readonly row: Row) {}

  /** The trimmed value, or '' when empty or absent. */
  text(column: string): string {
    return (this.row[column] ?? '').trim();
  }

  required(column: string): string {
    const value = this.text(column);
    if (!value) throw new RowError(`${column} is empty; the codebook requires it.`);
    return value;
  }

  /** A whole number ≥ min, or undefined when empty. */
  count(column: string, min = 0): number | undefined {
    const value = this.text(column);
    if (!value) return undefined;
    if (!/^-?\d+$/.test(value)) throw new RowError(`${column} "${value}" is not a whole number.`);
    const n = Number(value);
    if (n < min) throw new RowError(`${column} ${n} is below ${min}.`);
    return n;
  }

  requiredCount(column: string, min = 0): number {
    const n = this.count(column, min);
    if (n === undefined) throw new RowError(`${column} is empty; the codebook requires a number.`);
    return n;
  }

  /** One of the codebook's codes, mapped. */
  code<T>(column: string, codes: Readonly<Record<string, T>>, what: string): T {
    const value = this.required(column);
    const mapped = codes[value.toLowerCase()];
    if (mapped === undefined)
      throw new RowError(
        `${column} "${value}" is not one of the codebook's ${what} codes (${Object.keys(codes).slice(0, 12).join(', ')}${Object.keys(codes).length > 12 ? ', …' : ''}).`,
      );
    return mapped;
  }

  /** A WGS-84 point; refuses values out of range, non-numbers and the (0, 0) placeholder. */
  point(latColumn: string, lonColumn: string): { latitude: number; longitude: number } {
    const lat = this.required(latColumn);
    const lon = this.required(lonColumn);
    const latitude = Number(lat);
    const longitude = Number(lon);
    if (!Number.isFinite(latitude) || !/^-?\d+(\.\d+)?$/.test(lat))
      throw new RowError(`${latColumn} "${lat}" is not a number of degrees.`);
    if (!Number.isFinite(longitude) || !/^-?\d+(\.\d+)?$/.test(lon))
      throw new RowError(`${lonColumn} "${lon}" is not a number of degrees.`);
    if (latitude < -90 || latitude > 90) throw new RowError(`${latColumn} ${latitude} is impossible (−90 to 90).`);
    if (longitude < -180 || longitude > 180)
      throw new RowError(`${lonColumn} ${longitude} is impossible (−180 to 180).`);
    if (latitude === 0 && longitude === 0)
      throw new RowError(
        `${latColumn}/${lonColumn} 0, 0 is a placeholder, not a place (no dataset codes events there).`,
      );
    return { latitude, longitude };
  }

  /**
   * A calendar day as "YYYY-MM-DD": ISO (2023-09-17, also with a time after it, as UCDP writes
   * "2023-09-17 00:00:00.000") or ACLED's "17 September 2023" / "17-September-2023".
   */
  day(column: string): string {
    const value = this.required(column);
    const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T][\d:.]+Z?)?$/.exec(value);
    const spelled = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/.exec(value);
    let y: number, m: number, d: number;
    if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    else if (spelled && MONTHS.includes(spelled[2]!.toLowerCase()))
      [y, m, d] = [Number(spelled[3]), MONTHS.indexOf(spelled[2]!.toLowerCase()) + 1, Number(spelled[1])];
    else throw new RowError(`${column} "${value}" is not a date (2023-09-17 or 17 September 2023).`);
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
      throw new RowError(`${column} "${value}" is not a day of the calendar.`);
    return date.toISOString().slice(0, 10);
  }

  /** A list the datasets separate with ";" (ACLED sources, associated actors; UCDP sources). */
  list(column: string): string[] {
    return this.text(column)
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
  }
}

/** [00:00, 23:59:59.999] of a day, shifted by whole days. */
export const dayStart = (day: string, shiftDays = 0) =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + shiftDays * 86_400_000).toISOString();
export const dayEnd = (day: string, shiftDays = 0) =>
  new Date(Date.parse(`${day}T23:59:59.999Z`) + shiftDays * 86_400_000).toISOString();

/** Cuts a text to the graph's limit for it, on a word boundary, marking the cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}
