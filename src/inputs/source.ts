/** Write inputs about sources. */
import { z } from 'zod';
import { SOURCE_KINDS, SOURCE_RELIABILITIES } from './enums.js';
import { dateTime, httpUrl, idempotencyKey, idList, LIMITS, newId, oneOf, optional, text } from './fields.js';

// A report cannot be published in the future; a day of slack absorbs time zones and clock skew.
const notInTheFuture = (iso: string) => Date.parse(iso) <= Date.now() + 86_400_000;

export const addSourceInput = z.object({
  idempotencyKey: optional(idempotencyKey),
  id: optional(newId('source')),
  kind: oneOf(SOURCE_KINDS),
  title: text(LIMITS.title),
  publisher: optional(text(LIMITS.name)),
  author: optional(text(LIMITS.name)),
  url: optional(httpUrl),
  publishedAt: optional(dateTime.refine(notInTheFuture, 'must not be in the future')),
  language: optional(
    z
      .string()
      .trim()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en, fr or fr-ML'),
  ),
  reliability: optional(oneOf(SOURCE_RELIABILITIES)).transform((r) => r ?? 'F'),
  citesIds: optional(idList),
});
export type AddSource = z.output<typeof addSourceInput>;
