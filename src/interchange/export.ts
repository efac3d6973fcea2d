/**
 * The exports, by format: GeoJSON and CSV of events and a STIX 2.1 bundle (each with the filters of
 * the `events` query), GraphML of the whole graph or a node's neighbourhood, and our own JSON (the
 * whole graph, as importClaims' input). Each streams into the writable it is given.
 */
import type { Writable } from 'node:stream';
import type { DbScope } from '../graph/core/database.js';
import type { EventFilter } from '../graph/read/event.js';
import { idsAround } from '../graph/read/export.js';
import { writeCsv } from './export-csv.js';
import { writeGeoJson } from './export-geojson.js';
import { writeGraphMl } from './export-graphml.js';
import { writeJson } from './export-json.js';
import { writeStix } from './export-stix.js';

export const EXPORT_FORMATS = ['geojson', 'csv', 'graphml', 'stix', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  geojson: 'application/geo+json',
  csv: 'text/csv; charset=utf-8',
  graphml: 'application/graphml+xml',
  stix: 'application/stix+json;version=2.1',
  json: 'application/json',
};

export const EXTENSIONS: Record<ExportFormat, string> = {
  geojson: 'geojson',
  csv: 'csv',
  graphml: 'graphml',
  stix: 'stix.json',
  json: 'json',
};

export interface ExportRequest {
  format: ExportFormat;
  filter?: EventFilter;
  /** GraphML: the node whose neighbourhood to export, and how deep (1–3). */
  around?: { id: string; depth: number } | null;
}

export class ExportRefusal extends Error {}

/** Writes the export; returns how many items (events, nodes or claims) it wrote. */
export async function writeExport(db: DbScope, request: ExportRequest, out: Writable): Promise<number> {
  const filter = request.filter ?? {};
  switch (request.format) {
    case 'geojson':
      return writeGeoJson(db, filter, out);
    case 'csv':
      return writeCsv(db, filter, out);
    case 'stix':
      return writeStix(db, filter, out);
    case 'json':
      return writeJson(db, out);
    case 'graphml': {
      const ids = request.around ? await idsAround(db, request.around.id, request.around.depth) : null;
      if (request.around && !ids) throw new ExportRefusal(`No node has the id "${request.around.id}".`);
      return writeGraphMl(db, ids, out);
    }
  }
}
