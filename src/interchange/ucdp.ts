/**
 * A UCDP GED row → a DatasetRecord, after the UCDP GED codebook (the columns of its CSV):
 *
 * - type_of_violence 1 = state-based conflict, 2 = non-state conflict (both: a BATTLE, an armed
 *   clash between side A and side B, no direction), 3 = one-sided violence (side A attacks side B,
 *   the civilians: VIOLENCE_AGAINST_CIVILIANS, an ATTACK).
 * - date_prec 1 = the exact day (DAY); 2 = a span of 2–6 days, 3 = a week (WEEK); 4 = a month
 *   (MONTH); 5 = a year (YEAR). The event lies in [date_start, date_end], whole days.
 * - where_prec 1 = the exact location (EXACT); 2 = an area around it (NEAR); 3 = a second-order
 *   admin division, its centroid (ADMIN2); 4 = a first-order one (ADMIN1); 5 = a larger part of the
 *   country, or between two places (REGION); 6 = the country, its centroid (COUNTRY); 7 = over
 *   water or international airspace (WATER).
 * - event_clarity 1 = the event's details are clear; 2 = lower clarity (a summary of fighting).
 * - deaths_a, deaths_b, deaths_civilians, deaths_unknown: the best estimate split by whose dead
 *   they are; they add up to `best`, and low ≤ best ≤ high. Each non-zero part is a KILLED figure
 *   of side A's actor, side B's, CIVILIANS or UNKNOWN, stated by one claim (its figures add up to
 *   the best estimate). When UCDP's low or high differ from its best, a second claim of the row
 *   states the total as one figure (group UNKNOWN: of whoever died) with low, best and high; the
 *   claimant's range across its two claims is then UCDP's low to high.
 * - Sources: each article of source_article (";"-separated, with its source_office, source_date
 *   and source_headline at the same position) is an ARTICLE; each of source_original (the origin
 *   of the information, "Local sources; Malian army") is a source the articles relay (they CITE
 *   it), so the claim's independent origins are the originals, not the outlets that relay them.
 */
import { createHash } from 'node:crypto';
import type { ActorKind, EventSubType, EventType, ParticipantRole, TimePrecision } from '../generated/graphql.js';
import { idFromName, normaliseName } from '../domain/names.js';
import { LIMITS } from '../inputs/fields.js';
import { DATASET_SOURCE } from './acled.js';
import {
  type DatasetRecord,
  type GeoPrecision,
  type RecordClaim,
  type RecordFigure,
  type RecordPlace,
  type RecordSource,
} from '../graph/bulk/dataset-record.js';
import { RowError } from './record.js';
import { clip, dayEnd, dayStart, type Row, RowValues } from './row-values.js';

export const UCDP_COLUMNS = [
  'id',
  'relid',
  'year',
  'active_year',
  'code_status',
  'type_of_violence',
  'conflict_new_id',
  'conflict_name',
  'dyad_new_id',
  'dyad_name',
  'side_a_new_id',
  'side_a',
  'side_b_new_id',
  'side_b',
  'number_of_sources',
  'source_article',
  'source_office',
  'source_date',
  'source_headline',
  'source_original',
  'where_prec',
  'where_coordinates',
  'where_description',
  'adm_1',
  'adm_2',
  'latitude',
  'longitude',
  'geom_wkt',
  'priogrid_gid',
  'country',
  'country_id',
  'region',
  'event_clarity',
  'date_prec',
  'date_start',
  'date_end',
  'deaths_a',
  'deaths_b',
  'deaths_civilians',
  'deaths_unknown',
  'best',
  'high',
  'low',
] as const;

export const UCDP_REQUIRED = [
  'id',
  'type_of_violence',
  'side_a',
  'side_b',
  'where_prec',
  'latitude',
  'longitude',
  'country',
  'date_prec',
  'date_start',
  'date_end',
  'deaths_a',
  'deaths_b',
  'deaths_civilians',
  'deaths_unknown',
  'best',
  'high',
  'low',
] as const;

interface Violence {
  type: EventType;
  subType: EventSubType;
  roles: [ParticipantRole, ParticipantRole];
  words: string;
}

export const UCDP_VIOLENCE: Record<string, Violence> = {
  '1': { type: 'BATTLE', subType: 'ARMED_CLASH', roles: ['OTHER', 'OTHER'], words: 'state-based conflict' },
  '2': { type: 'BATTLE', subType: 'ARMED_CLASH', roles: ['OTHER', 'OTHER'], words: 'non-state conflict' },
  '3': {
    type: 'VIOLENCE_AGAINST_CIVILIANS',
    subType: 'ATTACK',
    roles: ['ATTACKER', 'TARGET'],
    words: 'one-sided violence',
  },
};

