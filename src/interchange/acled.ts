/**
 * An ACLED row → a DatasetRecord, after ACLED's codebook (columns as ACLED exports them):
 *
 * - time_precision 1 = the actual date (DAY); 2 = sometime in the week around the date coded
 *   (WEEK, the date ±3 days); 3 = sometime in the month, the mid-month date coded (MONTH).
 * - geo_precision 1 = the particular town (EXACT); 2 = near a town or a small part of a region,
 *   coded to a town that represents it (NEAR); 3 = a larger region, coded to its capital or a
 *   natural location (REGION).
 * - inter1/inter2: the actor's type, as 1–8 (older files) or words (1 State forces, 2 Rebel group,
 *   3 Political militia, 4 Identity militia, 5 Rioters, 6 Protesters, 7 Civilians, 8 External/Other
 *   forces; 0 = no second actor); `interaction` combines them (12 = state forces vs rebels, lower
 *   code first; 20 = rebels alone) and must agree with them.
 * - Actor 1 and actor 2 imply no direction, except where the sub-event type gives one (an attack,
 *   a strike, an arrest, an abduction, territory taken): there actor 1 acts on actor 2; otherwise
 *   both take part as OTHER, and in an agreement as SIGNATORY.
 * - fatalities: ACLED's one number for the event, its most conservative reported figure, of no
 *   side in particular: a KILLED figure of group UNKNOWN with low = best = the number and no high
 *   (at least that many). ACLED writes 0 both when none died and when no figure was reported, so
 *   0 states no figure: unknown is not zero.
 * - source: the outlets, separated by ";": each is one source (an ARTICLE of that publisher),
 *   shared by every row that names it.
 */
import type { ActorKind, EventSubType, EventType, ParticipantRole } from '../generated/graphql.js';
import { idFromName } from '../domain/names.js';
import { LIMITS } from '../inputs/fields.js';
import {
  type DatasetRecord,
  type GeoPrecision,
  type RecordActor,
  type RecordPlace,
  type RecordSource,
} from '../graph/bulk/dataset-record.js';
import { RowError } from './record.js';
import { clip, dayEnd, dayStart, type Row, RowValues } from './row-values.js';

export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

/** Without these a row cannot be read; the others may be absent from a trimmed export. */
export const ACLED_REQUIRED = [
  'event_id_cnty',
  'event_date',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'country',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'fatalities',
] as const;

export const ACLED_EVENT_TYPES: Record<string, EventType> = {
  battles: 'BATTLE',
  'explosions/remote violence': 'EXPLOSION_REMOTE_VIOLENCE',
  'violence against civilians': 'VIOLENCE_AGAINST_CIVILIANS',
  'strategic developments': 'STRATEGIC_DEVELOPMENT',
  protests: 'PROTEST',
  riots: 'RIOT',
};

type Direction = 'acts-on' | 'captures' | 'agrees' | 'none';

/** Sub-event types: ours (OTHER where our taxonomy has none), and whether actor 1 acts on actor 2. */
export const ACLED_SUB_EVENT_TYPES: Record<string, { subType: EventSubType; direction: Direction }> = {
  'armed clash': { subType: 'ARMED_CLASH', direction: 'none' },
  'government regains territory': { subType: 'GOVERNMENT_REGAINS_TERRITORY', direction: 'acts-on' },
  'non-state actor overtakes territory': { subType: 'NON_STATE_ACTOR_OVERTAKES_TERRITORY', direction: 'acts-on' },
  'chemical weapon': { subType: 'OTHER', direction: 'acts-on' },
  'air/drone strike': { subType: 'AIR_DRONE_STRIKE', direction: 'acts-on' },
  'suicide bomb': { subType: 'OTHER', direction: 'acts-on' },
  'shelling/artillery/missile attack': { subType: 'SHELLING_ARTILLERY_MISSILE_ATTACK', direction: 'acts-on' },
  'remote explosive/landmine/ied': { subType: 'REMOTE_EXPLOSIVE', direction: 'acts-on' },
  grenade: { subType: 'OTHER', direction: 'acts-on' },
  'sexual violence': { subType: 'OTHER', direction: 'acts-on' },
  attack: { subType: 'ATTACK', direction: 'acts-on' },
  'abduction/forced disappearance': { subType: 'ABDUCTION_FORCED_DISAPPEARANCE', direction: 'captures' },
  'peaceful protest': { subType: 'OTHER', direction: 'none' },
  'protest with intervention': { subType: 'OTHER', direction: 'none' },
  'excessive force against protesters': { subType: 'OTHER', direction: 'acts-on' },
  'violent demonstration': { subType: 'OTHER', direction: 'none' },
  'mob violence': { subType: 'OTHER', direction: 'acts-on' },
  agreement: { subType: 'AGREEMENT', direction: 'agrees' },
  arrests: { subType: 'ARREST_CAPTURE', direction: 'captures' },
  'change to group/activity': { subType: 'OTHER', direction: 'none' },
  'disrupted weapons use': { subType: 'OTHER', direction: 'acts-on' },
  'headquarters or base established': { subType: 'OTHER', direction: 'none' },
  'looting/property destruction': { subType: 'LOOTING_PROPERTY_DESTRUCTION', direction: 'acts-on' },
  'non-violent transfer of territory': { subType: 'OTHER', direction: 'none' },
  other: { subType: 'OTHER', direction: 'none' },
};

