/**
 * A dataset row, mapped: what one ACLED or UCDP row says, in the graph's vocabulary but before
 * anything is looked up (names, not ids). The row mappers (src/interchange/acled.ts, ucdp.ts) make
 * these, pure and unit-tested; the dataset writer (dataset.ts) resolves and writes them in batches.
 */
import { hash } from 'node:crypto';
import type {
  ActorKind,
  EventSubType,
  EventType,
  ParticipantRole,
  PlaceKind,
  SourceKind,
  TimePrecision,
} from '../../generated/graphql.js';

export type Dataset = 'ACLED' | 'UCDP';

/**
 * How precisely the place of an event is known, from the datasets' geo codes (ACLED
 * geo_precision 1–3, UCDP where_prec 1–7), widest last.
 */
export const GEO_PRECISIONS = ['EXACT', 'NEAR', 'ADMIN2', 'ADMIN1', 'REGION', 'COUNTRY', 'WATER'] as const;
export type GeoPrecision = (typeof GEO_PRECISIONS)[number];

export interface RecordActor {
  /** The dataset's own name for it ("Military Forces of Mali (2021-)"). */
  name: string;
  /** The kind a new actor gets when the name matches nothing (from ACLED's inter codes, UCDP's sides). */
  kind: ActorKind;
  role: ParticipantRole;
  /** ACLED actor1/actor2 (and their associated actors), UCDP side A/B. */
  side: 'A' | 'B';
  /** An associated actor (ACLED assoc_actor_1/2), taking part beside its side's main actor. */
  associated: boolean;
}

/** One level of the admin hierarchy: country › admin1 › admin2 › admin3 › location. */
export interface RecordPlace {
  name: string;
  kind: PlaceKind;
  level: 'country' | 'admin1' | 'admin2' | 'admin3' | 'location';
  /** Only the location (the last level) has the row's coordinates. */
  location?: { latitude: number; longitude: number };
  /** A code the dataset gives for it (ACLED's numeric ISO country code), matched before names. */
  code?: string;
}

export interface RecordSource {
  /** Stable id, derived from what identifies the source (the outlet's name, the article's text). */
  id: string;
  kind: SourceKind;
  title: string;
  publisher: string | null;
  publishedAt: string | null;
  /** Ids of sources (of this record) it relays: a UCDP article cites the row's original sources. */
  citesIds: string[];
}

/** A figure a row states, by side: FigureInput's shape, with the side instead of the actor. */
export interface RecordFigure {
  kind: 'KILLED';
  /** The side whose people it counts (its main actor); or a group. */
  side?: 'A' | 'B';
  group?: 'CIVILIANS' | 'UNKNOWN';
  low?: number;
  high?: number;
  best?: number;
}

/** One claim the dataset asserts about the row's event (most rows: one). */
export interface RecordClaim {
  /** What tells this claim apart within the row ("row", "total"). */
  part: string;
  text: string;
  quote?: string;
  figures: RecordFigure[];
}

export interface DatasetRecord {
  dataset: Dataset;
  /** The line of the file the row starts on (1 is the header). */
  line: number;
  /** The dataset's id of the event (ACLED event_id_cnty, UCDP id). */
  key: string;
  event: {
    type: EventType;
    subType: EventSubType | null;
    time: { start: string; end: string; precision: TimePrecision };
    description: string;
    geoPrecision: GeoPrecision;
  };
  /** Country first; empty levels left out. */
  places: RecordPlace[];
  actors: RecordActor[];
  sources: RecordSource[];
  claims: RecordClaim[];
  /** The dataset's own codes, kept for the exports (ACLED columns, UCDP ids). */
  codes: Record<string, string>;
}

/** A row that cannot be imported: its line, its dataset id when known, and why. */
export interface RowRefusal {
  line: number;
  key: string | null;
  reason: string;
}

/**
 * A digest of everything a record says (not of its line): the same row read again, in any file
 * and at any line, has the same digest, and any change to what it says changes it.
 */
export function recordDigest(record: DatasetRecord): string {
  const known = digests.get(record);
  if (known) return known;
  const digest = hash('sha256', saidJson(record), 'hex').slice(0, 16);
  digests.set(record, digest);
  return digest;
}

/**
 * What the digest hashes: the record as JSON without its line, its codes last and without ACLED's
 * timestamp (it says when the row was last touched, not what it says) — the text of
 * `JSON.stringify({ ...said, codes: kept })`, built without copying the record (the copies, by
 * object rest, cost twice the serialising).
 */
function saidJson(record: DatasetRecord): string {
  let json = '{';
  const fields = record as unknown as Record<string, unknown>;
  for (const key in fields) {
    const value = fields[key];
    if (key === 'line' || key === 'codes' || value === undefined) continue;
    json += `${JSON.stringify(key)}:${JSON.stringify(value)},`;
  }
  return `${json}"codes":${withoutTimestamp(record.codes, codesJson(record))}}`;
}

/**
 * The codes as JSON without the timestamp: their JSON (`json`) with its timestamp member cut out.
 * Codes are flat, string to string, so that member is found whole: `,"` or `{"` (a quote no
 * backslash escapes) begins a member, never the inside of a string.
 */
function withoutTimestamp(codes: Readonly<Record<string, string>>, json: string): string {
  const timestamp = codes.timestamp;
  if (typeof timestamp !== 'string') return json;
  const member = `"timestamp":${JSON.stringify(timestamp)}`;
  if (json.startsWith(`{${member}`))
    return json.length === member.length + 2 ? '{}' : `{${json.slice(member.length + 2)}`;
  const at = json.indexOf(`,${member}`);
  return `${json.slice(0, at)}${json.slice(at + member.length + 1)}`;
}

// A batch asks for a record's digest several times on the live path (the repeats check, the
// look-up, the plan): each record is hashed once. Records are not changed once mapped; the cache
// goes with them.
const digests = new WeakMap<DatasetRecord, string>();

/**
 * The record's codes as JSON, as an event stores them (`datasetCodes`): made once per record, for
 * the digest (less the timestamp) and for the event.
 */
export function codesJson(record: DatasetRecord): string {
  let json = codeTexts.get(record);
  if (json === undefined) {
    json = JSON.stringify(record.codes);
    codeTexts.set(record, json);
  }
  return json;
}
const codeTexts = new WeakMap<DatasetRecord, string>();