const DATE_PRECISION: Record<string, TimePrecision> = {
  '1': 'DAY',
  '2': 'WEEK',
  '3': 'WEEK',
  '4': 'MONTH',
  '5': 'YEAR',
};
export const UCDP_WHERE_PRECISION: Record<string, GeoPrecision> = {
  '1': 'EXACT',
  '2': 'NEAR',
  '3': 'ADMIN2',
  '4': 'ADMIN1',
  '5': 'REGION',
  '6': 'COUNTRY',
  '7': 'WATER',
};
const CLARITY: Record<string, string> = { '1': 'clear', '2': 'of lower clarity' };

function sideKind(name: string, violence: string, side: 'A' | 'B'): ActorKind {
  if (/^government of /i.test(name)) return 'GOVERNMENT';
  if (violence === '3' && side === 'B') return 'CIVILIAN_GROUP';
  return 'ARMED_GROUP';
}

/** UCDP calls every one-sided violence's victims "Civilians"; they are a country's civilians, as in ACLED. */
function sideName(name: string, country: string): string {
  return normaliseName(name) === 'civilians' ? `Civilians (${country})` : name;
}

function places(values: RowValues, point: { latitude: number; longitude: number }, precision: GeoPrecision) {
  const list: RecordPlace[] = [];
  const countryId = values.text('country_id');
  list.push({
    name: values.required('country'),
    kind: 'COUNTRY',
    level: 'country',
    ...(countryId ? { code: `gw:${countryId}` } : {}),
  });
  const adm1 = values.text('adm_1');
  const adm2 = values.text('adm_2');
  if (adm1) list.push({ name: adm1, kind: 'REGION', level: 'admin1' });
  if (adm2) list.push({ name: adm2, kind: 'CIRCLE', level: 'admin2' });
  const where = values.text('where_coordinates');
  const last = list[list.length - 1]!;
  if (where && normaliseName(where) !== normaliseName(last.name)) {
    list.push({
      name: clip(where, LIMITS.name),
      kind: precision === 'EXACT' ? 'TOWN' : 'AREA',
      level: 'location',
      location: point,
    });
  } else {
    list[list.length - 1] = { ...last, location: point };
  }
  return list;
}

function sources(values: RowValues): RecordSource[] {
  const originals = [...new Set(values.list('source_original'))].map((name) => ({
    id: idFromName('source:ucdp-original', name),
    kind: 'OTHER' as const,
    title: clip(`${name} (original source, as UCDP gives it)`, LIMITS.title),
    publisher: clip(name, LIMITS.name),
    publishedAt: null,
    citesIds: [],
  }));
  const articles = values.list('source_article');
  const offices = values.list('source_office');
  const dates = values.list('source_date');
  const headlines = values.list('source_headline');
  const aligned = (list: string[], i: number) => (list.length === articles.length ? list[i] : undefined);
  const seen = new Set<string>();
  const written: RecordSource[] = [];
  articles.forEach((article, i) => {
    const id = `source:ucdp:${createHash('sha256').update(article).digest('hex').slice(0, 20)}`;
    if (seen.has(id)) return;
    seen.add(id);
    const date = aligned(dates, i) ?? '';
    const day = /^(\d{4}-\d{2}-\d{2})/.exec(date)?.[1];
    const publisher = aligned(offices, i) ?? (article.includes(',') ? article.slice(0, article.indexOf(',')) : null);
    written.push({
      id,
      kind: 'ARTICLE',
      title: clip(aligned(headlines, i) || article, LIMITS.title),
      publisher: publisher ? clip(publisher.trim(), LIMITS.name) : null,
      publishedAt: day && !Number.isNaN(Date.parse(day)) ? `${day}T00:00:00.000Z` : null,
      citesIds: originals.map((o) => o.id),
    });
  });
  const all = [...written, ...originals];
  return all.length > 0 ? all : [DATASET_SOURCE.UCDP];
}

