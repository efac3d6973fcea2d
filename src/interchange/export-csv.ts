/**
 * CSV of events in ACLED's columns, then provenance columns (the event's id here, its claimants,
 * strongest status, number of sources and independent origins), so a sheet made for ACLED reads
 * it. An event imported from ACLED gives back ACLED's own values (kept with it); any other event
 * is written in ACLED's terms: the type's words, time_precision 1 (a day or finer), 2 (a week) or 3
 * (coarser), the event_date at the middle of its span, actor 1 the acting side (attacker, captor,
 * …), actor 2 the other, the place's chain as country › admin1 › … › location, `fatalities` the
 * lowest figure any claimant gives (ACLED's conservative count), empty when unknown.
 */
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { DbScope } from '../graph/core/database.js';
import type { EventFilter } from '../graph/read/event.js';
import { eventPages, type ExportEvent } from '../graph/read/export.js';
import { ACLED_COLUMNS, ACLED_EVENT_TYPES, ACLED_SUB_EVENT_TYPES } from './acled.js';
import { eventView } from './event-view.js';
import { put } from './write-out.js';

export const PROVENANCE_COLUMNS = [
  'conflict_graph_id',
  'claimants',
  'status',
  'number_of_sources',
  'independent_origins',
];

const words = (codes: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(codes).map(([k, v]) => [typeof v === 'string' ? v : (v as { subType: string }).subType, k]),
  ) as Record<string, string>;
const TYPE_WORDS = words(ACLED_EVENT_TYPES);
const SUB_TYPE_WORDS = words(ACLED_SUB_EVENT_TYPES);
const capital = (s: string) => s.replace(/(^|\/)(\w)/g, (_m, a: string, b: string) => a + b.toUpperCase());

const ACTING = new Set(['ATTACKER', 'CAPTOR', 'SPEAKER', 'ACCUSER', 'WITHDRAWING']);
const ACTED_ON = new Set(['TARGET', 'DEFENDER', 'CAPTIVE', 'ACCUSED']);
const INTER: Record<string, string> = {
  STATE_FORCE: '1',
  GOVERNMENT: '1',
  STATE: '1',
  ARMED_GROUP: '2',
  COALITION: '2',
  CIVILIAN_GROUP: '7',
};

function sides(e: ExportEvent) {
  const a = e.participants.filter((p) => ACTING.has(p.role));
  const b = e.participants.filter((p) => ACTED_ON.has(p.role));
  for (const p of e.participants.filter((x) => !ACTING.has(x.role) && !ACTED_ON.has(x.role)))
    (a.length === 0 ? a : b.length === 0 ? b : a).push(p);
  return { a, b };
}

const TIME_CODE: Record<string, string> = { WEEK: '2', MONTH: '3', YEAR: '3', UNKNOWN: '3' };
const GEO_CODE: Record<string, string> = { EXACT: '1', NEAR: '2' };

function middleDay(start: string | null, end: string | null): string {
  if (!start && !end) return '';
  const s = Date.parse(start ?? end!);
  const t = Date.parse(end ?? start!);
  return new Date(s + Math.floor((t - s) / 2)).toISOString().slice(0, 10);
}

/** One event as an ACLED row, with the provenance columns after ACLED's. */
export function acledRow(e: ExportEvent): Record<string, string> {
  const v = eventView(e);
  const { a, b } = sides(e);
  const [country = '', ...below] = v.chain;
  const location = below.length > 0 ? below[below.length - 1]! : country;
  const admins = below.slice(0, -1);
  const lows = v.figuresByClaimant
    .flatMap((c) => c.figures)
    .filter((f) => f.kind === 'KILLED')
    .map((f) => f.low ?? f.best ?? f.high)
    .filter((n): n is number => n !== null);
  const fatalities = lows.length > 0 ? Math.min(...lows) : (v.fatalities.low ?? v.fatalities.best);
  const day = middleDay(v.start, v.end);
  const interA = a[0] ? (INTER[a[0].kind] ?? '8') : '';
  const interB = b[0] ? (INTER[b[0].kind] ?? '8') : '0';
  const interaction = interA
    ? String(
        interB === '0'
          ? Number(interA) * 10
          : Math.min(Number(interA), Number(interB)) * 10 + Math.max(Number(interA), Number(interB)),
      )
    : '';
  const publishers = [
    ...new Set(e.claims.flatMap((c) => c.sources.map((s) => s.publisher ?? s.title)).filter((p): p is string => !!p)),
  ];
  const row: Record<string, string> = {
    event_id_cnty: v.id,
    event_date: day,
    year: day.slice(0, 4),
    time_precision: TIME_CODE[v.timePrecision] ?? '1',
    event_type: capital(TYPE_WORDS[v.type] ?? v.type.toLowerCase()),
    sub_event_type: capital(SUB_TYPE_WORDS[v.subType ?? 'OTHER'] ?? 'other'),
    actor1: a[0]?.name ?? '',
    assoc_actor_1: a
      .slice(1)
      .map((p) => p.name)
      .join('; '),
    inter1: interA,
    actor2: b[0]?.name ?? '',
    assoc_actor_2: b
      .slice(1)
      .map((p) => p.name)
      .join('; '),
    inter2: b[0] ? interB : '',
    interaction,
    country,
    admin1: admins[0] ?? '',
    admin2: admins[1] ?? '',
    admin3: admins.slice(2).join(' / '),
    location,
    latitude: v.point ? String(v.point.latitude) : '',
    longitude: v.point ? String(v.point.longitude) : '',
    geo_precision: v.geoPrecision ? (GEO_CODE[v.geoPrecision] ?? '3') : '',
    source: publishers.join('; '),
    notes: v.description,
    fatalities: fatalities === null || fatalities === undefined ? '' : String(fatalities),
    timestamp: v.updatedAt ? String(Math.floor(Date.parse(v.updatedAt) / 1000)) : '',
  };
  // An ACLED event says it in ACLED's own words.
  if (v.codes.event_id_cnty) Object.assign(row, v.codes);
  return {
    ...Object.fromEntries(ACLED_COLUMNS.map((c) => [c, row[c] ?? ''])),
    conflict_graph_id: v.id,
    claimants: v.claimants.join('; '),
    status: v.status ?? '',
    number_of_sources: String(v.sources),
    independent_origins: String(v.independentOrigins),
  };
}

export async function writeCsv(db: DbScope, filter: EventFilter, out: Writable): Promise<number> {
  const csv = stringify({ header: true, columns: [...ACLED_COLUMNS, ...PROVENANCE_COLUMNS] });
  let count = 0;
  const piped = (async () => {
    for await (const chunk of csv) await put(out, String(chunk));
  })();
  for await (const page of eventPages(db, filter)) {
    for (const e of page) {
      if (!csv.write(acledRow(e))) await new Promise((resolve) => csv.once('drain', resolve));
      count += 1;
    }
  }
  csv.end();
  await piped;
  return count;
}
