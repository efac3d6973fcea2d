/**
 * The seed loader: each seed/*.yaml file (article.yaml first, then the others by name) is one
 * ImportClaimsInput value, written through the researchers' own write functions — addActor,
 * addPlace, addSource, then addClaim per claim — as the identity "seed". Every record carries its
 * id as idempotency key, so loading twice gives the same graph: the second run replays.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PROJECT_ROOT } from '../../paths.js';
import { parse } from 'yaml';
import { addActor } from './actor.js';
import type { Writer } from './audit.js';
import { addClaim } from './claim.js';
import type { Database } from '../core/database.js';
import { addPlace } from './place.js';
import { addSource } from './source.js';
import type { ImportClaimsInput } from '../../generated/graphql.js';

export const SEED_DIR = join(PROJECT_ROOT, 'seed');
export const SEED_WRITER: Writer = { identity: 'seed' };
// The seed writes ~50 small transactions; a slow shared machine should not time them out.
const SEED_TX_TIMEOUT_MS = 60_000;

export interface SeedSummary {
  files: string[];
  actors: number;
  places: number;
  sources: number;
  claims: number;
  /** Database round trips the load took (a replayed load takes one or two per record). */
  roundTrips: number;
}

/** A seed file: an ImportClaimsInput (an empty file, or one without claims, is allowed here). */
type SeedDocument = Partial<ImportClaimsInput>;
/** What the loader reads of every record: its id, which is also its idempotency key. */
type SeedRecord = { id?: string | null; idempotencyKey?: string | null };

/** seed/article.yaml, then the other seed/*.yaml files in name order. */
export function seedFiles(dir = SEED_DIR): string[] {
  const others = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && f !== 'article.yaml')
    .sort();
  return ['article.yaml', ...others].map((f) => join(dir, f));
}

/** Each record once: its id is its idempotency key (a record without an id would be added each run). */
const keyed = <T extends SeedRecord>(record: T): T => ({ ...record, idempotencyKey: record.id });

export class SeedError extends Error {}

/** Names the seed record a failed write came from. */
async function located<T>(where: string, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    throw new SeedError(`${where}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Loads the given seed files (all of seed/ by default) through the write path, idempotently. */
export async function loadSeed(db: Database, files: string[] = seedFiles()): Promise<SeedSummary> {
  const scope = db.scope(SEED_TX_TIMEOUT_MS);
  const summary: SeedSummary = {
    files: files.map((f) => basename(f)),
    actors: 0,
    places: 0,
    sources: 0,
    claims: 0,
    roundTrips: 0,
  };
  for (const file of files) {
    // Untyped YAML enters here; each record is validated by its write function's input rules next.
    const doc = (parse(readFileSync(file, 'utf8')) ?? {}) as SeedDocument;
    const at = (section: string, i: number, record: SeedRecord) =>
      `${basename(file)} ${section}[${i}] (${String(record.id ?? 'no id')})`;
    for (const [i, actor] of (doc.actors ?? []).entries()) {
      await located(at('actors', i, actor), addActor(scope, keyed(actor), SEED_WRITER));
      summary.actors += 1;
    }
    for (const [i, place] of (doc.places ?? []).entries()) {
      await located(at('places', i, place), addPlace(scope, keyed(place), SEED_WRITER));
      summary.places += 1;
    }
    for (const [i, source] of (doc.sources ?? []).entries()) {
      await located(at('sources', i, source), addSource(scope, keyed(source), SEED_WRITER));
      summary.sources += 1;
    }
    for (const [i, claim] of (doc.claims ?? []).entries()) {
      await located(at('claims', i, claim), addClaim(scope, keyed(claim), SEED_WRITER));
      summary.claims += 1;
    }
  }
  summary.roundTrips = scope.roundTrips;
  return summary;
}

const HAS_DATA = `
  RETURN EXISTS { MATCH (:Actor) } OR EXISTS { MATCH (:Claim) } AS hasData`;

/** True when the graph holds no actor and no claim yet (a fresh database). */
export async function graphIsEmpty(db: Database): Promise<boolean> {
  const [row] = await db.scope().read(HAS_DATA);
  return row?.get('hasData') !== true;
}
