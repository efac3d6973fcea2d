/**
 * A bulk graph as the offline importer's CSV files (`neo4j-admin database import full`), for a
 * first load into an empty database: the same nodes, properties and relationships that load.ts's
 * statements write, row for row. Each statement of `bulkStatements` has its file(s) here, with the
 * properties its Cypher sets (createdAt, a claim's `retracted`, a place's point, an event's span
 * and time order). A statement this module does not know stops the load, so load.ts cannot gain a
 * property that the first load silently leaves out. Files are appended batch by batch through
 * write streams (their back-pressure awaited), so memory stays flat in the file's size; only the
 * Name keys written are kept (names and places, not rows), since a Name is MERGEd by key.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { eventSpanValues, type EventSpanValues } from '../core/event-span.js';
import { bulkStatements, NOTHING_EXISTS, type BulkGraph } from './load.js';

type Kind = 'string' | 'double' | 'long' | 'boolean' | 'datetime' | 'point' | 'string[]';
type Value = string | number | boolean | readonly string[] | { latitude: number; longitude: number } | null | undefined;
type Row = Record<string, unknown>;

/** Between array elements: a character no id, name or alias holds. */
export const ARRAY_DELIMITER = '\u001f';

/** A file of nodes of one label, or of relationships of one type between two labels. */
interface FileSpec {
  /** The importer's argument: `--nodes=Label=` or `--relationships=TYPE=`. */
  nodes?: string;
  relationship?: { type: string; from: string; to: string };
  /** Property columns after the id column(s): name and type. */
  columns: readonly (readonly [string, Kind])[];
}

const NOW: readonly (readonly [string, Kind])[] = [
  ['createdAt', 'datetime'],
  ['updatedAt', 'datetime'],
];
const FACT: readonly (readonly [string, Kind])[] = [
  ['claimIds', 'string[]'],
  ['status', 'string'],
  ['createdAt', 'datetime'],
];
const rel = (type: string, from: string, to: string, columns: FileSpec['columns'] = []): FileSpec => ({
  relationship: { type, from, to },
  columns,
});

