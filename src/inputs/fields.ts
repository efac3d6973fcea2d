/**
 * Field rules shared by every write input (ids, names, texts, dates, coordinates, URLs), and
 * `parseInput`, which turns the first failed rule into a BAD_USER_INPUT naming the field
 * ("input.events[1].time.start: …"). Nothing is written when a rule fails: validation runs
 * before the transaction opens.
 */
import { z } from 'zod';
import { badInput } from '../errors.js';

export const LIMITS = {
  id: 200,
  name: 200,
  aliases: 50,
  text: 5_000,
  quote: 2_000,
  title: 500,
  note: 2_000,
  label: 200,
  listItems: 200,
  fatalities: 1_000_000,
} as const;

/** GraphQL's null and an absent field mean the same to us: absent. */
export const optional = <T extends z.ZodTypeAny>(schema: T) =>
  schema.nullish().transform((v): z.output<T> | undefined => (v === null ? undefined : (v as z.output<T> | undefined)));

export const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** A reference to an existing node: any non-empty id (whether it exists is checked in the transaction). */
export const idRef = text(LIMITS.id);

/** A new node's id: "<prefix>:<letters, digits, . _ ~ : ->", e.g. actor:csp. */
export const newId = (prefix: string) =>
  z
    .string()
    .trim()
    .max(LIMITS.id, `must be at most ${LIMITS.id} characters`)
    .regex(
      new RegExp(`^${prefix}:[A-Za-z0-9._~:-]+$`),
      `must look like "${prefix}:some-name" (letters, digits, . _ ~ : - after "${prefix}:")`,
    );

export const idList = z.array(idRef).max(LIMITS.listItems, `must list at most ${LIMITS.listItems} ids`);

export const aliases = z.array(text(LIMITS.name)).max(LIMITS.aliases, `must list at most ${LIMITS.aliases} aliases`);

// Through GraphQL the DateTime and URL scalars have already parsed values into Date and URL
// objects; from a seed file they are strings. Both are accepted.
const fromScalar = (v: unknown) => (v instanceof Date ? v.toISOString() : v instanceof URL ? v.href : v);

/** An ISO 8601 date-time with a time zone (2023-09-17T12:00:00.000Z), kept as a UTC ISO string. */
export const dateTime = z.preprocess(
  fromScalar,
  z
    .string()
    .datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone, e.g. 2023-09-17T12:00:00Z' })
    .transform((s) => new Date(s).toISOString()),
);

/** How precisely a written time is given: a year, a month, a day, or a date-time. */
export type WrittenPrecision = 'YEAR' | 'MONTH' | 'DAY' | 'EXACT';

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * A time as people write it: a year (2023), a month (2023-09), a day (2023-09-28) or a date-time
 * with a time zone. Kept as the window it names, in UTC: its first and last instants (one instant
 * for a date-time), with the precision it was written to.
 */
export interface WrittenTime {
  first: string;
  last: string;
  precision: WrittenPrecision;
}

const isoAt = (y: number, m: number, d: number, end: boolean) =>
  new Date(end ? Date.UTC(y, m, d) - 1 : Date.UTC(y, m - 1, d)).toISOString();

/** Reads a written time, or null when it is none of the accepted forms. */
export function readWrittenTime(value: string): WrittenTime | null {
  const v = value.trim();
  let match = YEAR.exec(v);
  if (match) {
    const y = Number(match[1]);
    return { first: isoAt(y, 1, 1, false), last: isoAt(y + 1, 0, 1, true), precision: 'YEAR' };
  }
  match = MONTH.exec(v);
  if (match) {
    const [y, m] = [Number(match[1]), Number(match[2])];
    return { first: isoAt(y, m, 1, false), last: isoAt(y, m, 1, true), precision: 'MONTH' };
  }
  match = DAY.exec(v);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const first = isoAt(y, m, d, false);
    // 2023-02-30 rolls over to March: refused rather than moved.
    if (new Date(first).getUTCDate() !== d) return null;
    return { first, last: new Date(Date.UTC(y, m - 1, d + 1) - 1).toISOString(), precision: 'DAY' };
  }
  if (z.string().datetime({ offset: true }).safeParse(v).success) {
    const at = new Date(v).toISOString();
    return { first: at, last: at, precision: 'EXACT' };
  }
  return null;
}

export const WRITTEN_TIME_FORMS =
  'must be a day (2023-09-28), a month (2023-09), a year (2023) or an ISO 8601 date-time with a time zone (2023-09-17T12:00:00Z)';

/** A written time (readWrittenTime), for the times of events. */
export const writtenTime = z.preprocess(
  fromScalar,
  z.string().transform((s, ctx): WrittenTime => {
    const read = readWrittenTime(s);
    if (!read) {
      ctx.addIssue({ code: 'custom', message: WRITTEN_TIME_FORMS });
      return z.NEVER;
    }
    return read;
  }),
);

/** A GeoNames id: digits (https://www.geonames.org/2457161). */
export const geonamesId = z
  .string()
  .trim()
  .regex(/^\d{1,12}$/, 'must be a GeoNames id: its digits, e.g. 2457161');

/** An OCHA P-code: a country's ISO letters and digits, e.g. ML0503 (kept in upper case). */
export const pcode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}[0-9A-Za-z]{0,12}$/, 'must be an OCHA P-code, e.g. ML05 or ML0503')
  .transform((s) => s.toUpperCase());

export const httpUrl = z.preprocess(
  fromScalar,
  z
    .string()
    .trim()
    .max(2_000, 'must be at most 2000 characters')
    .url('must be an absolute URL')
    .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL'),
);

export const geoPoint = z.object({
  latitude: z.number().min(-90, 'latitude must be between -90 and 90').max(90, 'latitude must be between -90 and 90'),
  longitude: z
    .number()
    .min(-180, 'longitude must be between -180 and 180')
    .max(180, 'longitude must be between -180 and 180'),
});
export type GeoPoint = z.infer<typeof geoPoint>;

export const idempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{1,200}$/, 'must be 1 to 200 printable ASCII characters without spaces');

/** One alias added to or removed from an actor or a place. */
export const aliasInput = z.object({
  idempotencyKey: optional(idempotencyKey),
  id: idRef,
  alias: text(LIMITS.name),
});
export type AliasInput = z.output<typeof aliasInput>;

/** Enum values from a list, with the allowed values in the message. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { errorMap: () => ({ message: `must be one of ${values.join(', ')}` }) });

/** "input.events[1].time.start" from a zod path. */
export function fieldPath(root: string, path: readonly (string | number)[]): string {
  return path.reduce<string>((at, key) => (typeof key === 'number' ? `${at}[${key}]` : `${at}.${key}`), root);
}

/** Validates raw input; the first problem becomes a BAD_USER_INPUT that names its field. */
export function parseInput<S extends z.ZodTypeAny>(schema: S, raw: unknown, root = 'input'): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data as z.output<S>;
  const issue = result.error.issues[0]!;
  const field = fieldPath(root, issue.path);
  const message = issue.message === 'Required' ? 'is required' : issue.message;
  throw badInput(`${field} ${message}.`, field);
}
