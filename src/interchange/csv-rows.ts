/**
 * A dataset file, streamed row by row through csv-parse: the header is read first and checked
 * (the format named, its delimiter, its required columns), then each row comes with the line it
 * starts on, or as a refusal (a row with more or fewer fields than the header — a wrongly
 * delimited or truncated line — or a broken quote). Nothing but the current row is held.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { DATASET_COLUMNS, type DatasetFormat, FORMAT_NAMES, sniff } from './sniff.js';
import type { Row } from './row-values.js';
import type { RowRefusal } from './record.js';

/** The file as a whole is not what was named, or lacks what every row needs: nothing is imported. */
export class FileRefusal extends Error {}

export type CsvItem = { line: number; row: Row } | { refusal: RowRefusal };

const HEAD_BYTES = 64 * 1024;

/** Reads until the first line is whole (or HEAD_BYTES), and hands back the rest untouched. */
async function splitHead(input: AsyncIterable<Buffer | string> | Iterable<Buffer | string>) {
  const iterator = (Readable.from(input) as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    chunks.push(chunk);
    size += chunk.length;
    if (chunk.includes(10) || size >= HEAD_BYTES) break;
  }
  const head = Buffer.concat(chunks);
  async function* whole() {
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  }
  return { head: head.toString('utf8'), whole };
}

function checkHeader(head: string, format: DatasetFormat) {
  const seen = sniff(head);
  if (seen.kind !== format) {
    const hint = seen.kind === 'acled' || seen.kind === 'ucdp-ged' ? ` Use --format ${seen.kind}.` : '';
    const what =
      seen.kind === 'csv' && seen.columns
        ? `${FORMAT_NAMES.csv} (columns ${seen.columns.slice(0, 6).join(', ')}…)`
        : FORMAT_NAMES[seen.kind];
    throw new FileRefusal(`This file is not ${FORMAT_NAMES[format]}: it looks like ${what}.${hint}`);
  }
  const missing = DATASET_COLUMNS[format].required.filter((c) => !seen.columns!.includes(c));
  if (missing.length > 0)
    throw new FileRefusal(
      `The header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}, which every ${FORMAT_NAMES[format]!.replace(/^an? /, '')} row needs.`,
    );
  return { delimiter: seen.delimiter!, columns: seen.columns! };
}

/**
 * A stream's items as they come, then its error: iterating a stream directly drops the items it
 * had buffered when it fails, and a broken last line fails csv-parse after the good rows before it.
 */
async function* inOrder<T>(stream: Readable): AsyncGenerator<T> {
  const queue: T[] = [];
  let failure: unknown;
  let ended = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  stream.on('data', (item: T) => {
    queue.push(item);
    if (queue.length >= 1_000) stream.pause();
    notify();
  });
  stream.on('error', (error) => {
    failure = error;
    notify();
  });
  stream.on('end', () => {
    ended = true;
    notify();
  });
  for (;;) {
    if (queue.length > 0) {
      yield queue.shift()!;
      if (queue.length < 100 && stream.isPaused()) stream.resume();
      continue;
    }
    if (failure !== undefined) throw failure;
    if (ended) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}

/** The rows of a dataset file, in order, each with its line (the header is line 1). */
export async function* csvRows(
  input: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  format: DatasetFormat,
): AsyncGenerator<CsvItem> {
  const { head, whole } = await splitHead(input);
  const { delimiter, columns } = checkHeader(head, format);
  const parser = Readable.from(whole()).pipe(
    parse({ delimiter, bom: true, info: true, relax_column_count: true, skip_empty_lines: false, from_line: 2 }),
  );
  let lastLine = 1;
  try {
    for await (const item of inOrder<{ record: string[]; info: { lines: number } }>(parser)) {
      const line = lastLine + 1;
      lastLine = item.info.lines;
      const fields = item.record;
      if (fields.length === 1 && fields[0]!.trim() === '') continue; // a blank line
      if (fields.length !== columns.length) {
        yield {
          refusal: {
            line,
            key: null,
            reason: `has ${fields.length} field${fields.length === 1 ? '' : 's'} where the header has ${columns.length}: a line cut short, or separated by another delimiter than the header's "${delimiter === '\t' ? '\\t' : delimiter}".`,
          },
        };
        continue;
      }
      const row: Record<string, string> = {};
      columns.forEach((c, i) => (row[c] = fields[i]!));
      yield { line, row };
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'CSV_QUOTE_NOT_CLOSED' || code === 'CSV_INVALID_CLOSING_QUOTE' || code === 'INVALID_OPENING_QUOTE') {
      yield {
        refusal: {
          line: lastLine + 1,
          key: null,
          reason:
            code === 'CSV_QUOTE_NOT_CLOSED'
              ? 'the file ends inside a quoted value: a truncated last line (the rows from here on cannot be read).'
              : `a broken quote (${(error as Error).message}); the rows from here on cannot be read.`,
        },
      };
      return;
    }
    throw error;
  }
}