const FILES = {
  Actor: {
    nodes: 'Actor',
    columns: [
      ['name', 'string'],
      ['kind', 'string'],
      ['aliases', 'string[]'],
      ['aliasText', 'string'],
      ['description', 'string'],
      ...NOW,
    ],
  },
  Place: {
    nodes: 'Place',
    columns: [
      ['name', 'string'],
      ['kind', 'string'],
      ['aliases', 'string[]'],
      ['aliasText', 'string'],
      ['location', 'point'],
      ...NOW,
    ],
  },
  Source: {
    nodes: 'Source',
    columns: [
      ['kind', 'string'],
      ['title', 'string'],
      ['publisher', 'string'],
      ['author', 'string'],
      ['url', 'string'],
      ['language', 'string'],
      ['reliability', 'string'],
      ['foldedTitle', 'string'],
      ['publishedAt', 'datetime'],
      ...NOW,
    ],
  },
  Event: {
    nodes: 'Event',
    columns: [
      ['type', 'string'],
      ['subType', 'string'],
      ['timePrecision', 'string'],
      ['timeLabel', 'string'],
      ['description', 'string'],
      ['fatalitiesLow', 'double'],
      ['fatalitiesHigh', 'double'],
      ['fatalitiesBest', 'double'],
      ['createdBy', 'string'],
      ['geoPrecision', 'string'],
      ['datasetCodes', 'string'],
      ['startTime', 'datetime'],
      ['endTime', 'datetime'],
      ['timeOrder', 'string'],
      ['spanStart', 'datetime'],
      ['spanEnd', 'datetime'],
      ['spanDays', 'long'],
      ...NOW,
    ],
  },
  Claim: {
    nodes: 'Claim',
    columns: [
      ['text', 'string'],
      ['quote', 'string'],
      ['foldedText', 'string'],
      ['status', 'string'],
      ['independentOrigins', 'double'],
      ['notIndependentlyVerified', 'boolean'],
      ['fingerprint', 'string'],
      ['createdBy', 'string'],
      ['retracted', 'boolean'],
      ...NOW,
    ],
  },
  Figure: {
    nodes: 'Figure',
    columns: [
      ['kind', 'string'],
      ['group', 'string'],
      ['low', 'double'],
      ['high', 'double'],
      ['best', 'double'],
      ['approximate', 'string'],
      ['createdAt', 'datetime'],
    ],
  },
  Name: { nodes: 'Name', columns: [] },
  AuditEntry: {
    nodes: 'AuditEntry',
    columns: [
      ['at', 'datetime'],
      ['by', 'string'],
      ['action', 'string'],
      ['targetId', 'string'],
      ['changes', 'string'],
      ['mergedId', 'string'],
    ],
  },
  Migration: { nodes: 'Migration', columns: [['appliedAt', 'datetime']] },
  NAMES_Actor: rel('NAMES', 'Name', 'Actor'),
  NAMES_Place: rel('NAMES', 'Name', 'Place'),
  LOCATED_IN: rel('LOCATED_IN', 'Place', 'Place'),
  CITES: rel('CITES', 'Source', 'Source'),
  ASSERTED_BY: rel('ASSERTED_BY', 'Claim', 'Actor'),
  REPORTED_IN: rel('REPORTED_IN', 'Claim', 'Source'),
  ABOUT_Actor: rel('ABOUT', 'Claim', 'Actor'),
  ABOUT_Place: rel('ABOUT', 'Claim', 'Place'),
  ABOUT_Event: rel('ABOUT', 'Claim', 'Event', [['states', 'boolean']]),
  ABOUT_Source: rel('ABOUT', 'Claim', 'Source'),
  ABOUT_Claim: rel('ABOUT', 'Claim', 'Claim'),
  STATES: rel('STATES', 'Claim', 'Figure'),
  OF_EVENT: rel('OF_EVENT', 'Figure', 'Event'),
  COUNTS: rel('COUNTS', 'Figure', 'Actor'),
  PARTICIPATED_IN: rel('PARTICIPATED_IN', 'Actor', 'Event', [['role', 'string'], ...FACT]),
  OCCURRED_AT: rel('OCCURRED_AT', 'Event', 'Place', FACT),
} satisfies Record<string, FileSpec>;
type FileName = keyof typeof FILES;

/** The id column(s) of a file's header, in the importer's notation (one id space per label). */
function header(spec: FileSpec): string {
  const ids = spec.relationship
    ? [`:START_ID(${spec.relationship.from})`, `:END_ID(${spec.relationship.to})`]
    : [`${spec.nodes === 'Name' ? 'key' : 'id'}:ID(${spec.nodes})`];
  return [...ids, ...spec.columns.map(([name, kind]) => `${name}:${kind}`)].join(',');
}

// Most values hold no quote: their text is written as it is, with no pass of a replace over it.
const quoted = (s: string) => `"${s.includes('"') ? s.replace(/"/g, '""') : s}"`;

/** One field: null is left empty (no property), a string always quoted ("" stays an empty string). */
function field(value: Value, kind: Kind): string {
  if (value === null || value === undefined) return '';
  switch (kind) {
    case 'string':
    case 'datetime':
      return quoted(typeof value === 'string' ? value : String(value));
    case 'string[]':
      // An empty list cannot be written (an empty field is no property): FIRST_LOAD_FIXES sets it.
      return (value as readonly string[]).length === 0
        ? ''
        : quoted((value as readonly string[]).join(ARRAY_DELIMITER));
    case 'point': {
      const p = value as { latitude: number; longitude: number };
      return quoted(`{latitude:${p.latitude},longitude:${p.longitude}}`);
    }
    default:
      return String(value);
  }
}

/** Run once the database is up: what the importer cannot write. */
export const FIRST_LOAD_FIXES = [
  // load.ts writes `aliases: []`; the importer writes no property for an empty list.
  'MATCH (n:Actor|Place) WHERE n.aliases IS NULL SET n.aliases = []',
];

