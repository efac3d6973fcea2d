/**
 * The mapping files: dataset names → conflict-graph ids (mapping.yaml beside this file by default,
 * then any file given with --mapping, whose entries win). Read once per import.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { nameKey, normaliseName } from '../domain/names.js';
import type { Dataset } from '../graph/bulk/dataset-record.js';
import type { DatasetMapping } from '../graph/bulk/dataset.js';

export const DEFAULT_MAPPING = join(dirname(fileURLToPath(import.meta.url)), 'mapping.yaml');

const names = z.record(z.string(), z.string().regex(/^[a-z]+:[A-Za-z0-9._~:-]+$/, 'must be an id such as actor:fama'));
const shape = z.object({
  actors: z.object({ ACLED: names.nullish(), UCDP: names.nullish() }).partial().nullish(),
  places: z.object({ ACLED: names.nullish(), UCDP: names.nullish() }).partial().nullish(),
});

export class MappingError extends Error {}

/** The mapping for one dataset, from the default file and then the given ones. */
export function loadMapping(dataset: Dataset, files: readonly string[] = []): DatasetMapping {
  const actors = new Map<string, string>();
  const places = new Map<string, string>();
  for (const file of [DEFAULT_MAPPING, ...files]) {
    const parsed = shape.safeParse(parse(readFileSync(file, 'utf8')) ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new MappingError(`${file}: ${issue.path.join('.')} ${issue.message}.`);
    }
    for (const [name, id] of Object.entries(parsed.data.actors?.[dataset] ?? {}))
      actors.set(nameKey('Actor', name), id);
    for (const [path, id] of Object.entries(parsed.data.places?.[dataset] ?? {}))
      places.set(
        path
          .split('/')
          .map((n) => normaliseName(n))
          .join(' / '),
        id,
      );
  }
  return { actors, places };
}
