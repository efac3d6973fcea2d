/** Write inputs about actors: add, refer to (by id or name), update, merge. */
import { z } from 'zod';
import { ACTOR_KINDS } from './enums.js';
import { aliases, idempotencyKey, idRef, LIMITS, newId, oneOf, optional, text } from './fields.js';

export const actorKind = oneOf(ACTOR_KINDS);

export const addActorInput = z.object({
  idempotencyKey: optional(idempotencyKey),
  id: optional(newId('actor')),
  name: text(LIMITS.name),
  kind: actorKind,
  aliases: optional(aliases),
  description: optional(text(LIMITS.text)),
});
export type AddActor = z.output<typeof addActorInput>;

/** An existing actor by id, or by name or alias (created when new, which then needs its kind). */
export const actorRef = z
  .object({
    id: optional(idRef),
    name: optional(text(LIMITS.name)),
    kind: optional(actorKind),
    aliases: optional(aliases),
    description: optional(text(LIMITS.text)),
  })
  .superRefine((ref, ctx) => {
    if ((ref.id === undefined) === (ref.name === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: 'give either id (an existing actor) or name, not both' });
    }
  });
export type ActorRef = z.output<typeof actorRef>;

export const updateActorInput = z.object({
  id: idRef,
  name: optional(text(LIMITS.name)),
  kind: optional(actorKind),
  aliases: optional(aliases),
  description: optional(text(LIMITS.text)),
});
export type UpdateActor = z.output<typeof updateActorInput>;

export const mergeActorsInput = z
  .object({ keepId: idRef, mergeId: idRef })
  .refine((m) => m.keepId !== m.mergeId, { path: ['mergeId'], message: 'must differ from keepId' });
export type MergeActors = z.output<typeof mergeActorsInput>;
