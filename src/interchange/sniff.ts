/**
 * What a file looks like, from its first bytes: an ACLED or UCDP GED export (and with which
 * delimiter), our JSON, GeoJSON, a STIX bundle, GraphML, or some other CSV. The importer refuses a
 * file that is not the format named at once, saying what it looks like instead.
 */
import { ACLED_COLUMNS, ACLED_REQUIRED } from './acled.js';
import { UCDP_COLUMNS, UCDP_REQUIRED } from './ucdp.js';

export type DatasetFormat = 'acled' | 'ucdp-ged';
export const DATASET_FORMATS: readonly DatasetFormat[] = ['acled', 'ucdp-ged'];

export const FORMAT_NAMES: Record<string, string> = {
  acled: 'an ACLED export',
  'ucdp-ged': 'a UCDP GED export',
  json: "conflict-graph's JSON (importClaims' input)",
  geojson: 'GeoJSON',
  stix: 'a STIX 2.1 bundle',
  graphml: 'GraphML',
  xml: 'an XML document',
  csv: 'a CSV file of another kind',
  text: 'text that is not a CSV table',
  empty: 'an empty file',
};

export const DATASET_COLUMNS: Record<DatasetFormat, { all: readonly string[]; required: readonly string[] }> = {
  acled: { all: ACLED_COLUMNS, required: ACLED_REQUIRED },
  'ucdp-ged': { all: UCDP_COLUMNS, required: UCDP_REQUIRED },
};

export interface Sniffed {
  kind: keyof typeof FORMAT_NAMES;
  delimiter?: string;
  columns?: string[];
}

const DELIMITERS = [',', ';', '\t', '|'];

/** The header's cells with a delimiter (quotes stripped; headers hold no delimiters). */
const cells = (header: string, delimiter: string) =>
  header.split(delimiter).map((c) =>
    c
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim()
      .toLowerCase(),
  );

/** Looks at the start of a file (its first line at least). */
export function sniff(head: string): Sniffed {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (!text) return { kind: 'empty' };
  if (text.startsWith('{') || text.startsWith('[')) {
    if (/"type"\s*:\s*"FeatureCollection"|"type"\s*:\s*"Feature"/.test(text)) return { kind: 'geojson' };
    if (/"type"\s*:\s*"bundle"/.test(text)) return { kind: 'stix' };
    return { kind: 'json' };
  }
  if (text.startsWith('<')) return { kind: /<graphml[\s>]/.test(text) ? 'graphml' : 'xml' };
  const header = text.split(/\r?\n/, 1)[0]!;
  let best: { delimiter: string; columns: string[]; known: number; format: DatasetFormat | null } | undefined;
  for (const delimiter of DELIMITERS) {
    const columns = cells(header, delimiter);
    for (const format of DATASET_FORMATS) {
      const known = columns.filter((c) => DATASET_COLUMNS[format].all.includes(c)).length;
      if (!best || known > best.known) best = { delimiter, columns, known, format: known > 0 ? format : null };
    }
  }
  // A dataset's header is recognised by the columns only it has.
  if (best && best.known >= 3) {
    const isAcled = best.columns.includes('event_id_cnty');
    const isUcdp = best.columns.includes('type_of_violence') || best.columns.includes('side_a');
    const kind = isAcled ? 'acled' : isUcdp ? 'ucdp-ged' : (best.format ?? 'csv');
    return { kind, delimiter: best.delimiter, columns: best.columns };
  }
  const delimiter = DELIMITERS.find((d) => header.includes(d));
  return delimiter ? { kind: 'csv', delimiter, columns: cells(header, delimiter) } : { kind: 'text' };
}
