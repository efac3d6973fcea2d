/**
 * Single lookups by id (`actor(id)`, `node(id)` …): a missing id answers null with a NOT_FOUND
 * error in `errors` at the field's path (the GraphQL practice for a nullable field), naming the
 * id and suggesting the one that differs only by case or accents. The check is batched over the
 * request's lookups (the unknownId loader) and runs only when a lookup found nothing; the id of
 * a merged actor or place answers with the record it was merged into.
 */
import { unknownIdError } from '../graph/core/known-ids.js';
import type { NodeLabel } from '../graph/core/mapping.js';
import type { Context } from '../request/context.js';

export async function foundOrNotFound<T>(
  ctx: Context,
  value: T | null | undefined,
  id: string,
  labels: readonly NodeLabel[],
  /** Reads the record a merged id now resolves to (actors and places can be merged). */
  followMerge?: (keptId: string) => Promise<T | null | undefined>,
  field = 'id',
): Promise<T> {
  if (value !== null && value !== undefined) return value;
  const unknown = await ctx.loaders.unknownId.load({ id, labels, field });
  if (unknown?.mergedInto && followMerge) {
    const kept = await followMerge(unknown.mergedInto);
    if (kept !== null && kept !== undefined) return kept;
  }
  throw unknownIdError(unknown ?? { id, labels, field, suggestion: null });
}