const props = (row: Row) => row.props as Row;
// What append adds to rows (the same keys on every line of a file).
const NO_VALUES: readonly Row[] = [];
const NOT_RETRACTED = { retracted: false };
const STATES = [{ states: true }];
// An event whose span this cannot compute has none of its values (the span migration stores them).
const NO_SPAN = {
  timeOrder: undefined,
  spanStart: undefined,
  spanEnd: undefined,
  spanDays: undefined,
} satisfies Record<keyof EventSpanValues, undefined>;
const ABOUT_FILES = {
  'ABOUT Actor': 'ABOUT_Actor',
  'ABOUT Place': 'ABOUT_Place',
  'ABOUT Event': 'ABOUT_Event',
  'ABOUT Source': 'ABOUT_Source',
  'ABOUT Claim': 'ABOUT_Claim',
} as const satisfies Record<string, FileName>;

export class ImportFiles {
  private readonly streams = new Map<FileName, WriteStream>();
  /** A batch's lines per file, written at its end: one write per file and batch, not per line. */
  private readonly pending = new Map<FileName, string[]>();
  private readonly names = new Set<string>();
  /** Per file, for each column, which of append's values it is read from. */
  private readonly layouts = new Map<FileName, number[]>();
  /**
   * Events whose span and time order this could not compute as SET_EVENT_SPAN does (a time with
   * a named zone): the span migration must store them (first-load.ts leaves out its marker).
   */
  spansLeft = 0;
  /** Some field holds a line break (a claim's quote, an event's description): the importer must be told. */
  multiline = false;

  constructor(readonly folder: string) {}

  private async flush(): Promise<void> {
    for (const [name, lines] of this.pending) {
      let stream = this.streams.get(name);
      if (!stream) {
        stream = createWriteStream(join(this.folder, `${name}.csv`));
        this.streams.set(name, stream);
        lines.unshift(header(FILES[name]));
      }
      if (!stream.write(`${lines.join('\n')}\n`)) await once(stream, 'drain');
    }
    this.pending.clear();
  }

  /**
   * Appends a line: the ids, then each column's value as if `values` were spread into one object
   * (a later one wins), without building that object (a copy of every row was a third of the
   * files' cost). values[0] is the row's own, whose keys may vary; the others are what this file
   * adds to it, with the same keys on every line, so where each column is read from is worked out
   * on the file's first line.
   */
  private append(name: FileName, ids: readonly string[], values: readonly Row[], consumed: readonly string[] = []) {
    const { columns }: FileSpec = FILES[name];
    let from = this.layouts.get(name);
    if (!from) {
      // Every row of a file comes from one mapping in load.ts: the first one's keys say them all.
      for (const key of values.flatMap((v) => Object.keys(v)))
        if (!consumed.includes(key) && !columns.some(([c]) => c === key))
          throw new Error(`A first load has no column for ${name}.${key}: add it to import-files.ts.`);
      from = columns.map(([c]) => {
        for (let i = values.length - 1; i > 0; i--) if (c in values[i]!) return i;
        return 0;
      });
      this.layouts.set(name, from);
    }
    const fields = ids.map(quoted);
    for (let i = 0; i < columns.length; i++) {
      const [column, kind] = columns[i]!;
      fields.push(field(values[from[i]!]?.[column] as Value, kind));
    }
    const line = fields.join(',');
    if (!this.multiline && /[\n\r]/.test(line)) this.multiline = true;
    const lines = this.pending.get(name);
    if (lines) lines.push(line);
    else this.pending.set(name, [line]);
  }

  /** Appends a graph that load.ts would write into an empty database, `at` its transaction's time. */
  async write(graph: BulkGraph, at: string): Promise<void> {
    const now = { createdAt: at, updatedAt: at };
    const created = { createdAt: at };
    for (const { what, statement, rows } of bulkStatements(graph, NOTHING_EXISTS)) {
      if (/\bMERGE \(a\)/.test(statement))
        throw new Error(`A first load writes new edges only; ${what} would complete existing ones.`);
      for (const row of rows) this.step(what, row, now, created);
    }
    await this.flush();
  }