function figures(values: RowValues) {
  const parts = {
    a: values.requiredCount('deaths_a'),
    b: values.requiredCount('deaths_b'),
    civilians: values.requiredCount('deaths_civilians'),
    unknown: values.requiredCount('deaths_unknown'),
  };
  const best = values.requiredCount('best');
  const low = values.requiredCount('low');
  const high = values.requiredCount('high');
  const sum = parts.a + parts.b + parts.civilians + parts.unknown;
  if (sum !== best)
    throw new RowError(
      `deaths_a + deaths_b + deaths_civilians + deaths_unknown = ${sum}, but best is ${best}: the codebook makes best their sum.`,
    );
  if (low > best || best > high)
    throw new RowError(`low ${low}, best ${best}, high ${high}: the codebook has low ≤ best ≤ high.`);
  const bySide: RecordFigure[] = [];
  if (parts.a > 0) bySide.push({ kind: 'KILLED', side: 'A', best: parts.a });
  if (parts.b > 0) bySide.push({ kind: 'KILLED', side: 'B', best: parts.b });
  if (parts.civilians > 0) bySide.push({ kind: 'KILLED', group: 'CIVILIANS', best: parts.civilians });
  if (parts.unknown > 0) bySide.push({ kind: 'KILLED', group: 'UNKNOWN', best: parts.unknown });
  return { parts, best, low, high, bySide };
}

/** Maps one UCDP GED row (columns by name); throws RowError for what the codebook does not allow. */
export function ucdpRecord(row: Row, line: number): DatasetRecord {
  const values = new RowValues(row);
  const key = values.required('id');
  if (!/^\d+$/.test(key)) throw new RowError(`id "${key}" is not a UCDP GED event id (a number).`);
  const violenceCode = values.required('type_of_violence');
  const violence = values.code('type_of_violence', UCDP_VIOLENCE, 'type_of_violence');
  const geoPrecision = values.code('where_prec', UCDP_WHERE_PRECISION, 'where_prec');
  const precision = values.code('date_prec', DATE_PRECISION, 'date_prec');
  const clarity = values.text('event_clarity') ? values.code('event_clarity', CLARITY, 'event_clarity') : 'clear';
  const startDay = values.day('date_start');
  const endDay = values.day('date_end');
  if (endDay < startDay) throw new RowError(`date_end ${endDay} is before date_start ${startDay}.`);
  const year = values.count('year');
  if (year !== undefined && String(year) !== startDay.slice(0, 4))
    throw new RowError(`year ${year} does not agree with date_start ${startDay}.`);
  const point = values.point('latitude', 'longitude');
  const country = values.required('country');
  const where = places(values, point, geoPrecision);
  const sideA = sideName(values.required('side_a'), country);
  const sideB = sideName(values.required('side_b'), country);
  const f = figures(values);
  const at = where
    .map((p) => p.name)
    .reverse()
    .join(', ');
  const conflict = values.text('conflict_name');
  const dyad = values.text('dyad_name');
  const span = startDay === endDay ? `on ${startDay}` : `between ${startDay} and ${endDay}`;
  const text =
    `UCDP GED records ${violence.words}${conflict ? ` in "${conflict}"` : ''} ${span} at ${at} (${clarity}): ` +
    `${sideA} against ${sideB}; best estimate ${f.best} deaths (side A ${f.parts.a}, side B ${f.parts.b}, ` +
    `civilians ${f.parts.civilians}, unknown ${f.parts.unknown}).`;
  const claims: RecordClaim[] = [{ part: 'row', text: clip(text, LIMITS.text), figures: f.bySide }];
  if (f.low !== f.best || f.high !== f.best)
    claims.push({
      part: 'total',
      text: clip(
        `UCDP GED estimates ${f.low}–${f.high} deaths in all (best ${f.best}) for event ${key}${dyad ? ` (${dyad})` : ''}.`,
        LIMITS.text,
      ),
      figures: [{ kind: 'KILLED', group: 'UNKNOWN', low: f.low, high: f.high, best: f.best }],
    });
  const codes: Record<string, string> = {};
  for (const column of UCDP_COLUMNS) {
    const value = values.text(column);
    if (value && !column.startsWith('source_')) codes[column] = value;
  }
  const description = [dyad, values.text('where_description'), values.text('source_headline')]
    .filter(Boolean)
    .join(' — ');
  return {
    dataset: 'UCDP',
    line,
    key,
    event: {
      type: violence.type,
      subType: violence.subType,
      time: { start: dayStart(startDay), end: dayEnd(endDay), precision },
      description: clip(description || text, LIMITS.text),
      geoPrecision,
    },
    places: where,
    actors: [
      {
        name: clip(sideA, LIMITS.name),
        kind: sideKind(sideA, violenceCode, 'A'),
        role: violence.roles[0],
        side: 'A',
        associated: false,
      },
      {
        name: clip(sideB, LIMITS.name),
        kind: sideKind(sideB, violenceCode, 'B'),
        role: violence.roles[1],
        side: 'B',
        associated: false,
      },
    ],
    sources: sources(values),
    claims,
    codes,
  };
}
