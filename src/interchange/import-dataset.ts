/**
 * A dataset import: a file streamed row by row (csv-rows.ts), each row mapped by its codebook
 * (acled.ts, ucdp.ts), written in batches of rows through the bulk path (src/graph/bulk/
 * dataset.ts), one transaction per batch. The next batch is read and mapped while the last one
 * is written. A row either is written whole or is refused with its line and reason; a batch that
 * fails in the database stops the import (the batches before it stay: importing the file again
 * changes nothing for them and writes the rest). The summary keeps names, not rows, so memory
 * stays flat in the file's size.
 */
import type { Writer } from '../graph/write/audit.js';
import type { Database } from '../graph/core/database.js';
import type { Dataset, DatasetRecord, RowRefusal } from '../graph/bulk/dataset-record.js';
import { DatasetWriter, type DatasetMapping } from '../graph/bulk/dataset.js';
import type { ImportFiles } from '../graph/bulk/import-files.js';
import { acledRecord } from './acled.js';
import { csvRows, FileRefusal } from './csv-rows.js';
import { loadMapping } from './mapping.js';
import { RowError } from './record.js';
import type { DatasetFormat } from './sniff.js';
import { ucdpRecord } from './ucdp.js';
import type { Row } from './row-values.js';

export { FileRefusal };

export interface ImportOptions {
  format: DatasetFormat;
  writer: Writer;
  /** More mapping files (their entries win over the default's). */
  mappingFiles?: readonly string[];
  /** Rows per transaction. */
  batchSize?: number;
  /** Called after each batch: rows read so far and bytes read so far. */
  onProgress?: (progress: { rows: number; bytes: number }) => void;
  /** Called after each statement of a batch (what, rows, milliseconds), for profiling. */
  onStatement?: (what: string, rows: number, ms: number) => void;
  /** Transaction timeout for a batch. */
  txTimeoutMs?: number;
}

/** Refusals listed in a summary; beyond it they are counted only. */
export const LISTED_REFUSALS = 1_000;

export interface ImportSummary {
  format: DatasetFormat;
  rowsRead: number;
  eventsCreated: number;
  eventsUpdated: number;
  eventsUnchanged: number;
  actorsCreated: { name: string; id: string }[];
  actorsMatched: number;
  placesCreated: number;
  placesMatched: number;
  sourcesCreated: number;
  sourcesMatched: number;
  rowsRefused: number;
  refused: RowRefusal[];
  ignoredMappings: string[];
  seconds: number;
}

const MAPPERS: Record<DatasetFormat, (row: Row, line: number) => DatasetRecord> = {
  acled: acledRecord,
  'ucdp-ged': ucdpRecord,
};
const DATASETS = { acled: 'ACLED', 'ucdp-ged': 'UCDP' } as const;

// 5,000 rows a transaction: a round trip per statement carries thousands of rows, while a
// transaction's state stays a few tens of megabytes.
const BATCH_SIZE = 5_000;

/** Counts the bytes that go through, for the progress bar. */
async function* counted(input: AsyncIterable<Buffer | string>, into: { bytes: number }) {
  for await (const chunk of input) {
    into.bytes += chunk.length;
    yield chunk;
  }
}

/** Imports a dataset file; refuses at once (FileRefusal) a file that is not the format named. */
export async function importDataset(
  db: Database,
  input: AsyncIterable<Buffer | string>,
  options: ImportOptions,
): Promise<ImportSummary> {
  const scope = db.scope(options.txTimeoutMs ?? 300_000);
  return readInto(input, options, (dataset, mapping) => DatasetWriter.open(scope, dataset, mapping, options.writer));
}

/**
 * A first load's half in this process: the file read, mapped and planned as importDataset does it
 * into an empty database, written as the offline importer's files (first-load.ts runs it).
 */
export async function importDatasetFiles(
  files: ImportFiles,
  input: AsyncIterable<Buffer | string>,
  options: ImportOptions,
  /** Called once the header is checked, before the first row is planned. */
  afterHeader: () => void = () => {},
): Promise<ImportSummary> {
  return readInto(input, options, (dataset, mapping) => {
    afterHeader();
    return DatasetWriter.firstLoad(files, dataset, mapping, options.writer);
  });
}

