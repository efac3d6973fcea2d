/**
 * Write inputs about claims. `addClaimInput` is the researchers' main contract and the unit the
 * bulk import validates claim by claim: no claim without a source, no source both for and against.
 */
import { z } from 'zod';
import { ACTOR_RELATION_KINDS, FIGURE_GROUPS, FIGURE_KINDS } from './enums.js';
import { actorRef } from './actor.js';
import { count, eventInput } from './event.js';
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

/**
 * A figure a claim states. Numbers are whole and not negative; low ≤ best ≤ high; an approximate
 * word is kept as given, and some number or word is required (an empty figure says nothing).
 */
export const figureInput = z
  .object({
    kind: oneOf(FIGURE_KINDS),
    of: optional(actorRef),
    group: optional(oneOf(FIGURE_GROUPS)),
    low: optional(count),
    high: optional(count),
    best: optional(count),
    approximate: optional(text(LIMITS.label)),
    eventId: optional(idRef),
  })
  .superRefine((f, ctx) => {
    if (f.of && f.group)
      ctx.addIssue({
        code: 'custom',
        path: ['group'],
        message: "must be left out when `of` names an actor: a figure counts one actor's people or one group",
      });
    if (f.low !== undefined && f.high !== undefined && f.low > f.high)
      ctx.addIssue({ code: 'custom', path: ['low'], message: `must not be above high (${f.high})` });
    if (f.best !== undefined && f.low !== undefined && f.best < f.low)
      ctx.addIssue({ code: 'custom', path: ['best'], message: `must not be below low (${f.low})` });
    if (f.best !== undefined && f.high !== undefined && f.best > f.high)
      ctx.addIssue({ code: 'custom', path: ['best'], message: `must not be above high (${f.high})` });
    if ([f.low, f.high, f.best, f.approximate].every((v) => v === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['low'],
        message: 'or high, best or approximate is required: a figure states a number or a word like "dozens"',
      });
  });
export type FigureSpec = z.output<typeof figureInput>;

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
    figures: optional(z.array(figureInput).max(LIMITS.listItems)),
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

export const claimEvidenceInput = z
  .object({
    idempotencyKey: optional(idempotencyKey),
    claimId: idRef,
    sourceId: optional(idRef),
    byClaimId: optional(idRef),
    note: optional(text(LIMITS.note)),
  })
  .superRefine((e, ctx) => {
    if (e.sourceId === undefined && e.byClaimId === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['byClaimId'],
        message: 'or sourceId is required: say who (their claim) or what (a source) stands for or against the claim',
      });
    if (e.byClaimId !== undefined && e.byClaimId === e.claimId)
      ctx.addIssue({
        code: 'custom',
        path: ['byClaimId'],
        message: 'must name another claim: a claim cannot corroborate or dispute itself',
      });
  });
export type EvidenceInput = z.output<typeof claimEvidenceInput>;

export const retractClaimInput = z.object({ claimId: idRef, reason: text(LIMITS.note) });
export type RetractClaim = z.output<typeof retractClaimInput>;
