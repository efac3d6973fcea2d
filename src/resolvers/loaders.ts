/**
 * One DataLoader per relationship, created per request so batches and caches never cross
 * requests. Each domain's graph module provides the batch function; this file only wires them.
 */
import type { DbScope } from '../graph/database.js';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

export function createLoaders(_db: DbScope): Loaders {
  return {};
}