const ROLES: Record<Direction, [ParticipantRole, ParticipantRole]> = {
  'acts-on': ['ATTACKER', 'TARGET'],
  captures: ['CAPTOR', 'CAPTIVE'],
  agrees: ['SIGNATORY', 'SIGNATORY'],
  none: ['OTHER', 'OTHER'],
};

/** inter1/inter2: the code (older files) or the words (current files) → the code and a new actor's kind. */
const INTER: Record<string, { code: number; kind: ActorKind }> = {};
for (const [code, words, kind] of [
  [1, 'state forces', 'STATE_FORCE'],
  [2, 'rebel group', 'ARMED_GROUP'],
  [3, 'political militia', 'ARMED_GROUP'],
  [4, 'identity militia', 'ARMED_GROUP'],
  [5, 'rioters', 'CIVILIAN_GROUP'],
  [6, 'protesters', 'CIVILIAN_GROUP'],
  [7, 'civilians', 'CIVILIAN_GROUP'],
  [8, 'external/other forces', 'ORGANIZATION'],
] as const) {
  INTER[String(code)] = { code, kind };
  INTER[words] = { code, kind };
}
INTER['rebel groups'] = INTER['rebel group']!;
INTER['political militias'] = INTER['political militia']!;
INTER['identity militias'] = INTER['identity militia']!;
INTER['protestors'] = INTER['protesters']!;
INTER['external/other force'] = INTER['external/other forces']!;

const TIME_PRECISION = { '1': 'DAY', '2': 'WEEK', '3': 'MONTH' } as const;
const GEO_PRECISION: Record<string, GeoPrecision> = { '1': 'EXACT', '2': 'NEAR', '3': 'REGION' };

function interaction(values: RowValues, inter1: number, inter2: number): void {
  const raw = values.text('interaction');
  if (!raw || !/^\d+$/.test(raw)) return; // words ("State forces-Rebel group") carry no more than inter1/2
  const expected = inter2 === 0 ? inter1 * 10 : Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2);
  if (Number(raw) !== expected)
    throw new RowError(
      `interaction ${raw} does not agree with inter1 ${inter1} and inter2 ${inter2} (the codebook makes it ${expected}).`,
    );
}

function time(values: RowValues) {
  const day = values.day('event_date');
  const year = values.count('year');
  if (year !== undefined && String(year) !== day.slice(0, 4))
    throw new RowError(`year ${year} does not agree with event_date ${day}.`);
  const precision = values.code('time_precision', TIME_PRECISION, 'time_precision');
  if (precision === 'DAY') return { start: dayStart(day), end: dayEnd(day), precision };
  if (precision === 'WEEK') return { start: dayStart(day, -3), end: dayEnd(day, 3), precision };
  const first = `${day.slice(0, 7)}-01`;
  const next = new Date(Date.parse(`${first}T00:00:00.000Z`));
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { start: dayStart(first), end: new Date(next.getTime() - 1).toISOString(), precision };
}

function places(values: RowValues): RecordPlace[] {
  const list: RecordPlace[] = [];
  const iso = values.text('iso');
  list.push({ name: values.required('country'), kind: 'COUNTRY', level: 'country', ...(iso ? { code: iso } : {}) });
  for (const [level, kind] of [
    ['admin1', 'REGION'],
    ['admin2', 'CIRCLE'],
    ['admin3', 'AREA'],
  ] as const) {
    const name = values.text(level);
    if (name) list.push({ name, kind, level });
  }
  list.push({
    name: values.required('location'),
    kind: 'TOWN',
    level: 'location',
    location: values.point('latitude', 'longitude'),
  });
  return list;
}

