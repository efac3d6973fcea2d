/** The input of reviseClaim: new words for a claim, or what it states, replaced. */
import { z } from 'zod';
import { claimAbout, relationInput } from './claim.js';
import { eventInput } from './event.js';
import { idempotencyKey, idRef, LIMITS, optional, text } from './fields.js';

export const reviseClaimInput = z
  .object({
    idempotencyKey: optional(idempotencyKey),
    claimId: idRef,
    text: optional(text(LIMITS.text)),
    quote: optional(text(LIMITS.quote)),
    events: optional(z.array(eventInput).max(LIMITS.listItems)),
    relations: optional(z.array(relationInput).max(LIMITS.listItems)),
    about: optional(claimAbout),
    reason: optional(text(LIMITS.note)),
  })
  .superRefine((r, ctx) => {
    if ([r.text, r.quote, r.events, r.relations, r.about].every((v) => v === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: 'give what changes: text, quote, or the statements (events, relations, about)',
      });
  });
export type ReviseClaim = z.output<typeof reviseClaimInput>;
