/**
 * Write inputs about claims. `addClaimInput` is the researchers' main contract and the unit the
 * bulk import validates claim by claim: no claim without a source, no source both for and against.
 */
import { z } from 'zod';
import { ACTOR_RELATION_KINDS } from './enums.js';
import { actorRef } from './actor.js';
import { eventInput } from './event.js';
import { idempotencyKey, idList, idRef, LIMITS, newId, oneOf, optional, parseInput, text } from './fields.js';
import { placeRef } from './place.js';

export const relationInput = z
  .object({ from: actorRef, kind: oneOf(ACTOR_RELATION_KINDS), to: actorRef })
  .superRefine((r, ctx) => {
    if (r.from.id && r.from.id === r.to.id)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'must be another actor: an actor cannot relate to itself',
      });
  });
export type RelationSpec = z.output<typeof relationInput>;

export const claimAbout = z.object({
  actors: optional(z.array(actorRef).max(LIMITS.listItems)),
  places: optional(z.array(placeRef).max(LIMITS.listItems)),
  eventIds: optional(idList),
  claimIds: optional(idList),
});

const NO_SOURCE =
  'must list at least one existing source: no claim without a source (add it first with addSource, then give its id)';

export const addClaimInput = z
  .object({
    idempotencyKey: optional(idempotencyKey),
    id: optional(newId('claim')),
    text: text(LIMITS.text),
    quote: optional(text(LIMITS.quote)),
    assertedBy: actorRef,
    sourceIds: z.array(idRef, { required_error: NO_SOURCE }).min(1, NO_SOURCE).max(LIMITS.listItems),
    supportingSourceIds: optional(idList),
    contradictingSourceIds: optional(idList),
    notIndependentlyVerified: optional(z.boolean()).transform((v) => v ?? false),
    events: optional(z.array(eventInput).max(LIMITS.listItems)),
    relations: optional(z.array(relationInput).max(LIMITS.listItems)),
    about: optional(claimAbout),
    separateClaim: optional(z.boolean()),
  })
  .superRefine((c, ctx) => {
    const backing = new Set([...c.sourceIds, ...(c.supportingSourceIds ?? [])]);
    (c.contradictingSourceIds ?? []).forEach((id, i) => {
      if (backing.has(id))
        ctx.addIssue({
          code: 'custom',
          path: ['contradictingSourceIds', i],
          message: `names ${id}, which also reports or supports the claim: a source cannot both support and contradict it`,
        });
    });
  });
export type AddClaim = z.output<typeof addClaimInput>;

/** Validates one AddClaimInput (as the bulk import does for each claim); `root` names it in errors. */
export const parseAddClaim = (raw: unknown, root = 'input'): AddClaim => parseInput(addClaimInput, raw, root);

export const claimEvidenceInput = z.object({
  idempotencyKey: optional(idempotencyKey),
  claimId: idRef,
  sourceId: idRef,
  note: optional(text(LIMITS.note)),
});
export type EvidenceInput = z.output<typeof claimEvidenceInput>;

export const retractClaimInput = z.object({ claimId: idRef, reason: text(LIMITS.note) });
export type RetractClaim = z.output<typeof retractClaimInput>;