function actors(values: RowValues, direction: Direction): RecordActor[] {
  const [role1, role2] = ROLES[direction];
  const inter1 = values.code('inter1', INTER, 'inter1 (actor type)');
  const actor2 = values.text('actor2');
  const inter2 = actor2
    ? values.code('inter2', INTER, 'inter2 (actor type)')
    : { code: 0, kind: 'ORGANIZATION' as const };
  if (!actor2 && values.text('inter2') && !['0', ''].includes(values.text('inter2')))
    throw new RowError(`inter2 "${values.text('inter2')}" is given but actor2 is empty.`);
  interaction(values, inter1.code, inter2.code);
  const side = (name: string, kind: ActorKind, role: ParticipantRole, s: 'A' | 'B', associated: boolean) => ({
    name: clip(name, LIMITS.name),
    kind,
    role,
    side: s,
    associated,
  });
  const list: RecordActor[] = [side(values.required('actor1'), inter1.kind, role1, 'A', false)];
  for (const name of values.list('assoc_actor_1')) list.push(side(name, inter1.kind, role1, 'A', true));
  if (actor2) {
    list.push(side(actor2, inter2.kind, role2, 'B', false));
    for (const name of values.list('assoc_actor_2')) list.push(side(name, inter2.kind, role2, 'B', true));
  }
  // The same actor named twice (as actor and associated actor) takes part once.
  const seen = new Set<string>();
  return list.filter((a) => !seen.has(`${a.name}|${a.role}`) && seen.add(`${a.name}|${a.role}`));
}

/** ACLED's outlets as sources; a row that names none is reported in the dataset itself. */
function sources(values: RowValues): RecordSource[] {
  const outlets = values.list('source');
  if (outlets.length === 0) return [DATASET_SOURCE.ACLED];
  return [...new Set(outlets)].map((outlet) => ({
    id: idFromName('source:acled', outlet),
    kind: 'ARTICLE' as const,
    title: clip(`${outlet} (reporting cited by ACLED)`, LIMITS.title),
    publisher: clip(outlet, LIMITS.name),
    publishedAt: null,
    citesIds: [],
  }));
}

/** The dataset as a source, for rows that name no outlet. */
export const DATASET_SOURCE: Record<'ACLED' | 'UCDP', RecordSource> = {
  ACLED: {
    id: 'source:acled',
    kind: 'OTHER',
    title: 'ACLED dataset (no outlet named for the event)',
    publisher: 'ACLED',
    publishedAt: null,
    citesIds: [],
  },
  UCDP: {
    id: 'source:ucdp',
    kind: 'OTHER',
    title: 'UCDP GED dataset (no article named for the event)',
    publisher: 'UCDP',
    publishedAt: null,
    citesIds: [],
  },
};

/** Maps one ACLED row (columns by name); throws RowError for what the codebook does not allow. */
export function acledRecord(row: Row, line: number): DatasetRecord {
  const values = new RowValues(row);
  const key = values.required('event_id_cnty');
  if (!/^[A-Za-z0-9_-]+$/.test(key)) throw new RowError(`event_id_cnty "${key}" is not an ACLED event id.`);
  const eventType = values.code('event_type', ACLED_EVENT_TYPES, 'event_type');
  const sub = values.code('sub_event_type', ACLED_SUB_EVENT_TYPES, 'sub_event_type');
  const fatalities = values.requiredCount('fatalities');
  const geoPrecision = values.code('geo_precision', GEO_PRECISION, 'geo_precision');
  const when = time(values);
  const where = places(values);
  const who = actors(values, sub.direction);
  const notes = values.text('notes');
  const main = who.filter((a) => !a.associated).map((a) => a.name);
  const at = where
    .map((p) => p.name)
    .reverse()
    .join(', ');
  const summary =
    `ACLED codes ${values.text('event_type')} (${values.text('sub_event_type')}) on ${values.text('event_date')} at ${at}` +
    `: ${main.join(' and ')}; ${fatalities > 0 ? `${fatalities} reported fatalities (its conservative count)` : 'no fatality figure'}.`;
  const codes: Record<string, string> = {};
  for (const column of ACLED_COLUMNS) {
    const value = values.text(column);
    if (value) codes[column] = value;
  }
  return {
    dataset: 'ACLED',
    line,
    key,
    event: {
      type: eventType,
      subType: sub.subType,
      time: when,
      description: clip(notes || summary, LIMITS.text),
      geoPrecision,
    },
    places: where,
    actors: who,
    sources: sources(values),
    claims: [
      {
        part: 'row',
        text: clip(summary, LIMITS.text),
        ...(notes ? { quote: clip(notes, LIMITS.quote) } : {}),
        figures: fatalities > 0 ? [{ kind: 'KILLED', group: 'UNKNOWN', low: fatalities, best: fatalities }] : [],
      },
    ],
    codes,
  };
}
