/** The fixture files (written from the ACLED and UCDP GED codebooks), and reading them as the importer does. */
import { createReadStream, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvRows, type CsvItem } from '../../src/interchange/csv-rows.js';
import type { DatasetFormat } from '../../src/interchange/sniff.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const fixture = (name: string) => join(FIXTURES, name);
export const fixtureText = (name: string) => readFileSync(fixture(name), 'utf8');

export async function readRows(name: string, format: DatasetFormat): Promise<CsvItem[]> {
  const items: CsvItem[] = [];
  for await (const item of csvRows(createReadStream(fixture(name)), format)) items.push(item);
  return items;
}

/** The rows of a fixture, by the dataset id they carry. */
export async function rowsById(name: string, format: DatasetFormat, column: string) {
  const rows = new Map<string, { line: number; row: Record<string, string | undefined> }>();
  for (const item of await readRows(name, format)) if ('row' in item) rows.set(item.row[column]!, item);
  return rows;
}