  private step(
    what: string,
    row: Row,
    now: { createdAt: string; updatedAt: string },
    created: { createdAt: string },
  ): void {
    switch (what) {
      case 'actors':
        return this.append('Actor', [row.id as string], [props(row), now]);
      case 'places': {
        const location = row.lat === null ? null : { latitude: row.lat, longitude: row.lon };
        return this.append('Place', [row.id as string], [props(row), { location }, now]);
      }
      case 'sources':
        return this.append('Source', [row.id as string], [props(row), { publishedAt: row.publishedAt }, now]);
      case 'events': {
        const { id, startTime, endTime } = row as { id: string; startTime: string | null; endTime: string | null };
        // What SET_EVENT_SPAN stores (core/event-span.ts), without an update of every event after
        // the restart (12 s of a 100,000-row first load, with the event indexes to keep up).
        const span = eventSpanValues(startTime, endTime, id);
        if (!span) this.spansLeft += 1;
        return this.append('Event', [id], [props(row), { startTime, endTime }, (span ?? NO_SPAN) as Row, now]);
      }
      case 'claims':
        return this.append('Claim', [row.id as string], [props(row), NOT_RETRACTED, now]);
      case 'actor names':
      case 'place names': {
        const key = row.key as string;
        if (!this.names.has(key)) {
          this.names.add(key);
          this.append('Name', [key], NO_VALUES);
        }
        return this.append(what === 'actor names' ? 'NAMES_Actor' : 'NAMES_Place', [key, row.id as string], NO_VALUES);
      }
      case 'LOCATED_IN':
      case 'CITES':
      case 'ASSERTED_BY':
      case 'REPORTED_IN':
        return this.append(what, [row.from as string, row.to as string], NO_VALUES);
      case 'ABOUT Actor':
      case 'ABOUT Place':
      case 'ABOUT Event':
      case 'ABOUT Source':
      case 'ABOUT Claim':
        return this.append(ABOUT_FILES[what], [row.from as string, row.to as string], NO_VALUES);
      case 'ABOUT Event (states)':
        return this.append('ABOUT_Event', [row.from as string, row.to as string], STATES);
      case 'figures': {
        const id = row.id as string;
        this.append('Figure', [id], [row, created], ['id', 'claimId', 'eventId', 'ofId']);
        this.append('STATES', [row.claimId as string, id], NO_VALUES);
        this.append('OF_EVENT', [id, row.eventId as string], NO_VALUES);
        if (row.ofId) this.append('COUNTS', [id, row.ofId as string], NO_VALUES);
        return;
      }
      case 'PARTICIPATED_IN':
      case 'OCCURRED_AT':
        return this.append(what, [row.from as string, row.to as string], [row, created], ['from', 'to']);
      default:
        throw new Error(`A first load cannot write ${what}: import-files.ts has no file for it.`);
    }
  }

  /** Appends audit entries, as AuditLog writes them. */
  async audit(entries: readonly Row[], by: string, action: string, at: string): Promise<void> {
    const entry = { at, by, action };
    for (const e of entries) this.append('AuditEntry', [e.id as string], [e, entry], ['id']);
    await this.flush();
  }

  /** Appends the data migrations' markers (the database they come from had run them). */
  async migrations(markers: readonly { id: string; appliedAt: string }[]): Promise<void> {
    for (const m of markers) this.append('Migration', [m.id], [m], ['id']);
    await this.flush();
  }

  /** Closes the files; returns the importer's arguments naming them. */
  async close(): Promise<string[]> {
    await this.flush();
    const args: string[] = [];
    for (const [name, stream] of this.streams) {
      stream.end();
      await once(stream, 'finish');
      const spec: FileSpec = FILES[name];
      const path = join(this.folder, `${name}.csv`);
      args.push(
        spec.relationship ? `--relationships=${spec.relationship.type}=${path}` : `--nodes=${spec.nodes}=${path}`,
      );
    }
    return args;
  }
}