async function readInto(
  input: AsyncIterable<Buffer | string>,
  options: ImportOptions,
  open: (dataset: Dataset, mapping: DatasetMapping) => Promise<DatasetWriter>,
): Promise<ImportSummary> {
  const started = performance.now();
  const dataset = DATASETS[options.format];
  const read = { bytes: 0 };
  const rows = csvRows(counted(input, read), options.format);
  // The header is checked before anything is written (a FileRefusal stops here).
  const first = await rows.next();
  const writer = await open(dataset, loadMapping(dataset, options.mappingFiles));
  writer.onStatement = options.onStatement;
  const summary: ImportSummary = {
    format: options.format,
    rowsRead: 0,
    eventsCreated: 0,
    eventsUpdated: 0,
    eventsUnchanged: 0,
    actorsCreated: [],
    actorsMatched: 0,
    placesCreated: 0,
    placesMatched: 0,
    sourcesCreated: 0,
    sourcesMatched: 0,
    rowsRefused: 0,
    refused: [],
    ignoredMappings: writer.ignoredMappings,
    seconds: 0,
  };
  const refuse = (r: RowRefusal) => {
    summary.rowsRefused += 1;
    if (summary.refused.length < LISTED_REFUSALS) summary.refused.push(r);
  };
  const map = MAPPERS[options.format];
  const batchSize = options.batchSize ?? BATCH_SIZE;
  let batch: DatasetRecord[] = [];
  let writing: Promise<void> | undefined;
  const flush = async () => {
    await writing;
    const records = batch;
    batch = [];
    if (records.length === 0) return;
    writing = writer.write(records).then((counts) => {
      summary.eventsCreated += counts.created;
      summary.eventsUpdated += counts.updated;
      summary.eventsUnchanged += counts.unchanged;
      counts.refused.forEach(refuse);
      options.onProgress?.({ rows: summary.rowsRead, bytes: read.bytes });
    });
  };
  const take = (item: Awaited<ReturnType<typeof rows.next>>['value']) => {
    if (!item) return;
    summary.rowsRead += 1;
    if ('refusal' in item) return refuse(item.refusal);
    try {
      batch.push(map(item.row, item.line));
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      refuse({ line: item.line, key: item.row.event_id_cnty ?? item.row.id ?? null, reason: error.message });
    }
  };
  if (!first.done) take(first.value);
  for await (const item of rows) {
    take(item);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await writing;
  summary.actorsCreated = [...writer.tally.actorsCreated].map(([name, id]) => ({ name, id }));
  summary.actorsMatched = writer.tally.actorsMatched.size;
  summary.placesCreated = writer.tally.placesCreated;
  summary.placesMatched = writer.tally.placesMatched.size;
  summary.sourcesCreated = writer.tally.sourcesCreated;
  summary.sourcesMatched = writer.tally.sourcesMatched.size;
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

export interface DeletionsSummary {
  idsRead: number;
  eventsRetracted: number;
  claimsRetracted: number;
}

/**
 * A dataset's deletions: ACLED's deletions file (event_id_cnty, deleted_timestamp), or any CSV
 * with the dataset's id column (event_id_cnty, or UCDP's id). The dataset's claims about each of
 * those events are retracted, with the reason; the events and the claims stay, for history.
 */
export async function importDeletions(
  db: Database,
  input: AsyncIterable<Buffer | string>,
  format: DatasetFormat,
  writer: Writer,
): Promise<DeletionsSummary> {
  const dataset = DATASETS[format];
  const scope = db.scope(300_000);
  const datasetWriter = await DatasetWriter.open(scope, dataset, { actors: new Map(), places: new Map() }, writer);
  const { parse } = await import('csv-parse');
  const { Readable } = await import('node:stream');
  const column = format === 'acled' ? 'event_id_cnty' : 'id';
  const parser = Readable.from(input).pipe(
    parse({ columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), bom: true, relax_column_count: true }),
  );
  const summary: DeletionsSummary = { idsRead: 0, eventsRetracted: 0, claimsRetracted: 0 };
  let keys: string[] = [];
  const flush = async () => {
    if (keys.length === 0) return;
    const done = await datasetWriter.retractEvents(keys, `Deleted by ${dataset} from its dataset.`);
    summary.eventsRetracted += done.events;
    summary.claimsRetracted += done.claims;
    keys = [];
  };
  for await (const row of parser as AsyncIterable<Record<string, string>>) {
    if (summary.idsRead === 0 && !(column in row))
      throw new FileRefusal(
        `The deletions file has no ${column} column: it should list the ${dataset} ids of deleted events.`,
      );
    const key = (row[column] ?? '').trim();
    if (!key) continue;
    summary.idsRead += 1;
    keys.push(key);
    if (keys.length >= BATCH_SIZE) await flush();
  }
  await flush();
  return summary;
}
